package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.FaultInjection;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * What the logs hold after requests that carry tokens and personal data, successful and failing alike
 * (401, 403, 400, 409, 500, a database refusing a value): neither the token nor any personal value.
 * Logged at INFO, the production level (the test profile logs only warnings from libraries).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogContentIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events";

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    // Values no log line has any other reason to contain.
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String firstName = "Zelphine" + suffix;
    private final String lastName = "Quarrington" + suffix;
    private final String email = "zq." + suffix + "@firstbankofvalkyrie.com";
    private final String title = "Vault Custodian " + suffix;
    private final String office = "Bismarck " + suffix;
    private final String externalId = "hr-" + suffix;

    @BeforeEach
    void logAtProductionLevel() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @AfterEach
    void restoreTestLevel() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void no_token_or_personal_value_reaches_the_logs(CapturedOutput output) {
        String writer = token("events:write", "events:read", "identities:write", "identities:read");
        String revoked = revokedToken();
        String unknown = "pe_" + suffix + "x".repeat(35);

        // successes
        ApiResponse created = post(EVENTS + "/onboard", writer, person());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(get(EVENTS + "/" + id, writer).status()).isEqualTo(200);
        assertThat(post("/api/identities", writer, imported()).status()).isEqualTo(200);
        assertThat(get("/api/identities?search=" + lastName, writer).status()).isEqualTo(200);
        // 401 and 403
        assertThat(post(EVENTS + "/onboard", unknown, person()).status()).isEqualTo(401);
        assertThat(post(EVENTS + "/onboard", revoked, person()).status()).isEqualTo(401);
        assertThat(get("/api/identities?search=" + email, token("events:read")).status())
                .isEqualTo(403);
        // 400: invalid values, values of the wrong type, malformed JSON holding personal data
        assertThat(post(EVENTS + "/onboard", writer, person().with("identity.email", "not-an-email " + email))
                        .status())
                .isEqualTo(400);
        assertThat(post(EVENTS + "/onboard", writer, person().with("effectiveDate", email))
                        .status())
                .isEqualTo(400);
        assertThat(post(EVENTS + "/onboard", writer, person().with("identity.lastName", List.of(lastName)))
                        .status())
                .isEqualTo(400);
        String truncated = person().toString().substring(0, person().toString().indexOf(email) + 5);
        assertThat(call(HttpMethod.POST, EVENTS + "/onboard", writer, truncated, Map.of())
                        .status())
                .isEqualTo(400);
        // 409
        JsonBody reason = JsonBody.json().with("reason", "Withdrawn by " + firstName);
        assertThat(post(EVENTS + "/" + id + "/cancel", writer, reason).status()).isEqualTo(200);
        assertThat(post(EVENTS + "/" + id + "/cancel", writer, reason).status()).isEqualTo(409);
        // 500: a bug while creating, and a database refusing a personal value
        FaultInjection.failNext(
                "INSERT INTO personnel_event (", () -> new IllegalStateException("Simulated create bug"));
        assertThat(post(EVENTS + "/onboard", writer, person()).status()).isEqualTo(500);
        FaultInjection.failNext(
                "FROM personnel_event WHERE id",
                () -> new java.sql.SQLException("invalid input syntax: \"" + email + "\"", "22P02"));
        assertThat(get(EVENTS + "/" + id, writer).status()).isEqualTo(500);

        String logs = output.getAll();
        assertThat(logs)
                .as("the fault requests were logged, so the capture works")
                .contains("Unexpected failure of GET /api/personnel-events/" + id);
        assertThat(logs)
                .doesNotContain(writer, revoked, unknown)
                .doesNotContain(writer.substring(3, 20), revoked.substring(3, 20))
                .doesNotContain(firstName, lastName, email, suffix + "@", title, office, externalId);
    }

    private JsonBody person() {
        return anOnboardRequest()
                .with("identity.firstName", firstName)
                .with("identity.lastName", lastName)
                .with("identity.email", email)
                .with("identity.title", title)
                .with("identity.office", office);
    }

    private JsonBody imported() {
        return JsonBody.json()
                .with(
                        "identities",
                        List.of(Map.of(
                                "externalId", externalId,
                                "firstName", firstName,
                                "lastName", lastName,
                                "email", "imported." + email,
                                "title", title)));
    }

    private String revokedToken() {
        var created = tokens.create(
                new com.personnelevents.auth.TokenRequest("Revoked " + suffix, List.of("events:write"), null));
        tokens.revoke(created.id());
        return created.token();
    }
}
