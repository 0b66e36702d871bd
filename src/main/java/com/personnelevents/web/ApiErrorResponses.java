package com.personnelevents.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;

/**
 * The error answers of the API document, one per status under {@code components.responses}, each the
 * one envelope with an example; and the headers the answers carry.
 */
final class ApiErrorResponses {

    static final String ENVELOPE = "ErrorEnvelope";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    /** The name of each error answer under components.responses. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"),
            Map.entry(406, "NotAcceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "PayloadTooLarge"),
            Map.entry(415, "UnsupportedMediaType"),
            Map.entry(422, "UnprocessableEntity"),
            Map.entry(429, "TooManyRequests"),
            Map.entry(500, "ServerError"),
            Map.entry(503, "ServiceUnavailable"));

    /** Every status the API can answer an error with, in order. */
    static final Set<Integer> STATUSES = new TreeSet<>(NAMES.keySet());

    private ApiErrorResponses() {}

    /** The name of the error answer of {@code status} under components.responses. */
    static String name(int status) {
        return NAMES.get(status);
    }

    static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(
                CorrelationId.HEADER,
                new Header()
                        .description("The request's correlation id: the one the client sent, or a new one. "
                                + "It is in every log line of the request and in the body of every error.")
                        .schema(new StringSchema().maxLength(CorrelationId.MAX_LENGTH)));
        headers.put(
                HttpHeaders.LOCATION,
                new Header()
                        .description("Where the created resource can be read")
                        .schema(new StringSchema()));
        headers.put(
                IdempotencyKey.REPLAYED_HEADER,
                new Header()
                        .description("true when this is the stored answer to an earlier request with the same "
                                + "Idempotency-Key (nothing new was created)")
                        .schema(new BooleanSchema()));
        headers.put(
                HttpHeaders.RETRY_AFTER,
                new Header()
                        .description("Seconds to wait before retrying")
                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
        return headers;
    }

    /** A reference to the error answer of {@code status}, for an operation that can answer with it. */
    static ApiResponse ref(int status) {
        return new ApiResponse().$ref("#/components/responses/" + name(status));
    }

    /** The error answers by status, each with an example envelope. */
    static Map<Integer, ApiResponse> all() {
        Map<Integer, ApiResponse> errors = new LinkedHashMap<>();
        errors.put(
                400,
                error(
                        "A field, parameter or header is missing or invalid; " + "errors lists every field at once",
                        "validation_error",
                        ErrorEnvelope.VALIDATION_MESSAGE));
        errors.put(
                401,
                error(
                        "No token, or a token that is unknown, revoked or expired",
                        "unauthorized",
                        "Invalid or expired authentication token"));
        errors.put(
                403,
                error(
                        "The token's scopes do not allow this request",
                        "forbidden",
                        "This token's scopes do not allow this request"));
        errors.put(404, error("Nothing with this id", "not_found", "No such resource"));
        errors.put(
                406,
                error(
                        "The Accept header allows no type this operation answers with",
                        "not_acceptable",
                        "Responses are available as application/json only"));
        errors.put(
                409,
                error(
                        "The request contradicts the current state (the message says how)",
                        "conflict",
                        "Only a Pending or Scheduled event can be approved"));
        errors.put(
                413,
                error(
                        "The request body is larger than the configured limit",
                        "payload_too_large",
                        "Request body is too large"));
        errors.put(
                415,
                error(
                        "The body is not application/json",
                        "unsupported_media_type",
                        "Content-Type must be application/json"));
        errors.put(
                422,
                error(
                        "The Idempotency-Key was already used with a different request",
                        "unprocessable_entity",
                        "Idempotency-Key 'hris-hire-48213' was already used with a different request"));
        errors.put(
                429,
                error(
                        "Too many failed authentications from this address; " + "see Retry-After",
                        "too_many_requests",
                        "Too many failed authentication attempts from this " + "address; retry later"));
        errors.put(
                500,
                error(
                        "An unexpected failure (creates answer creation_failed)",
                        "server_error",
                        "An unexpected error occurred"));
        errors.put(
                503,
                error(
                        "The database cannot be reached; retry after Retry-After "
                                + "seconds (a create with the same Idempotency-Key)",
                        "service_unavailable",
                        DatabaseUnavailable.MESSAGE));
        errors.get(429).addHeaderObject(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER));
        errors.get(503).addHeaderObject(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER));
        errors.get(401)
                .addHeaderObject(
                        HttpHeaders.WWW_AUTHENTICATE,
                        new Header().description("Bearer").schema(new StringSchema()));
        return errors;
    }

    private static ApiResponse error(String description, String code, String message) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("error", code);
        example.put("message", message);
        example.put("correlationId", "a1b2c3d4e5f6789012345678abcdef01");
        if ("validation_error".equals(code)) {
            example.put("errors", List.of(Map.of("field", "identity.firstName", "message", "First name is required")));
        }
        ApiResponse answer = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + ENVELOPE))
                                        .example(example)));
        answer.addHeaderObject(CorrelationId.HEADER, headerRef(CorrelationId.HEADER));
        return answer;
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }
}
