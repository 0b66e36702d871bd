#!/usr/bin/env bash
# The benchmark in one command: builds the jar, loads a large organisation into PostgreSQL (unless
# REUSE_DATA=1), starts the service with -Xmx256m, runs the load driver against it and against plain
# JDBC, and writes bench/results/<timestamp>.md.
#   IDENTITIES=200000 EVENTS=1000000 WARMUP=PT5S DURATION=PT15S SOAK=PT10M BENCH_DB=pe_bench bench/run.sh
#   IDENTITIES=2000000 EVENTS=10000000 BENCH_DB=pe_bench10 bench/run.sh   (ten times the scale, on demand)
#   ONLY='create.*' runs only the scenarios whose name matches (a regular expression).
#   LOAD_ONLY=1 loads the data and stops; a later REUSE_DATA=1 run measures it and reports its load time.
set -euo pipefail
cd "$(dirname "$0")/.."

IDENTITIES=${IDENTITIES:-200000}
EVENTS=${EVENTS:-1000000}
DB=${BENCH_DB:-pe_bench}
PORT=${BENCH_PORT:-8089}
WARMUP=${WARMUP:-PT5S}
DURATION=${DURATION:-PT15S}
SOAK=${SOAK:-PT10M}   # the memory run after the scenarios; PT0S skips it
PSQL=(psql -h 127.0.0.1 -U postgres -X -q)

./mvnw -q -B -ntp package -DskipTests -Dspotless.check.skip=true
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test -Dspotless.check.skip=true
JAR=$(ls target/personnel-events-*.jar | head -n 1)
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres

LOAD=""
if [ "${REUSE_DATA:-0}" != 1 ]; then
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    java -jar "$JAR" token list --create-database >/dev/null   # creates the schema
    echo "Loading $IDENTITIES identities and $EVENTS events into $DB ..." >&2
    STARTED=$(date +%s)
    "${PSQL[@]}" -d "$DB" -v identities="$IDENTITIES" -v events="$EVENTS" -f bench/generate.sql
    # Once more from a fresh connection: the load's own VACUUM left most pages not all-visible (1M events:
    # 40% of personnel_event, none of personnel_event_identity), so index-only scans read the table anyway,
    # unlike a database that autovacuum has settled.
    "${PSQL[@]}" -d "$DB" -c "VACUUM"
    LOAD="loaded in $(( ($(date +%s) - STARTED) / 60 )) min"
    echo "$LOAD" >"target/bench-load-$DB.txt"
    if [ "${VERIFY_TRAIL:-1}" = 1 ]; then
        java -jar "$JAR" audit verify | head -n 5 >&2   # the generated trail's hash chain, checked by the service
    fi
    if [ "${LOAD_ONLY:-0}" = 1 ]; then
        echo "$DB: $LOAD, $("${PSQL[@]}" -d "$DB" -tAc "SELECT pg_size_pretty(pg_database_size('$DB'))")" >&2
        exit 0
    fi
else
    LOAD=$(cat "target/bench-load-$DB.txt" 2>/dev/null || true)
    echo "Removing what earlier runs created from $DB ..." >&2
    "${PSQL[@]}" -d "$DB" -v events="$EVENTS" -f bench/reset.sql >/dev/null
    "${PSQL[@]}" -d "$DB" -c "VACUUM"   # a fresh connection (see above); only the pages the reset touched
fi
TOKEN=$(java -jar "$JAR" token create --name "Benchmark" --scopes admin)
# People whose views are measured: a Personnel Manager (identity 11 reports one event in a thousand), a
# Supervisor (identity 12 supervises identities 120-129), and a Security Team member for the taskboard.
PASSWORD=benchmark-password-$$
identity() { "${PSQL[@]}" -d "$DB" -tAc "SELECT md5('identity:$1')::uuid"; }
echo "$PASSWORD" | java -jar "$JAR" user create --email p11@bank.example --groups "Personnel Manager" --password-stdin >/dev/null
echo "$PASSWORD" | java -jar "$JAR" user create --email p2002@bank.example --groups "Security Team" --password-stdin >/dev/null
echo "$PASSWORD" | java -jar "$JAR" user create --email p12@bank.example --password-stdin >/dev/null   # a supervisor: no groups, roles by facts
PM="p11@bank.example:$(identity 11):$(java -jar "$JAR" token create --name PM --scopes events:read --user p11@bank.example)"
SUPERVISOR="p12@bank.example:$(identity 12):$(java -jar "$JAR" token create --name Supervisor --scopes events:read --user p12@bank.example)"

java -Xmx256m -XX:+UseG1GC -XX:FlightRecorderOptions:stackdepth=256 -Xlog:gc:file=target/bench-gc.log:time,uptime -jar "$JAR" --server.port="$PORT" \
    --personnel-events.scheduler.enabled=false --personnel-events.benchmark.http-floor=true \
    >target/bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null && break
    sleep 1
done

MACHINE="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1), \
$("${PSQL[@]}" -d "$DB" -tAc 'SHOW server_version' | head -n 1) on the same machine, \
$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM identity') identities, \
$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM personnel_event') events ${LOAD:+($LOAD) }in \
$("${PSQL[@]}" -d "$DB" -tAc "SELECT pg_size_pretty(pg_database_size('$DB'))"), service -Xmx256m"
REPORT="bench/results/$(date -u +%Y-%m-%dT%H%M%SZ).md"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    -Dbench.url="http://localhost:$PORT" -Dbench.token="$TOKEN" \
    -Dbench.jdbc.url="$SPRING_DATASOURCE_URL" -Dbench.jdbc.user=postgres \
    -Dbench.jitwarmup="${JIT_WARMUP:-PT180S}" -Dbench.warmup="$WARMUP" -Dbench.duration="$DURATION" -Dbench.soak="$SOAK" -Dbench.gclog=target/bench-gc.log \
    -Dbench.servicepid="$SERVICE" -Dbench.clockticks="$(getconf CLK_TCK)" -Dbench.only="${ONLY:-}" \
    -Dbench.pm="$PM" -Dbench.supervisor="$SUPERVISOR" -Dbench.security=p2002@bank.example -Dbench.password="$PASSWORD" \
    -Dbench.httpfloor=true -Dbench.jfr=target/bench-reads.jfr -Dbench.checkpoint="${CHECKPOINT:-true}" -Dbench.createwarmup="${CREATE_WARMUP:-PT120S}" \
    -Dbench.report="$REPORT" -Dbench.machine="$MACHINE" \
    com.personnelevents.bench.Benchmark
cp "$REPORT" bench/results/latest.md
cat "$REPORT"
