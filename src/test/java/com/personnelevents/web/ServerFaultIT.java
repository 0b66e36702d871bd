package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.FaultInjection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * Failures below real endpoints (a bug, a database refusing a statement or out of reach, a deadlock),
 * injected into the database calls of the real service ({@link FaultInjection}): each is answered in the
 * envelope without internals.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerFaultIT extends ApiIntegrationTest {

    static final String SECRET = "jdbc:postgresql://internal-db:5432 password=hunter2";
    private static final String READ_EVENT = "FROM personnel_event WHERE id";
    private static final String INSERT_EVENT = "INSERT INTO personnel_event (";

    private String eventId;

    @BeforeEach
    void anEvent() {
        // within the approval window: Pending, ready to approve
        eventId = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(3))
                .text("id");
    }

    @AfterEach
    void nothingLeftArmed() {
        assertThat(FaultInjection.armed()).as("the injected fault was reached").isFalse();
        FaultInjection.disarm();
    }

    @Test
    void a_server_fault_is_a_500_in_the_envelope_without_internals() {
        FaultInjection.failNext(READ_EVENT, () -> new IllegalStateException("Simulated bug leaking " + SECRET));

        ApiResponse response = get("/api/personnel-events/" + eventId, token("events:read"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("server_error");
        assertThat(response.text("message")).isEqualTo("An unexpected error occurred");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString())
                .doesNotContain("hunter2", "IllegalStateException", "internal-db", "at com.");
    }

    @Test
    void a_fault_while_creating_an_event_is_creation_failed() {
        FaultInjection.failNext(INSERT_EVENT, () -> new IllegalStateException("Simulated create bug " + SECRET));

        ApiResponse response = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("creation_failed");
        assertThat(response.text("message")).isEqualTo("The event could not be created due to a server-side error");
        assertThat(response.body().toString()).doesNotContain("hunter2");
    }

    @Test
    void a_fault_while_acting_on_an_event_is_a_server_error_not_creation_failed() {
        FaultInjection.failNext("UPDATE personnel_event SET status", () -> new IllegalStateException("bug " + SECRET));

        ApiResponse response = post("/api/personnel-events/" + eventId + "/approve", token("events:approve"), "{}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("server_error");
    }

    @Test
    void an_unreachable_database_is_a_503_with_retry_after_in_the_envelope() {
        FaultInjection.failNext(READ_EVENT, ServerFaultIT::connectionRefused);

        ApiResponse response = get("/api/personnel-events/" + eventId, token("events:read"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.text("error")).isEqualTo("service_unavailable");
        assertThat(response.text("message")).isEqualTo("The service is temporarily unavailable; retry later");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString())
                .doesNotContain("hunter2", "127.0.0.1", "jdbc", "postgresql", "s3cret", "Connection", "Exception");
    }

    @Test
    void a_create_that_cannot_reach_the_database_is_a_503_to_retry_not_creation_failed() {
        FaultInjection.failNext(INSERT_EVENT, ServerFaultIT::connectionRefused);

        ApiResponse response = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.text("error")).isEqualTo("service_unavailable");
    }

    @Test
    void the_log_lines_of_a_request_carry_its_correlation_id(CapturedOutput output) {
        FaultInjection.failNext(READ_EVENT, () -> new IllegalStateException("Simulated bug"));

        ApiResponse response = call(
                HttpMethod.GET,
                "/api/personnel-events/" + eventId,
                token("events:read"),
                null,
                Map.of("X-Correlation-Id", "trace-me-7f3a"));

        assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-me-7f3a");
        assertThat(output.getAll())
                .containsPattern("\\[trace-me-7f3a\\].*Unexpected failure of GET /api/personnel-events/" + eventId);
    }

    @Test
    void a_database_refusing_a_statement_is_a_500_without_the_sql_or_the_value() {
        FaultInjection.failNext(
                READ_EVENT,
                () -> new SQLException(
                        "ERROR: invalid input syntax for type integer: \"jane.doe@firstbankofvalkyrie.com\" in"
                                + " SELECT CAST(? AS INTEGER) FROM api_token",
                        "22P02"));

        ApiResponse response = get("/api/personnel-events/" + eventId, token("events:read"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("server_error");
        assertThat(response.text("message")).isEqualTo("An unexpected error occurred");
        assertThat(response.body().toString())
                .doesNotContain("jane.doe", "SELECT", "CAST", "api_token", "SQL", "Exception", "org.", "at com.");
    }

    @Test
    void an_actuator_endpoint_that_is_not_exposed_is_a_plain_404() {
        ApiResponse response = get("/actuator/env", token("admin"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("No such resource");
    }

    @Test
    void a_url_the_firewall_rejects_is_a_400_in_the_envelope() {
        ApiResponse response = get("/api/personnel-events;jsessionid=abc", token("events:read"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString()).doesNotContain("Rejected", "semicolon", "Exception", "org.");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void readiness_is_up_while_the_database_is_reachable() {
        ApiResponse readiness = get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }

    @Test
    void a_transaction_undone_to_end_a_deadlock_is_a_409_to_retry() {
        FaultInjection.failNext(
                "UPDATE personnel_event SET status",
                () -> new SQLException("ERROR: deadlock detected " + SECRET, "40P01"));

        ApiResponse response = post("/api/personnel-events/" + eventId + "/approve", token("events:approve"), "{}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("error")).isEqualTo("conflict");
        assertThat(response.text("message"))
                .isEqualTo("A concurrent request changed the same data; nothing was changed, retry it");
        assertThat(response.body().toString()).doesNotContain("hunter2", "deadlock", "40P01");
        assertThat(get("/api/personnel-events/" + eventId, token("events:read")).text("status"))
                .isEqualTo("Pending");
    }

    private static SQLException connectionRefused() {
        return new SQLException(
                "Connection to 127.0.0.1:5432 refused (jdbc:postgresql://127.0.0.1:5432/personnel user app"
                        + " password s3cret " + SECRET + ")",
                "08001");
    }
}
