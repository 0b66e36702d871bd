package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.FaultInjection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * The headers a bank's security scanner expects, on answers of every kind: success, each client
 * error, a server fault, health and the API documents. The 429 of the failed-authentication limit is
 * checked in {@link FailedAuthenticationLimitIT}.
 */
class SecurityHeadersIT extends ApiIntegrationTest {

    private static final String API_CSP =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static Stream<Arguments> answers() {
        String event = "/api/personnel-events/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("200 list", HttpMethod.GET, "/api/personnel-events", "events:read", null, Map.of(), 200),
                Arguments.of(
                        "201 create",
                        HttpMethod.POST,
                        "/api/personnel-events/onboard",
                        "events:write",
                        onboard(),
                        Map.of(),
                        201),
                Arguments.of("204 revoke", HttpMethod.DELETE, "/api/tokens/{ownId}", "admin", null, Map.of(), 204),
                Arguments.of(
                        "400 validation",
                        HttpMethod.POST,
                        "/api/personnel-events/onboard",
                        "events:write",
                        "{}",
                        Map.of(),
                        400),
                Arguments.of(
                        "400 malformed JSON",
                        HttpMethod.POST,
                        "/api/personnel-events/onboard",
                        "events:write",
                        "{bad",
                        Map.of(),
                        400),
                Arguments.of("401 no token", HttpMethod.GET, "/api/personnel-events", null, null, Map.of(), 401),
                Arguments.of(
                        "401 unknown token", HttpMethod.GET, "/api/personnel-events", "unknown", null, Map.of(), 401),
                Arguments.of(
                        "403 scope", HttpMethod.GET, "/api/personnel-events", "identities:read", null, Map.of(), 403),
                Arguments.of("404 event", HttpMethod.GET, event, "events:read", null, Map.of(), 404),
                Arguments.of("404 path", HttpMethod.GET, "/api/nope", "events:read", null, Map.of(), 404),
                Arguments.of("405 method", HttpMethod.DELETE, "/api/personnel-events", "admin", null, Map.of(), 405),
                Arguments.of(
                        "413 too large",
                        HttpMethod.POST,
                        "/api/personnel-events/onboard",
                        "events:write",
                        "{" + " ".repeat(1024 * 1024 + 1) + "}",
                        Map.of(),
                        413),
                Arguments.of(
                        "415 media type",
                        HttpMethod.POST,
                        "/api/personnel-events/onboard",
                        "events:write",
                        "x",
                        Map.of("Content-Type", "text/plain"),
                        415),
                Arguments.of(
                        "500 fault",
                        HttpMethod.GET,
                        "/api/personnel-events/{faultyEvent}",
                        "events:read",
                        null,
                        Map.of(),
                        500),
                Arguments.of("health", HttpMethod.GET, "/actuator/health", null, null, Map.of(), 200),
                Arguments.of("API docs", HttpMethod.GET, "/v3/api-docs", null, null, Map.of(), 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void every_answer_carries_the_security_headers(
            String name,
            HttpMethod method,
            String path,
            String scope,
            String body,
            Map<String, String> headers,
            int status) {
        String token = scope == null ? null : scope.equals("unknown") ? "pe_" + "u".repeat(43) : token(scope);
        if (path.contains("{ownId}")) {
            path = path.replace(
                    "{ownId}",
                    tokens.create(new TokenRequest("Header check", List.of("events:read"), null))
                            .id()
                            .toString());
        }

        if (path.contains("{faultyEvent}")) {
            path = path.replace(
                    "{faultyEvent}",
                    post("/api/personnel-events/onboard", token("events:write"), onboard())
                            .text("id"));
            FaultInjection.failNext("FROM personnel_event WHERE id", () -> new IllegalStateException("bug"));
        }

        ApiResponse response = call(method, path, token, body, headers);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(API_CSP);
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(response.header("Permissions-Policy")).contains("camera=()", "geolocation=()", "microphone=()");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(response.headers().containsHeader("Server")).isFalse();
        assertThat(response.headers().containsHeader("X-Powered-By")).isFalse();
    }

    @Test
    void swagger_ui_gets_a_policy_it_can_load_under() {
        ApiResponse ui = call(HttpMethod.GET, "/swagger-ui/index.html", null, null, Map.of("Accept", "text/html"));

        assertThat(ui.status()).isEqualTo(200);
        // Its own scripts, styles (and inline styles it sets) and data: images; nothing from elsewhere,
        // no inline or eval'd script, never framed. Checked in headless Chromium: it renders every
        // operation with no policy violation.
        assertThat(ui.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'none'");
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(ui.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static String onboard() {
        return anOnboardRequest().toString();
    }
}
