package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.Application;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
                .web(WebApplicationType.NONE)
                .properties(
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

    private long countActivity(String eventId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM event_activity WHERE event_id = :id AND action = :action")
                .param("id", UUID.fromString(eventId))
                .param("action", action)
                .query(Long.class)
                .single();
    }
}
