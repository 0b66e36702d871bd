package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

@ExtendWith(OutputCaptureExtension.class)
class ServerFaultIT extends ApiIntegrationTest {

    @Test
    void a_server_fault_is_a_500_in_the_envelope_without_internals() {
        ApiResponse response = get("/api/test-faults/boom", token("events:read"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("server_error");
        assertThat(response.text("message")).isEqualTo("An unexpected error occurred");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString())
                .doesNotContain("hunter2", "IllegalStateException", "internal-db", "at com.");
    }

    @Test
    void a_fault_while_creating_an_event_is_creation_failed() {
        ApiResponse response = post("/api/personnel-events/test-fault", token("events:write"), "{}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("creation_failed");
        assertThat(response.text("message")).isEqualTo("The event could not be created due to a server-side error");
        assertThat(response.body().toString()).doesNotContain("hunter2");
    }

    @Test
    void an_unreachable_database_is_a_503_with_retry_after_in_the_envelope() {
        ApiResponse response = get("/api/test-faults/database-down", token("events:read"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.text("error")).isEqualTo("service_unavailable");
        assertThat(response.text("message")).isEqualTo("The service is temporarily unavailable; retry later");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString()).doesNotContain("hunter2", "HikariPool");
    }

    @Test
    void a_create_that_cannot_reach_the_database_is_a_503_to_retry_not_creation_failed() {
        ApiResponse response = post("/api/personnel-events/test-fault-database-down", token("events:write"), "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.text("error")).isEqualTo("service_unavailable");
    }

    @Test
    void the_log_lines_of_a_request_carry_its_correlation_id(CapturedOutput output) {
        ApiResponse response = call(
                HttpMethod.GET,
                "/api/test-faults/boom",
                token("events:read"),
                null,
                Map.of("X-Correlation-Id", "trace-me-7f3a"));

        assertThat(response.header("X-Correlation-Id")).isEqualTo("trace-me-7f3a");
        assertThat(output.getAll())
                .containsPattern("\\[trace-me-7f3a\\].*Unexpected failure of GET /api/test-faults/boom");
    }

    @Test
    void a_database_refusing_a_statement_is_a_500_without_the_sql_or_the_value() {
        ApiResponse response = post(
                "/api/test-faults/database",
                token("events:read"),
                JsonBody.json().with("value", "jane.doe@firstbankofvalkyrie.com"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text("error")).isEqualTo("server_error");
        assertThat(response.text("message")).isEqualTo("An unexpected error occurred");
        assertThat(response.body().toString())
                .doesNotContain("jane.doe", "SELECT", "CAST", "api_token", "SQL", "Exception", "org.", "at com.");
    }

    @Test
    void an_unreachable_database_is_a_503_without_its_address_or_the_driver_message() {
        ApiResponse response = get("/api/test-faults/database-down", token("events:read"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.text("error")).isEqualTo("service_unavailable");
        assertThat(response.text("message")).isEqualTo("The service is temporarily unavailable; retry later");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.body().toString())
                .doesNotContain("127.0.0.1", "jdbc", "postgresql", "s3cret", "Connection", "Exception", "org.");
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
        ApiResponse response = post("/api/test-faults/deadlock", token("events:write"), "{}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("error")).isEqualTo("conflict");
        assertThat(response.text("message"))
                .isEqualTo("A concurrent request changed the same data; nothing was changed, retry it");
        assertThat(response.body().toString()).doesNotContain("hunter2", "deadlock", "40P01");
    }
}
