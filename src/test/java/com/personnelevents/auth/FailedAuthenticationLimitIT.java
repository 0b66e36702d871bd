package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.Application;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Failed authentications are limited per client address. The shared test instance has no practical
 * limit (every IT comes from 127.0.0.1 and many send bad tokens on purpose), so these tests start an
 * instance of their own on the same database with a limit of 3 a minute, behind a "proxy": it takes
 * the client address from {@code X-Forwarded-For}, so each test can speak from addresses of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedAuthenticationLimitIT extends ApiIntegrationTest {

    private static final int LIMIT = 3;
    private static final String EVENTS = "/api/personnel-events";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    private ConfigurableApplicationContext limited;
    private RestTestClient limitedClient;
    private MutableClock limitedClock;
    private String reader;

    @BeforeAll
    void startInstanceWithSmallLimit() {
        // Arguments, not default properties: they must win over application.properties.
        limited = new SpringApplicationBuilder(Application.class, LimitedInstanceClock.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + username,
                        "--server.port=0",
                        "--server.forward-headers-strategy=native",
                        "--personnel-events.scheduler.enabled=false",
                        "--personnel-events.failed-authentication.limit=" + LIMIT,
                        "--personnel-events.failed-authentication.window=1m",
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) limited).getWebServer().getPort();
        limitedClient = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        limitedClock = limited.getBean(MutableClock.class);
    }

    @AfterAll
    void stopInstance() {
        limited.close();
    }

    @BeforeEach
    void validToken() {
        limitedClock.set(NOW);
        reader = token("events:read");
    }

    @Test
    void refuses_an_address_after_the_limit_even_with_a_valid_token() {
        String address = newAddress();
        failAuthentication(address, LIMIT);

        Answer refused = from(address, reader);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("error").asString()).isEqualTo("too_many_requests");
        assertThat(refused.body().path("message").asString())
                .isEqualTo("Too many failed authentication attempts from this address; retry later");
        assertThat(refused.body().path("correlationId").asString()).isEqualTo(refused.header("X-Correlation-Id"));
        assertThat(refused.header(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
    }

    @Test
    void failures_below_the_limit_do_not_block() {
        String address = newAddress();
        failAuthentication(address, LIMIT - 1);

        assertThat(from(address, reader).status()).isEqualTo(200);
    }

    @Test
    void successful_requests_do_not_count() {
        String address = newAddress();
        for (int i = 0; i < LIMIT * 2; i++) {
            assertThat(from(address, reader).status()).isEqualTo(200);
        }
        failAuthentication(address, LIMIT - 1);

        assertThat(from(address, reader).status()).isEqualTo(200);
    }

    @Test
    void every_kind_of_refused_token_counts() {
        String address = newAddress();
        TokenView revoked = tokens.create(new TokenRequest("Revoked", List.of("events:read"), null));
        tokens.revoke(revoked.id());

        assertThat(exchangeAuthorized(EVENTS, address, "Basic dXNlcjpwYXNz").status())
                .isEqualTo(401);
        assertThat(from(address, "pe_" + "n".repeat(43)).status()).isEqualTo(401);
        assertThat(from(address, revoked.token()).status()).isEqualTo(401);

        assertThat(from(address, reader).status()).isEqualTo(429);
    }

    @Test
    void requests_without_a_token_never_lock_a_valid_token_out() {
        String address = newAddress();
        for (int i = 0; i < LIMIT * 7; i++) {
            assertThat(from(address, null).status()).isEqualTo(401);
        }

        assertThat(from(address, reader).status()).isEqualTo(200);
    }

    @Test
    void cors_preflights_never_lock_a_valid_token_out() {
        String address = newAddress();
        for (int i = 0; i < LIMIT * 7; i++) {
            EntityExchangeResult<byte[]> preflight = limitedClient
                    .options()
                    .uri(EVENTS)
                    .header("X-Forwarded-For", address)
                    .header(HttpHeaders.ORIGIN, "https://intranet.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                    .exchange()
                    .expectBody()
                    .returnResult();
            assertThat(preflight.getStatus().is2xxSuccessful()).isFalse();
        }

        assertThat(from(address, reader).status()).isEqualTo(200);
    }

    @Test
    void other_addresses_are_not_affected() {
        String blocked = newAddress();
        String other = newAddress();
        failAuthentication(blocked, LIMIT);

        assertThat(from(other, reader).status()).isEqualTo(200);
        assertThat(from(other, "pe_" + "o".repeat(43)).status()).isEqualTo(401);
        assertThat(from(blocked, reader).status()).isEqualTo(429);
    }

    @Test
    void retry_after_counts_down_to_the_end_of_the_window() {
        String address = newAddress();
        failAuthentication(address, LIMIT);

        limitedClock.advance(Duration.ofSeconds(20));

        assertThat(from(address, reader).header(HttpHeaders.RETRY_AFTER)).isEqualTo("40");
    }

    @Test
    void the_address_may_try_again_once_the_window_has_passed() {
        String address = newAddress();
        failAuthentication(address, LIMIT);
        assertThat(from(address, reader).status()).isEqualTo(429);

        limitedClock.advance(Duration.ofSeconds(60));

        assertThat(from(address, reader).status()).isEqualTo(200);
    }

    @Test
    void health_stays_open_to_a_blocked_address() {
        String address = newAddress();
        failAuthentication(address, LIMIT);

        assertThat(from(address, reader).status()).isEqualTo(429);
        assertThat(exchange("/actuator/health", address, null).status()).isEqualTo(200);
    }

    @Test
    void a_blocked_address_cannot_go_on_guessing_through_open_paths_or_another_spelling_of_the_api() {
        String address = newAddress();
        failAuthentication(address, LIMIT);

        assertThat(exchange("/actuator/health", address, reader).status()).isEqualTo(429);
        assertThat(exchange("/v3/api-docs", address, "pe_" + "g".repeat(43)).status())
                .isEqualTo(429);
        assertThat(exchange("/API/personnel-events", address, null).status()).isEqualTo(429);
    }

    @Test
    void the_refusal_carries_the_security_headers() {
        String address = newAddress();
        failAuthentication(address, LIMIT);

        Answer refused = from(address, reader);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.header("Cache-Control")).contains("no-store");
        assertThat(refused.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(refused.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(refused.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private void failAuthentication(String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(from(address, "pe_" + "f".repeat(43)).status()).isEqualTo(401);
        }
    }

    /** A documentation address (RFC 5737) no other test speaks from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    private Answer from(String address, String token) {
        return exchange(EVENTS, address, token);
    }

    private Answer exchange(String path, String address, String token) {
        return exchangeAuthorized(path, address, token == null ? null : "Bearer " + token);
    }

    private Answer exchangeAuthorized(String path, String address, String authorization) {
        RestTestClient.RequestHeadersSpec<?> spec =
                limitedClient.get().uri(path).header("X-Forwarded-For", address);
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        EntityExchangeResult<byte[]> result = spec.exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        JsonNode body = json.readTree(bytes == null || bytes.length == 0 ? "{}".getBytes() : bytes);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), body);
    }

    private record Answer(int status, HttpHeaders headers, JsonNode body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** The limited instance's own clock, so that a test can let its window pass. */
    static class LimitedInstanceClock {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        MutableClock limitedClock() {
            return new MutableClock(NOW);
        }
    }
}
