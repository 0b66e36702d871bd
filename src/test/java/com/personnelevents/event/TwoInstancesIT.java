package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.Application;
import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the application on the same database (PostgreSQL under -Ppostgres) runs the
 * scheduler at the same moment as this test's instance: every due step is taken by exactly one.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesIT extends ApiIntegrationTest {

    private static final int EVENTS = 40;

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    private ConfigurableApplicationContext second;

    @BeforeEach
    void startSecondInstance() {
        second = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + username,
                        "personnel-events.scheduler.enabled=false",
                        "logging.level.root=WARN")
                .run();
    }

    @AfterEach
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void each_due_step_is_taken_once_when_two_instances_run_the_scheduler_together(CapturedOutput output)
            throws Exception {
        String writer = token("events:write");
        UUID person = givenIdentity("Shared", "Database");
        LocalDate effective = TODAY.plusDays(30);
        Instant windowOpen = effective.minusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC);
        scheduledSteps.runDue(windowOpen); // the database is shared: take what other tests left due first
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            ApiResponse created = post(
                    "/api/personnel-events/role-transition",
                    writer,
                    JsonBody.json().with("identityId", person.toString()).with("effectiveDate", effective.toString()));
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.text("id"));
        }
        ScheduledSteps here = scheduledSteps;
        ScheduledSteps there = second.getBean(ScheduledSteps.class);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int taken = 0;
        try {
            List<Callable<Integer>> runs = List.of(
                    () -> {
                        start.await();
                        return here.runDue(windowOpen);
                    },
                    () -> {
                        start.await();
                        return there.runDue(windowOpen);
                    });
            List<Future<Integer>> results = new ArrayList<>();
            runs.forEach(run -> results.add(pool.submit(run)));
            start.countDown();
            for (Future<Integer> result : results) {
                taken += result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(taken).isEqualTo(EVENTS);
        for (String id : ids) {
            ApiResponse event = get("/api/personnel-events/" + id, token("events:read"));
            assertThat(event.text("status")).isEqualTo("Pending");
            assertThat(countActivity(id, "Scheduled step")).as(id).isEqualTo(1);
        }
        assertThat(here.runDue(windowOpen) + there.runDue(windowOpen)).isZero();
        // The instances skipped each other's locked rows instead of colliding and rolling back.
        assertThat(output.getAll()).doesNotContain("Scheduled step of personnel event");
    }

    @Test
    void numbers_stay_unique_gapless_and_in_commit_order_when_two_instances_create_and_schedule_at_once()
            throws Exception {
        String writer = token("events:write");
        UUID person = givenIdentity("Two", "Instances");
        LocalDate effective = TODAY.plusDays(30);
        Instant windowOpen = effective.minusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC);
        scheduledSteps.runDue(windowOpen);
        List<String> due = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            due.add(post("/api/personnel-events/role-transition", writer, roleTransition(person, effective))
                    .text("id"));
        }
        long before = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM personnel_event")
                .query(Long.class)
                .single();
        List<URI> instances = List.of(
                URI.create("http://localhost:" + port + "/api/personnel-events/role-transition"),
                URI.create("http://localhost:" + second.getEnvironment().getProperty("local.server.port")
                        + "/api/personnel-events/role-transition"));
        // The second instance runs on the real clock, this one on the test clock: a date ahead of both.
        String body = roleTransition(person, LocalDate.now(ZoneOffset.UTC).plusDays(60))
                .toString();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Created> created = new ArrayList<>();
        int taken = 0;
        String run = "two-instances-" + UUID.randomUUID();
        try {
            List<Callable<Created>> creates = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                // Pairs share a key and go to different instances: one of each pair is rolled back after it
                // has been given a number, which must not leave a gap.
                String key = run + "-" + i / 2;
                URI instance = instances.get(i % 2);
                creates.add(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(instance)
                                    .header("Authorization", "Bearer " + writer)
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    ApiContract.assertConforms(baseUrl(), response);
                    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                    return new Created(
                            json.readTree(response.body()).path("number").asLong(), sent, System.nanoTime());
                });
            }
            List<Future<Integer>> steps = List.of(
                    pool.submit(() -> scheduledSteps.runDue(windowOpen)),
                    pool.submit(() -> second.getBean(ScheduledSteps.class).runDue(windowOpen)));
            for (Future<Created> result : pool.invokeAll(creates)) {
                created.add(result.get());
            }
            for (Future<Integer> step : steps) {
                taken += step.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> stored = jdbc.sql("SELECT number FROM personnel_event WHERE number > :before ORDER BY number")
                .param("before", before)
                .query(Long.class)
                .list();
        assertThat(stored).hasSize(created.size() / 2);
        assertThat(stored.get(stored.size() - 1) - before).as("no gaps").isEqualTo(stored.size());
        assertThat(created.stream().map(Created::number).distinct()).hasSize(stored.size());
        // An event is committed after the first request for it was sent and before any answer about it
        // (its own 201 or its pair's replay): one answered before another was asked for committed first.
        Map<Long, Long> firstSent = new HashMap<>();
        Map<Long, Long> firstAnswered = new HashMap<>();
        for (Created answer : created) {
            firstSent.merge(answer.number(), answer.sent(), Math::min);
            firstAnswered.merge(answer.number(), answer.answered(), Math::min);
        }
        for (long earlier : firstAnswered.keySet()) {
            for (long later : firstSent.keySet()) {
                if (firstAnswered.get(earlier) < firstSent.get(later)) {
                    assertThat(earlier).as("committed first, numbered first").isLessThan(later);
                }
            }
        }
        assertThat(taken).isEqualTo(EVENTS);
        for (String id : due) {
            assertThat(countActivity(id, "Scheduled step")).as(id).isEqualTo(1);
        }
    }

    private record Created(long number, long sent, long answered) {}

    private static JsonBody roleTransition(UUID person, LocalDate effective) {
        return JsonBody.json().with("identityId", person.toString()).with("effectiveDate", effective.toString());
    }

    private long countActivity(String eventId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM event_activity WHERE event_id = :id AND action = :action")
                .param("id", UUID.fromString(eventId))
                .param("action", action)
                .query(Long.class)
                .single();
    }
}
