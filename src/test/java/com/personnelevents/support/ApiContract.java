package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks every response a test receives against the OpenAPI document the running server serves, so that
 * the document cannot drift from the code: an undocumented status, a null where the document promises a
 * value, a missing property, a wrong type or format all fail the test that received it. Requests are not
 * checked (tests send invalid ones on purpose); a request the document has no operation for (an unknown
 * path, a method the path does not serve) has no documented answer to check.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static volatile OpenApiInteractionValidator validator;

    private ApiContract() {}

    /** The validator of the document at {@code baseUrl}/v3/api-docs, fetched once per test run. */
    private static OpenApiInteractionValidator validator(String baseUrl) {
        OpenApiInteractionValidator loaded = validator;
        if (loaded == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                                    nullableReferencesInlined(document(baseUrl)))
                            .withLevelResolver(LevelResolver.create()
                                    .withDefaultLevel(ValidationReport.Level.ERROR)
                                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                    .build())
                            // an unknown path is no operation, rather than the nearest one
                            .withStrictOperationPathMatching()
                            .build();
                }
                loaded = validator;
            }
        }
        return loaded;
    }

    private static String document(String baseUrl) {
        try {
            HttpResponse<String> docs = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
            return docs.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same document, with each nullable reference ({@code allOf: [{$ref}]} beside {@code nullable: true},
     * OpenAPI 3.0's way) replaced by a copy of the schema it refers to, nullable: the same meaning, in the
     * form this validator honours (it applies {@code nullable} to the schema it stands in, not to the parts
     * of an {@code allOf}).
     */
    static String nullableReferencesInlined(String document) {
        ObjectNode api = (ObjectNode) JSON.readTree(document);
        JsonNode schemas = api.path("components").path("schemas");
        inline(api, schemas);
        return JSON.writeValueAsString(api);
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node.isArray()) {
            node.forEach(item -> inline(item, schemas));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (String name : List.copyOf(object.propertyNames())) {
            JsonNode value = object.get(name);
            if (value.path("nullable").asBoolean(false)
                    && value.path("allOf").size() == 1
                    && value.path("allOf").get(0).has("$ref")) {
                String ref = value.path("allOf").get(0).path("$ref").asString();
                ObjectNode copy = (ObjectNode)
                        schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
                copy.put("nullable", true);
                object.set(name, copy);
            } else {
                inline(value, schemas);
            }
        }
    }

    /**
     * Fails when the answer to {@code method uri} (path and query) does not conform to the document.
     * Non-API paths (health, metrics, the documents themselves) are not part of it.
     */
    public static void assertConforms(
            String baseUrl, String method, String uri, int status, Map<String, List<String>> headers, byte[] body) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        if (!path.startsWith("/api/")) {
            return;
        }
        if (status == 405) {
            // The answer to a method the path does not serve is no operation's answer: the document has
            // only the operations a path does serve (GET /api/personnel-events/onboard is not GET .../{id}).
            return;
        }
        Request.Method verb;
        try {
            verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return; // a method no operation can have (the hostile corpus sends some)
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null && body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator(baseUrl).validateResponse(path, verb, response.build());
        assertThat(report.hasErrors())
                .as(
                        "%s %s answered %d, which the API document does not allow:%n%s%nbody: %s",
                        method,
                        uri,
                        status,
                        report.getMessages().stream()
                                .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                                .collect(Collectors.joining("\n")),
                        body == null ? "" : new String(body, StandardCharsets.UTF_8))
                .isFalse();
    }

    /** The same check of an answer received with the JDK's HTTP client, as bytes or as text. */
    public static <T> HttpResponse<T> assertConforms(String baseUrl, HttpResponse<T> answer) {
        byte[] body = answer.body() instanceof byte[] bytes
                ? bytes
                : answer.body() == null ? null : answer.body().toString().getBytes(StandardCharsets.UTF_8);
        URI uri = answer.request().uri();
        assertConforms(
                baseUrl,
                answer.request().method(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                answer.statusCode(),
                answer.headers().map(),
                body);
        return answer;
    }
}
