package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.auth.TokenRequest;
import com.personnelevents.auth.TokenView;
import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApplicationProcess;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PostgresOnly;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The application, in a JVM of its own, is killed with SIGKILL in the middle of a stream of creates of
 * every type. After a fresh start: every create that was answered 201 is stored whole and reads back as
 * answered; nothing is half-written; the kept counts agree with the rows; and retrying every request with
 * its {@code Idempotency-Key}, answered or cut off, creates each event exactly once.
 */
@PostgresOnly
class KilledInstanceIT extends ApiIntegrationTest {

    private static final int CLIENTS = 6;
    /** 60 in every build; {@code -Dsoak.scale=N} streams N times as many creates before the kill. */
    private static final int CREATED_BEFORE_THE_KILL = 60 * Integer.getInteger("soak.scale", 1);

    private static final int PEOPLE = 600;
    private static final List<String> TYPES = List.of("onboard", "offboard", "role-transition", "leave-of-absence");

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** One create as sent, and what came of it: a status and body, or the connection failing. */
    record Attempt(String key, String path, String body, int status, JsonNode answer, String failure) {}

    @Test
    void creates_answered_before_a_kill_are_stored_whole_and_retries_create_nothing_twice() throws Exception {
        TokenView writer = tokens.create(new TokenRequest("Kill test", List.of("events:write", "events:read"), null));
        ConcurrentLinkedQueue<UUID> offboardable = new ConcurrentLinkedQueue<>(givenIdentities(PEOPLE));
        List<UUID> stayers = givenIdentities(20);
        Map<String, Long> countsBefore = keptCounts();
        Map<String, Long> dayCountsBefore = keptDayCounts();

        List<Attempt> attempts;
        try (ApplicationProcess first = ApplicationProcess.start("killed-instance-1", url, username)) {
            attempts = streamCreatesAndKill(first, writer.token(), offboardable, stayers);
        }
        List<Attempt> answered =
                attempts.stream().filter(a -> a.status() == 201).toList();
        List<Attempt> cutOff =
                attempts.stream().filter(a -> a.failure() != null).toList();
        assertThat(answered).hasSizeGreaterThanOrEqualTo(CREATED_BEFORE_THE_KILL);
        assertThat(cutOff).as("requests in flight when the process died").isNotEmpty();
        assertThat(attempts)
                .as("every request was answered 201 or cut off")
                .allMatch(a -> a.status() == 201 || a.failure() != null);
        assertNothingHalfWritten(writer.id());

        try (ApplicationProcess second = ApplicationProcess.start("killed-instance-2", url, username)) {
            for (Attempt created : answered) {
                HttpResponse<String> stored = send(second, writer.token(), "GET", location(created), null, null);
                assertThat(stored.statusCode()).isEqualTo(200);
                assertThat(json.readTree(stored.body())).as(created.key()).isEqualTo(created.answer());
            }
            int committedUnanswered = 0;
            Set<String> ids = new HashSet<>();
            for (Attempt attempt : attempts) {
                HttpResponse<String> retry =
                        send(second, writer.token(), "POST", attempt.path(), attempt.body(), attempt.key());
                assertThat(retry.statusCode())
                        .as(attempt.key() + " " + retry.body())
                        .isEqualTo(201);
                String id = json.readTree(retry.body()).path("id").asString();
                boolean replayed = "true"
                        .equals(retry.headers()
                                .firstValue("Idempotent-Replayed")
                                .orElse(null));
                if (attempt.status() == 201) {
                    assertThat(replayed).isTrue();
                    assertThat(id).isEqualTo(attempt.answer().path("id").asString());
                } else if (replayed) {
                    committedUnanswered++;
                }
                ids.add(id);
            }
            assertThat(ids).hasSize(attempts.size());
            System.out.printf(
                    "KilledInstanceIT: %d creates sent, %d answered 201 before the kill, %d cut off (%d of them committed)%n",
                    attempts.size(), answered.size(), cutOff.size(), committedUnanswered);
        }

        assertThat(eventsBy(writer.id())).as("exactly one event per key").isEqualTo(attempts.size());
        assertNothingHalfWritten(writer.id());
        assertThat(difference(keptCounts(), countsBefore)).isEqualTo(rowCounts(writer.id(), false));
        assertThat(difference(keptDayCounts(), dayCountsBefore)).isEqualTo(rowCounts(writer.id(), true));
    }

