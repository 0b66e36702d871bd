package com.personnelevents.bench;

import com.personnelevents.bench.LoadRun.Result;
import com.personnelevents.db.AuditChain;
import com.personnelevents.db.AuditRecords;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The benchmark: creates of each type at 8 and 32 clients and the list and get queries at 8, through
 * the HTTP API of a running service, and the same rows and queries through plain JDBC on the same
 * database (the floor: what PostgreSQL itself allows on this machine). Writes a Markdown report.
 *
 * <p>Settings (system properties): {@code bench.url}, {@code bench.token}, {@code bench.jdbc.url},
 * {@code bench.jdbc.user}, {@code bench.jdbc.password}, {@code bench.warmup}, {@code bench.duration}
 * (ISO-8601 durations), {@code bench.clients} (create concurrencies, default "8,32"), {@code
 * bench.report} (file), {@code bench.machine} (a line describing the machine), {@code bench.only} (a
 * regular expression: only the scenarios whose names it finds run, for profiling one of them), {@code
 * bench.jitwarmup} (a mixed load before anything is measured), {@code bench.createwarmup} (each create type
 * alone before it is measured), {@code bench.checkpoint}, {@code bench.soak} and {@code bench.gclog}
 * (the memory run after the scenarios, and the service's GC log it reads).
 */
public final class Benchmark {

    static final String[] CREATE_TYPES = {"onboard", "offboard", "role-transition", "leave-of-absence"};

    private final URI base;
    private final String token;
    private final HikariDataSource database;
    private final Duration warmup;
    private final Duration duration;
    private final int[] createClients;
    private final Duration jitWarmup = Duration.parse(System.getProperty("bench.jitwarmup", "PT0S"));
    private final Duration createWarmup = Duration.parse(System.getProperty("bench.createwarmup", "PT0S"));
    /** Whether each side of a create starts from a checkpoint (on PostgreSQL). */
    private final boolean checkpoints = Boolean.parseBoolean(System.getProperty("bench.checkpoint", "true"));

    private final Map<String, String> createWarmups = new LinkedHashMap<>();
    private final List<UUID> freePeople = new ArrayList<>();
    /**
     * The free people in four pools (half of them the leavers'), so that no two creates contradict each other (an event dated after an
     * open offboarding, overlapping leaves): offboardings and leaves take theirs in turn, role transitions
     * any of theirs, and the floor's rows (written without checks) never touch the API's people.
     */
    private final List<UUID> leavers = new ArrayList<>();

    private final List<UUID> away = new ArrayList<>();
    private final List<UUID> movers = new ArrayList<>();
    private final List<UUID> floorPeople = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger nextAway = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicInteger nextFree = new AtomicInteger();
    private final List<UUID> somePeople = new ArrayList<>();
    private final List<UUID> someEvents = new ArrayList<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Pattern only = Pattern.compile(System.getProperty("bench.only", ""));
    /** People whose views are measured (bench.pm = email:identityId:token, bench.supervisor alike), if given. */
    private final Person personnelManager = Person.of(System.getProperty("bench.pm", ""));

    private final Person supervisor = Person.of(System.getProperty("bench.supervisor", ""));
    private final boolean httpFloor = Boolean.getBoolean("bench.httpfloor");
    private String securitySession;
    /** The Security Team member's identity, for the floor of their "My work". */
    private UUID securityIdentity;

    private String readsProfile = "";
    private String personnelManagerSession;

    /** A person of the benchmark: their email (login), identity and personal token. */
    record Person(String email, UUID identityId, String token) {

        static Person of(String spec) {
            if (spec.isBlank()) {
                return null;
            }
            String[] parts = spec.split(":", 3);
            return new Person(parts[0], UUID.fromString(parts[1]), parts[2]);
        }
    }

    Benchmark(
            URI base,
            String token,
            String jdbcUrl,
            String user,
            String password,
            Duration warmup,
            Duration duration,
            int[] createClients) {
        this.base = base;
        this.token = token;
        this.warmup = warmup;
        this.duration = duration;
        this.createClients = createClients;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(Math.max(32, maxOf(createClients)));
        this.database = new HikariDataSource(config);
    }

    public static void main(String[] args) throws Exception {
        // One kept-alive connection per client thread (the JDK keeps only 5 per host by default).
        System.setProperty("http.maxConnections", "256");
        Benchmark benchmark = new Benchmark(
                URI.create(System.getProperty("bench.url", "http://localhost:8089")),
                required("bench.token"),
                System.getProperty("bench.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/pe_bench"),
                System.getProperty("bench.jdbc.user", "postgres"),
                System.getProperty("bench.jdbc.password", ""),
                Duration.parse(System.getProperty("bench.warmup", "PT5S")),
                Duration.parse(System.getProperty("bench.duration", "PT20S")),
                parseClients(System.getProperty("bench.clients", "8,32")));
        Path report = Path.of(System.getProperty("bench.report", "bench/results/latest.md"));
        List<Result> results = benchmark.run();
        Duration soak = Duration.parse(System.getProperty("bench.soak", "PT0S"));
        String memory = soak.isZero()
                ? ""
                : benchmark.soak(soak, Path.of(System.getProperty("bench.gclog", "target/bench-gc.log")));
        benchmark.writeReport(report, System.getProperty("bench.machine", "unknown machine"), results, memory);
        System.out.println("Report written to " + report);
    }

    List<Result> run() throws Exception {
        try {
            sample();
            String password = System.getProperty("bench.password", "");
            String security = System.getProperty("bench.security", "");
            if (!password.isBlank() && !security.isBlank()) {
                securitySession = signIn(security, password);
                securityIdentity = identityOf(security);
            }
            if (!password.isBlank() && personnelManager != null) {
                personnelManagerSession = signIn(personnelManager.email(), password);
            }
            // The service's JIT compiles its hot paths before anything is measured; reads only, so that
            // the reads are measured on the organisation as loaded. Every read scenario in turn: a mix of
            // the API's lists and gets alone left the pages' code (Thymeleaf, sessions) to be compiled
            // during their own five seconds, so the taskboards were measured half compiled (driven alone,
            // their service CPU per page kept falling for some 20,000 pages, to a third of the first rounds').
            List<LoadRun.Task> reads = new ArrayList<>();
            listQueries().values().forEach(list -> reads.add((t, i) -> read(list)));
            workPages().values().forEach(work -> reads.add((t, i) -> getPage("/", work.session())));
            reads.add((t, i) -> getOk("/api/personnel-events/" + any(someEvents)));
            LoadRun.run(
                    "JIT warm-up",
                    "api",
                    8,
                    Duration.ZERO,
                    jitWarmup,
                    (t, i) -> reads.get((int) (i % reads.size())).run(t, i));
            List<Result> results = new ArrayList<>();
            for (Map.Entry<String, ListQuery> query : listQueries().entrySet()) {
                if (!only.matcher(query.getKey()).find()) {
                    continue;
                }
                ListQuery list = query.getValue();
                measure(results, query.getKey(), 8, (t, i) -> read(list), (t, i) -> floorList(list));
            }
            for (Map.Entry<String, WorkPage> page : workPages().entrySet()) {
                if (only.matcher(page.getKey()).find()) {
                    WorkPage work = page.getValue();
                    measure(
                            results,
                            page.getKey(),
                            8,
                            (t, i) -> getPage("/", work.session()),
                            (t, i) -> floorMyWork(work));
                }
            }
            if (only.matcher("get by id").find()) {
                measure(
                        results,
                        "get by id",
                        8,
                        (t, i) -> getOk("/api/personnel-events/" + any(someEvents)),
                        (t, i) -> floorGet(any(someEvents)));
            }
            if (httpFloor && only.matcher("get by id HTTP floor").find()) {
                // a hundred events' answers, each serialized once, against the same SQL floor as get by id
                List<UUID> hundred = someEvents.subList(0, Math.min(100, someEvents.size()));
                measure(
                        results,
                        "get by id HTTP floor",
                        8,
                        (t, i) -> getOk("/api/benchmark/floor/" + any(hundred)),
                        (t, i) -> floorGet(any(someEvents)));
            }
            profileReads();
            // Creates last: the reads are measured on the organisation as loaded.
            // every type of create in turn (the onboardings and offboardings were left out once); each type then
            // runs alone until the JIT settles (settle, below)
            LoadRun.run(
                    "JIT warm-up",
                    "api",
                    8,
                    Duration.ZERO,
                    jitWarmup.dividedBy(3),
                    (t, i) -> i % 5 == 0 ? create(CREATE_TYPES[(int) (i / 5 % CREATE_TYPES.length)]) : mixed(i));
            for (String type : CREATE_TYPES) {
                if (!only.matcher("create " + type).find()) {
                    continue;
                }
                settle(type);
                for (int clients : createClients) {
                    measureCreates(
                            results, "create " + type, clients, (t, i) -> create(type), (t, i) -> floorCreate(type));
                }
            }
            return results;
        } finally {
            database.close();
        }
    }

    /**
     * One scenario measured twice, through the API and then on its floor (whose failures are kept under the
     * scenario's name, as the API's are), each result in turn.
     */
    private void measure(List<Result> results, String scenario, int clients, LoadRun.Task api, LoadRun.Task floor)
            throws Exception {
        results.add(LoadRun.run(scenario, "api", clients, warmup, duration, api));
        results.add(LoadRun.run(
                scenario, "jdbc", clients, warmup, duration, (t, i) -> floor(scenario, () -> floor.run(t, i))));
    }

    /**
     * The type alone, unmeasured, in slices of 10 s, until the service's JIT compiler threads use less than 5%
     * of a core over a slice (or {@code bench.createwarmup} has passed). After the mixed warm-up, the
     * onboardings (measured first) kept the C2 thread at 70-90% of a core for some 70 s: through 20 s of their
     * own, their measured run and the floor's after it.
     */
    private void settle(String type) throws Exception {
        ProcessCpu cpu = ProcessCpu.fromSystemProperties();
        Duration slice = Duration.ofSeconds(10);
        Duration spent = Duration.ZERO;
        boolean settled = false;
        while (!settled && spent.compareTo(createWarmup) < 0) {
            Optional<Map<String, Long>> before = cpu.compilerTicks();
            LoadRun.run("JIT warm-up " + type, "api", 8, Duration.ZERO, slice, (t, i) -> create(type));
            Optional<Map<String, Long>> after = cpu.compilerTicks();
            spent = spent.plus(slice);
            settled = before.isPresent()
                    && after.isPresent()
                    && ProcessCpu.compilerTicksBetween(before.get(), after.get())
                            < cpu.ticksPerSecond() * slice.toSeconds() / 20;
        }
        createWarmups.put(type, spent.toSeconds() + " s" + (settled || createWarmup.isZero() ? "" : " (not settled)"));
    }

    /**
     * A create scenario, as {@link #measure}, each side starting from a checkpoint (unless {@code
     * bench.checkpoint=false}), with the bytes of WAL PostgreSQL wrote per request. After a checkpoint, the first
     * change of a page writes the whole page (8 kB) into the WAL; the creates insert at random places of indexes
     * of random UUIDs, so most of their first changes after a checkpoint are such pages. Without a checkpoint
     * between them, the side measured first (always the API) paid for the pages both sides change.
     */
    private void measureCreates(
            List<Result> results, String scenario, int clients, LoadRun.Task api, LoadRun.Task floor) throws Exception {
        boolean postgres = isPostgres();
        boolean checkpoint = postgres && checkpoints;
        LoadRun.Counter wal = postgres ? this::walWritten : null;
        if (checkpoint) {
            checkpoint();
        }
        results.add(LoadRun.run(scenario, "api", clients, warmup, duration, api, wal));
        if (checkpoint) {
            checkpoint();
        }
        results.add(LoadRun.run(
                scenario, "jdbc", clients, warmup, duration, (t, i) -> floor(scenario, () -> floor.run(t, i)), wal));
    }

    private boolean isPostgres() throws Exception {
        try (Connection c = database.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    private void checkpoint() throws Exception {
        try (Connection c = database.getConnection()) {
            c.createStatement().execute("CHECKPOINT");
        }
    }

    /** The bytes of WAL the database has written since it began. */
    private long walWritten() throws Exception {
        try (Connection c = database.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One read of a list scenario: through the API with a token, or a page with a signed-in person's session. */
    private boolean read(ListQuery list) throws Exception {
        return list.session() != null
                ? getPage(list.path(), list.session())
                : send(
                        "GET " + list.path(),
                        "GET",
                        list.path(),
                        null,
                        200,
                        list.token() == null ? token : list.token());
    }

    /**
     * Where the reads' time goes: the service's own flight recorder (JFR) over a pass of its own through the
     * read scenarios after they are measured, unmeasured, so that the recorder weighs on no figure (started
     * before the first measured scenario, it halved that one's throughput).
     */
    private void profileReads() throws Exception {
        String jfr = System.getProperty("bench.jfr", "");
        String pid = System.getProperty("bench.servicepid", "");
        if (jfr.isBlank() || pid.isBlank()) {
            return;
        }
        jcmd(pid, "JFR.start", "name=reads", "settings=profile");
        Duration each = duration.dividedBy(3);
        for (Map.Entry<String, ListQuery> query : listQueries().entrySet()) {
            if (only.matcher(query.getKey()).find()) {
                ListQuery list = query.getValue();
                LoadRun.run("profile " + query.getKey(), "api", 8, Duration.ZERO, each, (t, i) -> read(list));
            }
        }
        for (Map.Entry<String, WorkPage> page : workPages().entrySet()) {
            if (only.matcher(page.getKey()).find()) {
                String session = page.getValue().session();
                LoadRun.run("profile " + page.getKey(), "api", 8, Duration.ZERO, each, (t, i) -> getPage("/", session));
            }
        }
        if (only.matcher("get by id").find()) {
            LoadRun.run(
                    "profile get by id",
                    "api",
                    8,
                    Duration.ZERO,
                    each,
                    (t, i) -> getOk("/api/personnel-events/" + any(someEvents)));
        }
        Path recording = Path.of(jfr).toAbsolutePath();
        jcmd(pid, "JFR.dump", "name=reads", "filename=" + recording);
        jcmd(pid, "JFR.stop", "name=reads");
        readsProfile = JfrTop.summarize(recording, 15);
    }

    /** People without open events (each offboarding needs its own), and ids to read. */
    private void sample() throws Exception {
        try (Connection c = database.getConnection()) {
            query(c, """
                    SELECT id FROM identity i WHERE status = 'Active' AND NOT EXISTS (SELECT 1 FROM personnel_event e
                     WHERE e.identity_id = i.id AND e.status NOT IN ('Completed', 'Canceled')) LIMIT 150000
                    """, freePeople);
            query(c, "SELECT identity_id FROM personnel_event ORDER BY number DESC LIMIT 20000", somePeople);
            query(c, "SELECT id FROM personnel_event ORDER BY number DESC LIMIT 20000", someEvents);
        }
        if (freePeople.size() < 6 || someEvents.isEmpty()) {
            throw new IllegalStateException("The database holds no identities or events to run against");
        }
        // half to the offboardings, which need a person each (the others may take one again)
        List<List<UUID>> pools = List.of(leavers, away, leavers, movers, leavers, floorPeople);
        for (int i = 0; i < freePeople.size(); i++) {
            pools.get(i % pools.size()).add(freePeople.get(i));
        }
    }

    // --- through the API ---------------------------------------------------------------------

    private boolean create(String type) throws Exception {
        return send("POST " + type, "POST", "/api/personnel-events/" + type, body(type), 201);
    }

    private boolean getOk(String path) throws Exception {
        return send("GET " + path.replaceAll("[0-9a-f-]{36}", "{id}"), "GET", path, null, 200);
    }

    /**
     * Sends one request on a kept-alive connection; another status is a failure, and the first of each
     * kind is kept for the report. {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}:
     * blocking, it costs the driver a fraction of the CPU, and the driver shares the machine with the
     * service and the database.
     */
    private boolean send(String scenario, String method, String path, String body, int expected) throws Exception {
        return send(scenario, method, path, body, expected, token);
    }

    private boolean send(String scenario, String method, String path, String body, int expected, String bearer)
            throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(path).toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            if (in != null) {
                in.close();
            }
            if (status == expected) {
                return true;
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            failures.putIfAbsent(scenario + " " + status, text.length() > 300 ? text.substring(0, 300) : text);
            return false;
        } catch (IOException e) {
            failures.putIfAbsent(scenario + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            connection.disconnect();
            return false;
        }
    }

    /** A page, as a signed-in person's browser asks for it (the session cookie, no token). */
    private boolean getPage(String path, String session) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(path).toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Cookie", session);
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            if (in != null) {
                in.close();
            }
            if (status == 200) {
                return true;
            }
            failures.putIfAbsent("GET page " + path + " " + status, new String(answer, StandardCharsets.UTF_8));
            return false;
        } catch (IOException e) {
            failures.putIfAbsent(
                    "GET page " + path + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            connection.disconnect();
            return false;
        }
    }

    /**
     * Signs a local account in through the sign-in page, as a browser does (the form's CSRF token, the
     * session cookie); returns the cookie header of the signed-in session.
     */
    private String signIn(String email, String password) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        java.net.http.HttpResponse<String> login = http.send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        java.util.regex.Matcher csrf =
                Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The sign-in page has no CSRF token");
        }
        String form = "email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        java.net.http.HttpResponse<String> signedIn = http.send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("The benchmark's person could not sign in: " + email);
        }
        return signedIn.headers().firstValue("Set-Cookie").orElse(cookie).split(";", 2)[0];
    }

    private String body(String type) {
        switch (type) {
            case "onboard":
                return """
                        {"identity":{"firstName":"Bench","lastName":"Hire%d","email":"hire-%s@bench.example",
                        "department":"Lending","title":"Loan Officer"},"effectiveDate":"%s","comment":"Benchmark"}""".formatted(
                                ThreadLocalRandom.current().nextInt(1_000_000), UUID.randomUUID(), effectiveDate());
            case "offboard":
                return "{\"identityId\":\"%s\",\"effectiveDate\":\"%s\",\"comment\":\"Benchmark\"}"
                        .formatted(nextFreePerson(), effectiveDate());
            case "role-transition":
                return "{\"identityId\":\"%s\",\"effectiveDate\":\"%s\",\"identity\":{\"title\":\"Senior Loan Officer\"}}"
                        .formatted(any(movers), effectiveDate());
            default:
                // each person's next leave starts the day after their last ends: leaves never overlap
                int n = nextAway.getAndIncrement();
                LocalDate starts = LocalDate.now().plusDays(7 + (n % away.size()) % 30 + 61L * (n / away.size()));
                return "{\"identityId\":\"%s\",\"effectiveDate\":\"%s\",\"endDate\":\"%s\"}"
                        .formatted(away.get(n % away.size()), starts, starts.plusDays(60));
        }
    }

    /**
     * Within the next 90 days, as HR sends them: a burst of creates all on one date would put hundreds of
     * thousands of events on it, and a page that starts within one date skips that date's rows.
     */
    private static String effectiveDate() {
        return LocalDate.now()
                .plusDays(7 + ThreadLocalRandom.current().nextInt(90))
                .toString();
    }

    /** The next person without an open event; each is offboarded once (a second offboarding would be refused). */
    private UUID nextFreePerson() {
        int next = nextFree.getAndIncrement();
        if (next >= leavers.size()) {
            failures.putIfAbsent(
                    "offboardings ran out of people",
                    leavers.size() + " free people were offboarded; later offboardings reuse them and are refused");
        }
        return leavers.get(next % leavers.size());
    }

    /**
     * A list scenario: the API's path, the floor's WHERE clause and parameters, the page's offset, and who
     * asks ({@code token}: null for the benchmark's integration token; {@code session}: a signed-in person's
     * cookie, for a taskboard page).
     */
    record ListQuery(String path, String where, List<Object> params, long offset, String token, String session) {

        ListQuery(String path, String where, List<Object> params, long offset) {
            this(path, where, params, offset, null, null);
        }
    }

    /** A person's view (EventFilter.VIEW): the sort keys and ids of what they may see. */
    private static final String VIEW = "SELECT r.needed_on, r.number, r.id FROM personnel_event r"
            + " WHERE r.reporter_id = (SELECT CAST(? AS UUID))"
            + " UNION SELECT a.needed_on, a.number, a.id FROM personnel_event a WHERE a.assignee_id = (SELECT CAST(? AS UUID))"
            + " UNION SELECT o.needed_on, o.number, o.id FROM identity s"
            + " JOIN personnel_event o ON o.identity_id = s.id WHERE s.supervisor_id = (SELECT CAST(? AS UUID))"
            + " UNION SELECT n.needed_on, n.number, n.id FROM personnel_event_identity d"
            + " JOIN personnel_event n ON n.id = d.event_id WHERE d.supervisor_id = (SELECT CAST(? AS UUID))";

    /** A person's view (what EventFilter.VISIBLE lets them see), as the floor's WHERE clause. */
    private static final String VISIBLE = " WHERE (needed_on, number, id) IN (" + VIEW + ")";

    private Map<String, ListQuery> listQueries() {
        UUID person = somePeople.get(0);
        Map<String, ListQuery> queries = new LinkedHashMap<>();
        queries.put("list page 1", new ListQuery("/api/personnel-events", "", List.of(), 0));
        queries.put(
                "list status=Pending",
                new ListQuery("/api/personnel-events?status=Pending", " WHERE status = ?", List.of("Pending"), 0));
        queries.put(
                "list type=RoleTransition",
                new ListQuery(
                        "/api/personnel-events?type=RoleTransition", " WHERE type = ?", List.of("RoleTransition"), 0));
        queries.put(
                "list identityId",
                new ListQuery(
                        "/api/personnel-events?identityId=" + person, " WHERE identity_id = ?", List.of(person), 0));
        queries.put(
                "list type+status",
                new ListQuery(
                        "/api/personnel-events?type=Offboard&status=Completed",
                        " WHERE type = ? AND status = ?",
                        List.of("Offboard", "Completed"),
                        0));
        queries.put("list page 1000", new ListQuery("/api/personnel-events?page=1000", "", List.of(), 999L * 50));
        if (personnelManager != null) {
            UUID me = personnelManager.identityId();
            queries.put(
                    "list as a Personnel Manager",
                    new ListQuery(
                            "/api/personnel-events",
                            VISIBLE,
                            List.of(me, me, me, me),
                            0,
                            personnelManager.token(),
                            null));
        }
        if (supervisor != null) {
            UUID me = supervisor.identityId();
            queries.put(
                    "list as a Supervisor",
                    new ListQuery(
                            "/api/personnel-events", VISIBLE, List.of(me, me, me, me), 0, supervisor.token(), null));
        }
        if (securitySession != null) {
            queries.put(
                    "taskboard page (Security Team)",
                    new ListQuery("/personnel-events", "", List.of(), 0, null, securitySession));
            queries.put(
                    "taskboard filtered (Security Team)",
                    new ListQuery(
                            "/personnel-events?type=Offboard&status=Completed",
                            " WHERE type = ? AND status = ?",
                            List.of("Offboard", "Completed"),
                            0,
                            null,
                            securitySession));
        }
        if (personnelManagerSession != null) {
            UUID me = personnelManager.identityId();
            queries.put(
                    "taskboard page (Personnel Manager)",
                    new ListQuery(
                            "/personnel-events", VISIBLE, List.of(me, me, me, me), 0, null, personnelManagerSession));
        }
        if (httpFloor) {
            queries.put("list page 1 HTTP floor", new ListQuery("/api/benchmark/floor", "", List.of(), 0));
        }
        return queries;
    }

    /** A signed-in person's "My work" (the home page): their session, identity, and whether their view is narrowed. */
    record WorkPage(String session, UUID person, boolean narrowed) {}

    private Map<String, WorkPage> workPages() {
        Map<String, WorkPage> pages = new LinkedHashMap<>();
        if (securitySession != null && securityIdentity != null) {
            pages.put("taskboard my work (Security Team)", new WorkPage(securitySession, securityIdentity, false));
        }
        if (personnelManagerSession != null) {
            pages.put(
                    "taskboard my work (Personnel Manager)",
                    new WorkPage(personnelManagerSession, personnelManager.identityId(), true));
        }
        return pages;
    }

    private UUID identityOf(String email) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = prepare(c, "SELECT identity_id FROM account WHERE login = ?", List.of(email));
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    // --- the floor: the same rows and queries through plain JDBC -------------------------------

    /** Runs one floor transaction; a failure is kept for the report like the API's. */
    private boolean floor(String scenario, Callable<Boolean> transaction) {
        try {
            return transaction.call();
        } catch (Exception e) {
            failures.putIfAbsent(
                    "floor " + scenario + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    private boolean floorCreate(String type) throws Exception {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            long number;
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            c.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                                    ? "UPDATE personnel_event_number SET last_number = last_number + 1 RETURNING last_number"
                                    : "SELECT last_number FROM FINAL TABLE"
                                            + " (UPDATE personnel_event_number SET last_number = last_number + 1)")) {
                rs.next();
                number = rs.getLong(1);
            }
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            LocalDate effective = LocalDate.parse(effectiveDate());
            String dbType = type.equals("role-transition")
                    ? "RoleTransition"
                    : type.equals("leave-of-absence")
                            ? "Absence"
                            : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
            // The floor's people are its own (its rows are written without the API's checks).
            UUID identity = type.equals("onboard") ? UUID.randomUUID() : any(floorPeople);
            // The audit trail's hash chain, as the service writes it: the first entry records the event's and
            // its stages' states, and the event keeps the heads of its chains.
            Instant at = now.toInstant().truncatedTo(AuditChain.PRECISION);
            Map<String, String> states = AuditRecords.states();
            states.put(
                    AuditRecords.EVENT, AuditRecords.eventState("Scheduled", effective, null, null, null, null, null));
            states.put(
                    AuditRecords.stageSubject("Approval"),
                    AuditRecords.stageState(0, "Scheduled", effective.minusDays(7), null, null, null, null));
            states.put(
                    AuditRecords.stageSubject("Provision"),
                    AuditRecords.stageState(1, "Scheduled", effective, null, null, null, null));
            states.put(
                    AuditRecords.stageSubject("Verification"),
                    AuditRecords.stageState(2, "Scheduled", null, null, null, null, null));
            String changes = AuditRecords.lines(states);
            String activityHead = AuditChain.next(
                    AuditChain.start(id, "event_activity"),
                    id,
                    at,
                    "Bench",
                    "Created",
                    "Created via benchmark",
                    changes);
            String commentHead =
                    AuditChain.next(AuditChain.start(id, "event_comment"), id, at, "Bench", null, "Benchmark");
            update(
                    c,
                    """
                    INSERT INTO personnel_event (id, number, type, status, identity_id, reporter_id, reporter_name,
                        needed_on, created_at, next_due_on, activity_head, comment_head, version)
                    VALUES (?, ?, ?, 'Scheduled', ?, ?, 'Bench', ?, ?, ?, ?, ?, 0)
                    """,
                    id,
                    number,
                    dbType,
                    identity,
                    UUID.randomUUID(),
                    effective,
                    now,
                    effective.minusDays(7),
                    activityHead,
                    commentHead);
            update(
                    c,
                    "UPDATE personnel_event_count SET n = n + 1 WHERE type = ? AND status = 'Scheduled' AND stripe = ?",
                    dbType,
                    ThreadLocalRandom.current().nextInt(16));
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                update(c, """
                        INSERT INTO personnel_event_day_count (needed_on, type, status, stripe, n)
                        VALUES (?, ?, 'Scheduled', ?, 1) ON CONFLICT (needed_on, type, status, stripe)
                        DO UPDATE SET n = personnel_event_day_count.n + 1""", effective, dbType, ThreadLocalRandom.current().nextInt(16));
            }
            if (type.equals("onboard") || type.equals("role-transition")) {
                update(
                        c,
                        "INSERT INTO personnel_event_identity (event_id, first_name, last_name, title) VALUES (?, ?, ?, ?)",
                        id,
                        "Bench",
                        "Hire",
                        "Loan Officer");
            }
            update(c, """
                    INSERT INTO event_stage (event_id, position, name, status, scheduled_start)
                    VALUES (?, 0, 'Approval', 'Scheduled', ?), (?, 1, 'Provision', 'Scheduled', ?),
                           (?, 2, 'Verification', 'Scheduled', NULL)""", id, effective.minusDays(7), id, effective, id);
            update(c, """
                    INSERT INTO event_activity (event_id, created_date, author, action, content, changes, hash)
                    VALUES (?, ?, 'Bench', 'Created', 'Created via benchmark', ?, ?)""", id, Timestamp.from(at), changes, activityHead);
            update(
                    c,
                    "INSERT INTO event_comment (event_id, created_date, author, content, hash) VALUES (?, ?, 'Bench', 'Benchmark', ?)",
                    id,
                    Timestamp.from(at),
                    commentHead);
            c.commit();
            return true;
        }
    }

    /** Identities as the answers show them: with their supervisor's name. */
    private static final String IDENTITIES = "SELECT i.*, s.first_name AS supervisor_first_name,"
            + " s.last_name AS supervisor_last_name FROM identity i LEFT JOIN identity s ON s.id = i.supervisor_id";

    /** The service's list: the page, the exact count, and the identities of the page. */
    private boolean floorList(ListQuery query) throws Exception {
        try (Connection c = database.getConnection()) {
            List<UUID> identities = new ArrayList<>();
            List<Object> params = new ArrayList<>(query.params());
            String where = query.where();
            long skip = query.offset();
            if (skip > 0) {
                // the service's deep page: the kept counts per date say where the page starts, read a
                // hundred dates first, then four times as many each time
                LocalDate startsOn = null;
                LocalDate lastDate = null;
                long before = 0;
                boolean more = true;
                for (int limit = 100; startsOn == null && more; limit *= 4) {
                    List<Object> countParams = new ArrayList<>(query.params());
                    String counts = "SELECT needed_on, SUM(n) FROM personnel_event_day_count WHERE 1 = 1"
                            + query.where().replace(" WHERE ", " AND ");
                    if (lastDate != null) {
                        counts += " AND needed_on < ?";
                        countParams.add(lastDate);
                    }
                    counts += " GROUP BY needed_on ORDER BY needed_on DESC LIMIT " + limit;
                    int dates = 0;
                    try (PreparedStatement s = prepare(c, counts, countParams);
                            ResultSet rs = s.executeQuery()) {
                        while (startsOn == null && rs.next()) {
                            dates++;
                            lastDate = rs.getObject(1, LocalDate.class);
                            if (before + rs.getLong(2) > skip) {
                                startsOn = lastDate;
                            } else {
                                before += rs.getLong(2);
                            }
                        }
                    }
                    more = dates == limit;
                }
                if (startsOn == null) {
                    return true; // past the end: an empty page, as the service answers
                }
                where += (where.isEmpty() ? " WHERE" : " AND") + " needed_on <= ?";
                params.add(startsOn);
                skip -= before;
            }
            params.add(skip);
            // a person's view, as the service reads it: found once from its indexes (no other condition), then
            // counted and paged in one statement
            boolean view = VISIBLE.equals(where);
            String page = view
                    ? "WITH m AS (SELECT id, needed_on, number FROM (" + VIEW + ") v)"
                            + " SELECT e.*, (SELECT COUNT(*) FROM m) AS total_count FROM personnel_event e"
                            + " JOIN (SELECT id FROM m ORDER BY needed_on DESC, number DESC LIMIT 50 OFFSET ?) p"
                            + " ON p.id = e.id ORDER BY e.needed_on DESC, e.number DESC"
                    : "SELECT e.* FROM personnel_event e JOIN (SELECT id FROM personnel_event" + where
                            + " ORDER BY needed_on DESC, number DESC LIMIT 50 OFFSET ?) p ON p.id = e.id"
                            + " ORDER BY e.needed_on DESC, e.number DESC";
            try (PreparedStatement s = prepare(c, page, params);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    identities.add(rs.getObject("identity_id", UUID.class));
                }
            }
            if (!view) {
                String count = query.where().contains("identity_id")
                        ? "SELECT COUNT(*) FROM personnel_event" + query.where()
                        : "SELECT COALESCE(SUM(n), 0) FROM personnel_event_count" + query.where();
                try (PreparedStatement s = prepare(c, count, query.params());
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            }
            readIdentities(c, identities);
            return true;
        }
    }

    /**
     * "My work" as plain SQL: what a set-based reading of it needs and no more. The oldest hundred events
     * awaiting an approval and a verification among what the person sees, the open access requests they may
     * carry out, the open events they reported and the overdue among what they see (twenty each), and the
     * identities of the twenty of each it shows. The service also reads the candidates it checks whole, twenty
     * at a time, and checks each one's rule and duties: that is what its ratio to this floor weighs.
     */
    private boolean floorMyWork(WorkPage work) throws Exception {
        try (Connection c = database.getConnection()) {
            UUID me = work.person();
            String view = work.narrowed() ? " AND (needed_on, number, id) IN (" + VIEW + ")" : "";
            List<Object> mine = work.narrowed() ? List.of(me, me, me, me) : List.of();
            Set<UUID> identities = new java.util.LinkedHashSet<>();
            queue(c, " WHERE status = ?" + view, with("Pending", mine), 100, identities);
            queue(c, " WHERE status = ?" + view, with("Resolved", mine), 100, identities);
            queue(c, " WHERE reporter_id = ? AND status NOT IN ('Completed', 'Canceled')", List.of(me), 20, identities);
            queue(
                    c,
                    " WHERE status IN ('Pending', 'Open') AND needed_on < ?" + view,
                    with(LocalDate.now(java.time.ZoneOffset.UTC), mine),
                    20,
                    identities);
            try (PreparedStatement s = prepare(
                            c,
                            "SELECT * FROM access_request WHERE status = 'Open' AND permission_id IN (SELECT p.id"
                                    + " FROM permission p JOIN application_responsibility r ON r.application_id ="
                                    + " p.application_id WHERE r.identity_id = ? AND r.responsibility ="
                                    + " 'ProvisionEngineer') ORDER BY number LIMIT 50",
                            List.of(me));
                    ResultSet rs = s.executeQuery()) {
                for (int n = 0; rs.next(); n++) {
                    if (n < 20) {
                        identities.add(rs.getObject("identity_id", UUID.class));
                    }
                }
            }
            readIdentities(c, identities);
            return true;
        }
    }

    /** The people of what a page shows, with their supervisors' names: one statement, as the service reads them. */
    private static void readIdentities(Connection c, java.util.Collection<UUID> identities) throws Exception {
        if (identities.isEmpty()) {
            return;
        }
        // one array parameter, as the service sends a set of ids (db.Ids)
        try (PreparedStatement s = prepare(
                        c,
                        IDENTITIES + " WHERE i.id = ANY(?)",
                        List.of(c.createArrayOf("uuid", identities.toArray())));
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rs.getString("last_name");
            }
        }
    }

    /** Events in the order a queue of "My work" takes them, soonest first; the first twenty's people kept. */
    private static void queue(Connection c, String where, List<Object> params, int limit, Set<UUID> identities)
            throws Exception {
        try (PreparedStatement s = prepare(
                        c,
                        "SELECT * FROM personnel_event" + where + " ORDER BY needed_on, number LIMIT " + limit,
                        params);
                ResultSet rs = s.executeQuery()) {
            for (int n = 0; rs.next(); n++) {
                if (n < 20) {
                    identities.add(rs.getObject("identity_id", UUID.class));
                }
            }
        }
    }

    private static List<Object> with(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /**
     * The service's get: the event, its stages and their responses, activity, comments, identity data, access
     * requests, the identity with its supervisor's name.
     */
    private boolean floorGet(UUID id) throws Exception {
        try (Connection c = database.getConnection()) {
            UUID identity = null;
            try (PreparedStatement s = prepare(c, "SELECT * FROM personnel_event WHERE id = ?", List.of(id));
                    ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    identity = rs.getObject("identity_id", UUID.class);
                }
            }
            for (String table : List.of(
                    "event_stage",
                    "stage_response",
                    "event_activity",
                    "event_comment",
                    "personnel_event_identity",
                    "access_request")) {
                try (PreparedStatement s = prepare(c, "SELECT * FROM " + table + " WHERE event_id = ?", List.of(id));
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            try (PreparedStatement s = prepare(c, IDENTITIES + " WHERE i.id = ?", List.of(identity));
                    ResultSet rs = s.executeQuery()) {
                rs.next();
            }
            return true;
        }
    }

    private void jcmd(String pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", pid));
        command.addAll(List.of(args));
        int exit = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        if (exit != 0) {
            failures.putIfAbsent("jcmd " + String.join(" ", args), "exit " + exit);
        }
    }

    // --- memory over a long run --------------------------------------------------------------

    /**
     * A mixed load for {@code duration} at 8 clients (one create for four reads), then what the
     * service's GC log says about its heap minute by minute: the report's memory section.
     */
    String soak(Duration duration, Path gcLog) throws Exception {
        // A full collection at the end of every minute: what it leaves is the live data, with no garbage
        // that young collections promoted and no concurrent cycle has yet reclaimed.
        String pid = System.getProperty("bench.servicepid", "");
        ScheduledExecutorService collector = Executors.newSingleThreadScheduledExecutor();
        if (!pid.isBlank()) {
            collector.scheduleAtFixedRate(
                    () -> {
                        try {
                            new ProcessBuilder("jcmd", pid, "GC.run")
                                    .redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start()
                                    .waitFor();
                        } catch (Exception e) {
                            failures.putIfAbsent("soak jcmd GC.run", String.valueOf(e));
                        }
                    },
                    55,
                    60,
                    TimeUnit.SECONDS);
        }
        Instant from = Instant.now();
        Result mixed;
        try {
            mixed = LoadRun.run("soak", "api", 8, Duration.ZERO, duration, (t, i) -> mixed(i));
        } finally {
            collector.shutdownNow();
        }
        Instant to = Instant.now();
        List<GcLog.Minute> minutes = GcLog.byMinute(GcLog.parse(Files.readAllLines(gcLog)), from, to);
        return String.format(
                        Locale.ROOT,
                        "%n## Memory over %d minutes%n%nMixed load at 8 clients (creates, lists, gets): %d requests,"
                                + " %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors. Heap left after each collection,"
                                + " from the service's GC log (`-Xmx256m`, G1); the benchmark asks for a full"
                                + " collection (`jcmd GC.run`) near the end of every minute, and what that leaves"
                                + " is the live data:%n%n",
                        duration.toMinutes(),
                        mixed.requests(),
                        mixed.perSecond(),
                        mixed.p50Millis(),
                        mixed.p99Millis(),
                        mixed.errors())
                + GcLog.markdown(minutes);
    }

    /** One request of a mix: a create for every four reads. */
    private boolean mixed(long iteration) throws Exception {
        return switch ((int) (iteration % 5)) {
            case 0 -> create(iteration % 2 == 0 ? "role-transition" : "leave-of-absence");
            case 1 -> getOk("/api/personnel-events");
            case 2 -> getOk("/api/personnel-events?status=Pending");
            default -> getOk("/api/personnel-events/" + any(someEvents));
        };
    }

    // --- report ------------------------------------------------------------------------------

    /**
     * Whose CPU each request took, API side and floor side: the service, the database server and this
     * driver share the machine's cores, so the throughput ratio is at most the ratio of these totals.
     */
    static String cpuTable(List<Result> results) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            ProcessCpu.PerRequest api = results.get(i).cpu();
            ProcessCpu.PerRequest floor = results.get(i + 1).cpu();
            if (api == null || floor == null) {
                continue;
            }
            if (md.isEmpty()) {
                md.append("\n## CPU per request (ms of the machine's cores, from /proc, the measured seconds only)\n\n")
                        .append("| scenario | clients | API: service | API: database | API: driver | API: all |")
                        .append(" floor: service | floor: database | floor: driver | floor: all |\n")
                        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    results.get(i).scenario(),
                    results.get(i).clients(),
                    api.service(),
                    api.database(),
                    api.driver(),
                    api.service() + api.database() + api.driver(),
                    floor.service(),
                    floor.database(),
                    floor.driver(),
                    floor.service() + floor.database() + floor.driver()));
        }
        return md.toString();
    }

    /** The WAL each create wrote, API side and floor side (kB a request, the measured seconds only). */
    static String walTable(List<Result> results, boolean checkpoints) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Double api = results.get(i).walBytes();
            Double floor = results.get(i + 1).walBytes();
            if (api == null || floor == null) {
                continue;
            }
            if (md.isEmpty()) {
                md.append("\n## WAL per request (kB PostgreSQL wrote, the measured seconds only; ")
                        .append(
                                checkpoints
                                        ? "each side started from a checkpoint"
                                        : "no checkpoint before either side (bench.checkpoint=false)")
                        .append(")\n\n")
                        .append("| scenario | clients | API | floor |\n| --- | ---: | ---: | ---: |\n");
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f |%n",
                    results.get(i).scenario(),
                    results.get(i).clients(),
                    api / 1024,
                    floor / 1024));
        }
        return md.toString();
    }

    void writeReport(Path file, String machine, List<Result> results, String memory) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(Instant.now()).append("\n\n");
        md.append("Machine: ").append(machine).append("  \n");
        md.append(jitWarmup.toSeconds())
                .append(" s of reads first, and ")
                .append(jitWarmup.dividedBy(3).toSeconds())
                .append(" s of mixed load before the creates, then each create type alone until the service's JIT")
                .append(" compiler threads used under 5% of a core for 10 s (at most ")
                .append(createWarmup.toSeconds())
                .append(" s: ")
                .append(createWarmups.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")))
                .append("), unmeasured, so that the service's JIT has compiled")
                .append(" its hot paths. Reads are measured before any create, on the organisation as loaded. ")
                .append("Each scenario: warm-up ")
                .append(warmup.toSeconds())
                .append(" s, then ")
                .append(duration.toSeconds())
                .append(
                        " s per scenario; closed loop (each client sends its next request when the answer arrives).\n\n");
        md.append(
                "| scenario | clients | API req/s | API p50 ms | API p99 ms | API errors | floor req/s | floor p50 ms | floor p99 ms | API/floor throughput |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result api = results.get(i);
            Result floor = results.get(i + 1);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.2f | %.2f | %d | %.0f | %.2f | %.2f | %.0f%% |%n",
                    api.scenario(),
                    api.clients(),
                    api.perSecond(),
                    api.p50Millis(),
                    api.p99Millis(),
                    api.errors(),
                    floor.perSecond(),
                    floor.p50Millis(),
                    floor.p99Millis(),
                    floor.perSecond() == 0 ? 0 : 100 * api.perSecond() / floor.perSecond()));
        }
        md.append(cpuTable(results));
        md.append(walTable(results, checkpoints));
        if (!failures.isEmpty()) {
            md.append("\nFailed answers (the first of each kind):\n\n");
            failures.forEach((kind, body) -> md.append("- ")
                    .append(kind)
                    .append(": `")
                    .append(body.replace('`', '\''))
                    .append("`\n"));
        }
        if (!readsProfile.isEmpty()) {
            md.append("\n## Where the reads' time goes (JFR execution samples of the service, all read scenarios)\n\n")
                    .append(readsProfile);
        }
        md.append(memory);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString());
    }

    /** The first failed answer of each kind, for the report. */
    Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static void query(Connection c, String sql, List<UUID> into) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getObject(1, UUID.class));
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = prepare(c, sql, List.of(params))) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    private static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + property);
        }
        return value;
    }

    private static int[] parseClients(String value) {
        return java.util.Arrays.stream(value.split(","))
                .mapToInt(v -> Integer.parseInt(v.trim()))
                .toArray();
    }

    private static int maxOf(int[] values) {
        return java.util.Arrays.stream(values).max().orElse(8);
    }
}
