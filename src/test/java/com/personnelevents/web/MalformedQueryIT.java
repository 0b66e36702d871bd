package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Request lines and headers a client gets wrong outside any body: a query string that does not parse,
 * the container's error path asked for directly, an Accept header the API cannot satisfy. Each is a 4xx in
 * the envelope, and no value of the request reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedQueryIT extends ApiIntegrationTest {

    private String reader;

    @BeforeEach
    void token() {
        reader = token("identities:read", "events:read", "access:read");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/identities?=Martinez",
                "/api/identities?search=%zzMartinez",
                "/api/identities?search=Mart%2",
                "/api/personnel-events?status=%G1Martinez",
                "/api/access-requests?page=1&=Martinez",
                "/api/identities?search=%C3%28Martinez"
            })
    void a_query_string_that_does_not_parse_is_a_400_and_logs_nothing_of_it(String target, CapturedOutput output)
            throws IOException {
        int logged = output.getAll().length();

        Raw answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + reader
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.body().path("error").asString()).isEqualTo("validation_error");
        assertThat(answer.body().path("message").asString()).isEqualTo("The query string could not be read");
        assertThat(answer.head()).contains("content-type: application/json");
        assertThat(output.getAll().substring(logged)).doesNotContain("Martinez").doesNotContain("ERROR");
    }

    @Test
    void the_error_path_asked_for_directly_is_not_found() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE}) {
            ApiResponse response = call(method, "/error", null, null, Map.of());

            assertThat(response.status()).as(method.name()).isEqualTo(404);
            assertThat(response.text("error")).isEqualTo("not_found");
        }
    }

    @Test
    void an_accept_header_the_api_cannot_satisfy_is_a_406_in_the_envelope() {
        ApiResponse response =
                call(HttpMethod.GET, "/api/personnel-events", reader, null, Map.of("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.text("error")).isEqualTo("not_acceptable");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void an_accept_header_the_api_cannot_satisfy_is_a_406_on_an_error_too() {
        ApiResponse response = call(
                HttpMethod.GET,
                "/api/personnel-events/" + java.util.UUID.randomUUID(),
                reader,
                null,
                Map.of("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.text("error")).isEqualTo("not_found");
    }

    private record Raw(int status, String head, String text, JsonNode body) {}

    private Raw raw(String request) throws IOException {
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        int end = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, end).toLowerCase(Locale.ROOT);
        String text = answer.substring(end + 4);
        if (head.contains("transfer-encoding: chunked")) {
            text = text.substring(text.indexOf("\r\n") + 2, text.lastIndexOf("\r\n0\r\n"));
        }
        return new Raw(Integer.parseInt(answer.substring(9, 12)), head, text, json.readTree(text));
    }
}
