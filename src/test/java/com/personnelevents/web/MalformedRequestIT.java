package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * What a careless or hostile client can send beyond the bodies of {@link HostileInputIT}'s corpus:
 * chunked oversize bodies, bad query parameters and paths, and the correlation id every answer carries.
 */
class MalformedRequestIT extends ApiIntegrationTest {

    private static final String ONBOARD = "/api/personnel-events/onboard";
    private static final String EVENTS = "/api/personnel-events";
    private static final int ONE_MIB = 1024 * 1024;
    private static final String GENERATED_ID = "[0-9a-f]{32}";

    private String writer;
    private String reader;

    @BeforeEach
    void tokens() {
        writer = token("events:write");
        reader = token("events:read");
    }

    @Test
    void rejects_a_request_without_any_body() {
        long before = storedEvents();

        ApiResponse response = call(HttpMethod.POST, ONBOARD, writer, null, Map.of());

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.text("message")).isEqualTo("Request body is missing or unreadable");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_a_number_where_a_string_belongs_naming_the_field() {
        long before = storedEvents();

        ApiResponse response = postOnboard(anOnboardRequest().with("identity.firstName", 42));

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("identity.firstName");
        assertThat(response.errorFor("identity.firstName")).isEqualTo("Value has the wrong type: expected a string");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_a_nul_character_naming_the_field_and_the_rule() {
        long before = storedEvents();

        ApiResponse response = postOnboard(anOnboardRequest().with("identity.lastName", "Ch\u0000en"));

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFor("identity.lastName"))
                .isEqualTo("Value must be valid Unicode text without NUL characters");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_a_fraction_where_a_whole_number_belongs() {
        ApiResponse response = put(
                "/api/settings",
                token("admin"),
                JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 7.5));

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFor("leadTimeDays")).isEqualTo("Value has the wrong type: expected a whole number");
    }

    @Test
    void rejects_a_number_beyond_the_integer_range_naming_the_field() {
        ApiResponse response = put(
                "/api/settings",
                token("admin"),
                JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 2_147_483_648L));

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFor("leadTimeDays")).isEqualTo("Value is out of range");
    }

    @Test
    void rejects_an_object_for_the_effective_date() {
        long before = storedEvents();

        ApiResponse response = postOnboard(anOnboardRequest().with("effectiveDate", Map.of("year", 2026)));

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("effectiveDate");
        assertThat(response.errorFor("effectiveDate")).isEqualTo("Value has the wrong type: expected a string");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_id_in_the_path_that_is_not_a_guid_names_no_resource() {
        ApiResponse response = get(EVENTS + "/not-a-guid", reader);

        assertEnvelope(response, 404, "not_found");
        assertThat(response.body().has("errors")).isFalse();
    }

    @Test
    void a_method_the_path_does_not_serve_is_405_not_read_as_an_id() {
        ApiResponse response = get(EVENTS + "/onboard", reader);

        assertEnvelope(response, 405, "method_not_allowed");
        assertThat(response.header("Allow")).isEqualTo("POST");
    }

    @Test
    void answers_404_for_an_unknown_event_id() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = get(EVENTS + "/" + unknown, reader);

        assertEnvelope(response, 404, "not_found");
        assertThat(response.text("message")).isEqualTo("Personnel event with id " + unknown + " not found");
        assertThat(response.body().has("errors")).isFalse();
    }

    @Test
    void rejects_a_chunked_body_over_one_mib_while_reading_it() throws Exception {
        long before = storedEvents();
        byte[] body = validBodyLargerThan(ONE_MIB).getBytes(StandardCharsets.UTF_8);
        // An input stream publisher has no length, so the JDK client sends it chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ONBOARD))
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(30))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode envelope = json.readTree(response.body());
        assertThat(envelope.path("error").asString()).isEqualTo("payload_too_large");
        assertThat(envelope.path("message").asString()).isEqualTo("Request body must not exceed 1024 KiB");
        assertThat(envelope.path("correlationId").asString())
                .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElse(null));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void answers_404_in_the_envelope_for_an_unknown_path() {
        ApiResponse response = get("/api/nope", reader);

        assertEnvelope(response, 404, "not_found");
        assertThat(response.text("message")).isEqualTo("No such resource");
    }

    @Test
    void answers_405_for_a_method_the_endpoint_does_not_support() {
        long before = storedEvents();

        ApiResponse response = call(HttpMethod.DELETE, ONBOARD, writer, null, Map.of());

        assertEnvelope(response, 405, "method_not_allowed");
        assertThat(response.header("Allow")).contains("POST");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_page_zero() {
        ApiResponse response = get(EVENTS + "?page=0", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("page");
        assertThat(response.errorFor("page")).isEqualTo("Page must be 1 or greater");
    }

    @Test
    void rejects_a_page_that_is_not_a_number() {
        ApiResponse response = get(EVENTS + "?page=abc", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("page");
        assertThat(response.errorFor("page")).contains("abc");
    }

    @Test
    void rejects_a_page_beyond_the_integer_range() {
        ApiResponse response = get(EVENTS + "?page=99999999999", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("page");
    }

    @Test
    void rejects_an_unknown_type_filter_listing_the_valid_values() {
        ApiResponse response = get(EVENTS + "?type=Bogus", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("type");
        assertThat(response.errorFor("type")).contains("Onboard", "Offboard", "RoleTransition", "Absence");
    }

    @Test
    void rejects_an_unknown_status_filter_listing_the_valid_values() {
        ApiResponse response = get(EVENTS + "?status=Bogus", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("status");
        assertThat(response.errorFor("status"))
                .contains("Pending", "Open", "Resolved", "Completed", "Canceled", "Scheduled", "Snoozed");
    }

    @Test
    void rejects_an_identity_id_filter_that_is_not_a_guid() {
        ApiResponse response = get(EVENTS + "?identityId=12345", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactly("identityId");
        assertThat(response.errorFor("identityId")).isEqualTo("Identity id must be a valid GUID");
    }

    @Test
    void reports_every_bad_filter_in_one_answer() {
        ApiResponse response = get(EVENTS + "?type=Bogus&status=Bogus&identityId=nope", reader);

        assertEnvelope(response, 400, "validation_error");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("type", "status", "identityId");
    }

    @Test
    void every_error_response_carries_its_correlation_id_in_header_and_body() {
        String oversized = validBodyLargerThan(ONE_MIB);
        List<ApiResponse> failures = List.of(
                postOnboard("{bad"),
                get(EVENTS, null),
                get(EVENTS, writer),
                get(EVENTS + "/" + UUID.randomUUID(), reader),
                get("/api/nope", reader),
                call(HttpMethod.DELETE, ONBOARD, writer, null, Map.of()),
                call(HttpMethod.POST, ONBOARD, writer, "{}", Map.of("Content-Type", "text/plain")),
                postOnboard(oversized));

        assertThat(failures).extracting(ApiResponse::status).containsExactly(400, 401, 403, 404, 404, 405, 415, 413);
        for (ApiResponse failure : failures) {
            assertThat(failure.header(CorrelationId.HEADER))
                    .as("header of the %d answer", failure.status())
                    .isNotBlank()
                    .isEqualTo(failure.text("correlationId"));
        }
    }

    @Test
    void successful_responses_carry_a_generated_correlation_id() {
        ApiResponse first = get(EVENTS, reader);
        ApiResponse second = get(EVENTS, reader);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header(CorrelationId.HEADER)).matches(GENERATED_ID);
        assertThat(second.header(CorrelationId.HEADER))
                .matches(GENERATED_ID)
                .isNotEqualTo(first.header(CorrelationId.HEADER));
    }

    @Test
    void echoes_a_correlation_id_the_caller_supplied() {
        ApiResponse response = call(
                HttpMethod.GET,
                EVENTS + "/" + UUID.randomUUID(),
                reader,
                null,
                Map.of(CorrelationId.HEADER, "abc-123"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header(CorrelationId.HEADER)).isEqualTo("abc-123");
        assertThat(response.text("correlationId")).isEqualTo("abc-123");
    }

    @Test
    void echoes_a_supplied_correlation_id_even_when_the_token_is_missing() {
        ApiResponse response = call(HttpMethod.GET, EVENTS, null, null, Map.of(CorrelationId.HEADER, "abc-123"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header(CorrelationId.HEADER)).isEqualTo("abc-123");
        assertThat(response.text("correlationId")).isEqualTo("abc-123");
    }

    @Test
    void replaces_an_overlong_correlation_id_with_a_generated_one() {
        String overlong = "a".repeat(100);

        ApiResponse response = call(
                HttpMethod.GET, EVENTS + "/" + UUID.randomUUID(), reader, null, Map.of(CorrelationId.HEADER, overlong));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header(CorrelationId.HEADER)).matches(GENERATED_ID);
        assertThat(response.text("correlationId")).isEqualTo(response.header(CorrelationId.HEADER));
    }

    @Test
    void replaces_a_correlation_id_with_unsafe_characters_with_a_generated_one() {
        ApiResponse response = call(
                HttpMethod.GET,
                EVENTS + "/" + UUID.randomUUID(),
                reader,
                null,
                Map.of(CorrelationId.HEADER, "abc 123;<script>"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header(CorrelationId.HEADER)).matches(GENERATED_ID);
        assertThat(response.text("correlationId")).isEqualTo(response.header(CorrelationId.HEADER));
    }

    private ApiResponse postOnboard(Object body) {
        return call(HttpMethod.POST, ONBOARD, writer, body.toString(), Map.of());
    }

    /** A request that would be accepted if it were not padded with whitespace past {@code size} bytes. */
    private static String validBodyLargerThan(int size) {
        return anOnboardRequest().toString().replaceFirst("\\{", "{" + " ".repeat(size + 1));
    }

    private static void assertEnvelope(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.text("error")).isEqualTo(error);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("correlationId")).isNotBlank().isEqualTo(response.header(CorrelationId.HEADER));
        assertThat(response.body().toString()).doesNotContain("Exception", "at com.", "at org.");
    }

    /**
     * Paths Tomcat itself refuses before any filter runs (a NUL, an encoded slash, a bad escape): still a
     * 400 in the envelope, not the container's HTML page.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"/api/personnel-events/%00", "/api/personnel-events/a%2Fb", "/api/personnel-events/%zz"})
    void a_path_the_container_refuses_is_a_400_in_the_envelope(String path) throws Exception {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        JsonNode body = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(head)
                .contains("content-type: application/json")
                .contains("content-security-policy: default-src 'none'")
                .contains("x-content-type-options: nosniff")
                .contains("x-correlation-id: " + body.path("correlationId").asString());
        assertThat(body.path("error").asString()).isEqualTo("validation_error");
        assertThat(body.path("message").asString()).isEqualTo("The request could not be processed");
        assertThat(answer).doesNotContain("Apache Tomcat", "<html", "Exception");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    /** Spring's form-content filter reads a whole form body before authentication and the size limit. */
    @Test
    void nothing_reads_a_form_body_before_authentication() {
        assertThat(context.getBeansOfType(org.springframework.web.filter.FormContentFilter.class))
                .isEmpty();
        ApiResponse response = call(
                HttpMethod.PUT,
                "/api/settings",
                null,
                "a=" + "x".repeat(2_000_000),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.status()).isEqualTo(401);
    }
}
