package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

class IdempotencyIT extends ApiIntegrationTest {

    private String writer;

    @BeforeEach
    void tokens() {
        writer = token("events:write");
    }

    private static final String PATH = "/api/personnel-events/role-transition";

    @Autowired
    private PersonnelEventService service;

    @Test
    void a_retry_with_the_same_key_returns_the_original_response_and_creates_nothing() {
        UUID person = givenIdentity("Retry", "Safe");
        String body = roleTransition(person, "Voluntary resignation");
        String key = UUID.randomUUID().toString();

        ApiResponse first = postWithKey(body, key);
        ApiResponse retry = postWithKey(body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsFor(person)).isEqualTo(1);
    }

    @Test
    void the_same_request_formatted_differently_is_still_a_retry() {
        UUID person = givenIdentity("Retry", "Formatting");
        String key = UUID.randomUUID().toString();
        String compact = "{\"identityId\":\"" + person + "\",\"effectiveDate\":\"2026-05-01\"}";
        String spaced = "{ \"effectiveDate\" : \"2026-05-01\",\n  \"identityId\" : \"" + person + "\" }";

        ApiResponse first = postWithKey(compact, key);
        ApiResponse retry = postWithKey(spaced, key);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventsFor(person)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_request_is_refused() {
        UUID person = givenIdentity("Retry", "Different");
        String key = UUID.randomUUID().toString();
        postWithKey(roleTransition(person, "first"), key);

        ApiResponse other = postWithKey(roleTransition(person, "second"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("error")).isEqualTo("unprocessable_entity");
        assertThat(other.text("message")).contains(key).contains("different request");
        assertThat(eventsFor(person)).isEqualTo(1);
    }

    @Test
    void keys_belong_to_the_token_that_used_them() {
        UUID person = givenIdentity("Retry", "PerToken");
        String key = UUID.randomUUID().toString();
        String body = roleTransition(person, "same");

        postWithKey(body, key);
        ApiResponse otherToken =
                call(HttpMethod.POST, PATH, token("events:write"), body, Map.of("Idempotency-Key", key));

        assertThat(otherToken.status()).isEqualTo(201);
        assertThat(otherToken.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(eventsFor(person)).isEqualTo(2);
    }

    @Test
    void a_rejected_request_is_not_remembered() {
        UUID person = givenIdentity("Retry", "AfterFix");
        String key = UUID.randomUUID().toString();

        ApiResponse rejected = postWithKey("{\"identityId\":\"" + person + "\",\"effectiveDate\":\"2020-01-01\"}", key);
        ApiResponse corrected = postWithKey(roleTransition(person, null), key);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
    }

    @Test
    void rejects_a_key_with_a_character_outside_visible_ascii() throws Exception {
        UUID person = givenIdentity("Retry", "Accent");
        byte[] body = roleTransition(person, null).getBytes(StandardCharsets.UTF_8);

        // Raw bytes: HTTP clients replace such a character with '?' (a valid key) before sending it.
        String status;
        try (Socket socket = new Socket("localhost", port)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + writer
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\nIdempotency-Key: cl")
                    .getBytes(StandardCharsets.US_ASCII));
            request.write("\u00e9-1\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            request.write(body);
            socket.getOutputStream().write(request.toByteArray());
            status = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(status).startsWith("HTTP/1.1 400").contains("Idempotency-Key");
        assertThat(eventsFor(person)).isZero();
    }

    @Test
    void refuses_two_key_headers_rather_than_joining_them_into_a_third_key() throws Exception {
        UUID person = givenIdentity("Retry", "TwoKeys");
        String body = roleTransition(person, null);
        String twice = rawPost(body, "Idempotency-Key: a-" + person + "\r\nIdempotency-Key: b-" + person);

        assertThat(twice).startsWith("HTTP/1.1 400").contains("Send one Idempotency-Key header, not 2");
        ApiResponse retry = postWithKey(body, "a-" + person);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(eventsFor(person)).isEqualTo(1);
    }

    @Test
    void refuses_a_key_with_a_comma_which_a_proxy_may_have_made_of_two() {
        UUID person = givenIdentity("Retry", "Comma");

        ApiResponse response = postWithKey(roleTransition(person, null), "a,b");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFor("Idempotency-Key")).contains("other than a comma");
        assertThat(eventsFor(person)).isZero();
    }

    private String rawPost(String json, String headers) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + writer
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                    + "\r\nConnection: close\r\n" + headers + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rejects_a_malformed_key() {
        UUID person = givenIdentity("Retry", "BadKey");

        ApiResponse response = postWithKey(roleTransition(person, null), "x".repeat(257));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("Idempotency-Key");
        assertThat(eventsFor(person)).isZero();
    }

    @Test
    void concurrent_retries_with_one_key_create_one_event() throws Exception {
        UUID person = givenIdentity("Retry", "Concurrent");
        String body = roleTransition(person, "burst");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> postWithKey(body, key));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ApiResponse> result : pool.invokeAll(calls)) {
                assertThat(result.get().status()).isEqualTo(201);
                ids.add(result.get().text("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsFor(person)).isEqualTo(1);
    }

    @Test
    void keys_are_kept_at_least_a_day_and_forgotten_after_the_retention() {
        UUID person = givenIdentity("Retry", "Retention");
        String key = UUID.randomUUID().toString();
        String body = roleTransition(person, null);
        postWithKey(body, key);

        clock.advance(Duration.ofHours(25));
        service.forgetOldIdempotencyKeys();
        ApiResponse dayLater = postWithKey(body, key);
        clock.advance(Duration.ofHours(24));
        service.forgetOldIdempotencyKeys();
        ApiResponse afterRetention = postWithKey(body, key);

        assertThat(dayLater.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(afterRetention.header("Idempotent-Replayed")).isEqualTo("false");
    }

    private ApiResponse postWithKey(String body, String key) {
        return call(HttpMethod.POST, PATH, writer, body, Map.of("Idempotency-Key", key));
    }

    private static String roleTransition(UUID person, String comment) {
        JsonBody body = JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-05-01");
        return (comment == null ? body : body.with("comment", comment)).toString();
    }

    private long eventsFor(UUID person) {
        return jdbc.sql("SELECT COUNT(*) FROM personnel_event WHERE identity_id = :id")
                .param("id", person)
                .query(Long.class)
                .single();
    }
}