    private List<Attempt> streamCreatesAndKill(
            ApplicationProcess instance, String token, ConcurrentLinkedQueue<UUID> offboardable, List<UUID> stayers)
            throws Exception {
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger created = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (!killed.get()) {
                        int n = sequence.getAndIncrement();
                        String type = TYPES.get(n % TYPES.size());
                        String body = request(type, n, offboardable, stayers);
                        String key = "kill-" + n + "-" + UUID.randomUUID();
                        String path = "/api/personnel-events/" + type;
                        try {
                            HttpResponse<String> answer = send(instance, token, "POST", path, body, key);
                            attempts.add(new Attempt(
                                    key, path, body, answer.statusCode(), json.readTree(answer.body()), null));
                            if (answer.statusCode() == 201) {
                                created.incrementAndGet();
                            }
                        } catch (IOException e) {
                            attempts.add(new Attempt(key, path, body, 0, null, e.toString()));
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30L * Integer.getInteger("soak.scale", 1));
            while (created.get() < CREATED_BEFORE_THE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            instance.kill();
            killed.set(true);
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        return new ArrayList<>(attempts);
    }

    /** One of the four types, each with a comment; an offboarding or a leave takes a person of its own. */
    private static String request(String type, int n, ConcurrentLinkedQueue<UUID> offboardable, List<UUID> stayers) {
        String effective = LocalDate.now(ZoneOffset.UTC).plusDays(10 + n % 50).toString();
        UUID stayer = stayers.get(n % stayers.size());
        JsonBody body = switch (type) {
            case "onboard" -> anOnboardRequest(12).with("effectiveDate", effective);
            case "offboard" ->
                JsonBody.json()
                        .with("identityId", offboardable.remove().toString())
                        .with("effectiveDate", effective);
            case "role-transition" ->
                JsonBody.json()
                        .with("identityId", stayer.toString())
                        .with("effectiveDate", effective)
                        .with("identity.title", "Branch Manager " + n);
            default ->
                // one leave at a time per person: each leave is someone nobody else sends away
                JsonBody.json()
                        .with("identityId", offboardable.remove().toString())
                        .with("effectiveDate", effective)
                        .with("endDate", LocalDate.parse(effective).plusDays(30).toString());
        };
        return body.with("comment", "Request " + n).toString();
    }

    private HttpResponse<String> send(
            ApplicationProcess instance, String token, String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return ApiContract.assertConforms(
                instance.baseUrl(), http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String location(Attempt created) {
        return "/api/personnel-events/" + created.answer().path("id").asString();
    }

    /**
     * Every event of the token has what a create writes in its one transaction: three stages, the
     * Created activity, the comment, the identity data of the types that carry it, the idempotency key.
     */
    private void assertNothingHalfWritten(UUID tokenId) {
        List<String> incomplete =
                jdbc.sql("""
                        SELECT e.id || ' ' || e.type FROM personnel_event e
                         WHERE e.reporter_id = :token
                           AND ((SELECT COUNT(*) FROM event_stage s WHERE s.event_id = e.id) <> 3
                             OR (SELECT COUNT(*) FROM event_activity a
                                  WHERE a.event_id = e.id AND a.action = 'Created') <> 1
                             OR (SELECT COUNT(*) FROM event_comment c WHERE c.event_id = e.id) <> 1
                             OR (e.type IN ('Onboard', 'RoleTransition')
                                 AND NOT EXISTS (SELECT 1 FROM personnel_event_identity i WHERE i.event_id = e.id))
                             OR (SELECT COUNT(*) FROM idempotency_key k WHERE k.token_id = :token
                                  AND k.location = '/api/personnel-events/' || e.id) <> 1)
                        """).param("token", tokenId).query(String.class).list();
        assertThat(incomplete).isEmpty();
        long keys = jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE token_id = :token")
                .param("token", tokenId)
                .query(Long.class)
                .single();
        assertThat(keys).as("no key without its event").isEqualTo(eventsBy(tokenId));
    }

    private long eventsBy(UUID tokenId) {
        return jdbc.sql("SELECT COUNT(*) FROM personnel_event WHERE reporter_id = :token")
                .param("token", tokenId)
                .query(Long.class)
                .single();
    }

    private Map<String, Long> keptCounts() {
        return jdbc
                .sql("SELECT type || '/' || status, SUM(n) FROM personnel_event_count GROUP BY type, status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll);
    }

    private Map<String, Long> keptDayCounts() {
        return jdbc.sql("""
                        SELECT needed_on || '/' || type || '/' || status, SUM(n) FROM personnel_event_day_count
                         GROUP BY needed_on, type, status
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll);
    }

    /** The token's events counted the way the kept counts group them. */
    private Map<String, Long> rowCounts(UUID tokenId, boolean byDay) {
        String group = byDay ? "needed_on || '/' || type || '/' || status" : "type || '/' || status";
        return jdbc
                .sql("SELECT " + group + ", COUNT(*) FROM personnel_event WHERE reporter_id = :token GROUP BY " + group)
                .param("token", tokenId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll);
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((key, n) -> {
            long delta = n - before.getOrDefault(key, 0L);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return difference;
    }
}
