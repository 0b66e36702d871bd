package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PostgresOnly;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The PostgreSQL server is stopped and started again under traffic. While it is away every request is
 * answered at once or within the pool's connection timeout, with a 503 in the envelope, never a 500 or a
 * hang; readiness goes down; and the same running application serves again once the database is back.
 */
@PostgresOnly
class DatabaseRestartIT extends ApiIntegrationTest {

    private static final int CLIENTS = 4;
    private static final Duration DOWN_FOR = Duration.ofSeconds(3);
    /** Above the configured bound: scheduling on a busy two-core machine, connection setup, the JIT. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Value("${spring.datasource.hikari.connection-timeout}")
    private long connectionTimeoutMillis;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Answer(
            String request,
            long startNanos,
            long millis,
            int status,
            String retryAfter,
            String correlationId,
            JsonNode body,
            String failure) {}

    @Test
    void requests_fail_fast_with_503_while_the_database_restarts_and_succeed_again_without_a_restart()
            throws Exception {
        String writer = token("events:write", "events:read");
        // Role transitions of one person (which never contradict each other): writes like any create, without
        // adding to the onboardings other tests page through.
        String transition = JsonBody.json()
                .with("identityId", givenIdentity("Restart", "Traffic").toString())
                .with("effectiveDate", TODAY.plusDays(20).toString())
                .with("identity.title", "Restart Analyst")
                .with("comment", "Created during a database restart")
                .toString();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<Integer> readiness = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        long stoppedAt;
        long startedAt;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        int n = sequence.getAndIncrement();
                        answers.add(
                                n % 2 == 0
                                        ? send(writer, "POST", "/api/personnel-events/role-transition", transition)
                                        : send(writer, "GET", "/api/personnel-events?page=1", null));
                    }
                    return null;
                });
            }
            clients.submit(() -> {
                while (!stop.get()) {
                    readiness.add(send(null, "GET", "/actuator/health/readiness", null)
                            .status());
                    Thread.sleep(100);
                }
                return null;
            });
            Thread.sleep(1000);
            stoppedAt = System.nanoTime();
            boolean down = false;
            try {
                pgctl("stop", "-m", "fast");
                down = true;
                Thread.sleep(DOWN_FOR.toMillis());
            } finally {
                pgctl("start");
            }
            startedAt = System.nanoTime();
            assertThat(down).isTrue();
            awaitReady();
            Thread.sleep(1500);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        List<Answer> all = new ArrayList<>(answers);
        long worst = all.stream().mapToLong(Answer::millis).max().orElseThrow();
        List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
        System.out.printf(
                "DatabaseRestartIT: %d requests, %d answered 503, worst latency %d ms (bound %d ms + %d ms slack)%n",
                all.size(), unavailable.size(), worst, connectionTimeoutMillis, SLACK.toMillis());

        assertThat(all).as("no request failed to get an answer").allMatch(a -> a.failure() == null);
        assertThat(all)
                .as("no 500 or other surprise")
                .allMatch(a -> List.of(200, 201, 503).contains(a.status()));
        assertThat(unavailable).as("the traffic saw the outage").isNotEmpty();
        for (Answer answer : unavailable) {
            assertThat(answer.body().path("error").asString()).isEqualTo("service_unavailable");
            assertThat(answer.body().path("message").asString())
                    .isEqualTo("The service is temporarily unavailable; retry later");
            assertThat(answer.body().path("correlationId").asString()).isEqualTo(answer.correlationId());
            assertThat(answer.retryAfter()).isEqualTo("5");
        }
        assertThat(worst).as("worst latency, ms").isLessThan(connectionTimeoutMillis + SLACK.toMillis());
        assertThat(readiness)
                .as("readiness went down and came back")
                .contains(503)
                .endsWith(200);
        assertThat(all.stream().filter(a -> a.startNanos() > startedAt && a.status() / 100 == 2))
                .as("requests succeed again after the restart")
                .isNotEmpty();
        assertThat(all.stream().filter(a -> a.startNanos() < stoppedAt && a.status() / 100 == 2))
                .isNotEmpty();

        Answer created = send(writer, "POST", "/api/personnel-events/role-transition", transition);
        assertThat(created.status()).isEqualTo(201);
        Answer read = send(
                writer,
                "GET",
                "/api/personnel-events/" + created.body().path("id").asString(),
                null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    private Answer send(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", "restart-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = ApiContract.assertConforms(
                    baseUrl(), http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean isJson =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(
                    method + " " + path,
                    start,
                    millis,
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("X-Correlation-Id").orElse(null),
                    isJson ? json.readTree(response.body()) : MissingNode.getInstance(),
                    null);
        } catch (IOException | InterruptedException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(
                    method + " " + path, start, millis, 0, null, null, MissingNode.getInstance(), e.toString());
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (send(null, "GET", "/actuator/health/readiness", null).status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not come back within 60 s of the database");
    }

    /** The local cluster's pg_ctlcluster (we run as root), waiting until the server has stopped or started. */
    private static void pgctl(String... action) throws IOException, InterruptedException {
        String[] versions = Objects.requireNonNull(new File("/etc/postgresql").list(), "no /etc/postgresql");
        List<String> command =
                new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
