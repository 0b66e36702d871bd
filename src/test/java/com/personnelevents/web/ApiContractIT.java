package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every IT applies to every answer refuses what the document does not allow. */
class ApiContractIT extends ApiIntegrationTest {

    private static final Map<String, List<String>> JSON =
            Map.of("Content-Type", List.of("application/json"), "X-Correlation-Id", List.of("abc"));

    @Test
    void accepts_an_envelope_of_a_documented_status() {
        assertThatCode(() -> check("GET", "/api/personnel-events/" + java.util.UUID.randomUUID(), 404, """
                        {"error":"not_found","message":"Personnel event with id x not found","correlationId":"abc"}"""))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_a_status_the_operation_does_not_document() {
        assertThatThrownBy(() -> check("GET", "/api/personnel-events", 418, "{}"))
                .hasMessageContaining("validation.response.status.unknown");
    }

    @Test
    void refuses_a_null_where_the_document_promises_a_value() {
        assertThatThrownBy(() -> check("GET", "/api/settings", 200, """
                        {"timeZone":null,"leadTimeDays":7,"customFields":[]}""")).hasMessageContaining("timeZone");
    }

    @Test
    void refuses_an_answer_without_a_property_it_always_carries() {
        assertThatThrownBy(() -> check("GET", "/api/settings", 200, """
                        {"leadTimeDays":7,"customFields":[]}""")).hasMessageContaining("timeZone");
    }

    @Test
    void refuses_an_error_outside_the_envelope() {
        assertThatThrownBy(() -> check("GET", "/api/settings", 401, """
                        {"status":401,"title":"Unauthorized"}"""))
                .hasMessageContaining("validation.response.body");
    }

    private void check(String method, String path, int status, String body) {
        ApiContract.assertConforms(baseUrl(), method, path, status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
