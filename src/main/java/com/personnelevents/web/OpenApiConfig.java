package com.personnelevents.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document at {@code /v3/api-docs}, written so that a client generated from it works: every
 * operation's real success status and headers, the error statuses it can answer with (all in the one
 * envelope), nullability and constraints. Which errors an operation can answer follows from what it reads
 * (a body, a path variable, parameters), so controllers name only the ones particular to them (409, 422).
 * Every integration test checks each response it receives against this document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String ENVELOPE = "ErrorEnvelope";

    /** The name of each error answer under components.responses. */
    private static final Map<Integer, String> ERROR_NAMES = Map.ofEntries(
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

    /**
     * Properties of answers that are left out rather than sent as null: the secret of a token outside
     * the answer that created it, and the field errors of an error that is not about fields.
     */
    private static final Map<String, Set<String>> OMITTED_WHEN_EMPTY =
            Map.of("TokenView", Set.of("token"), ENVELOPE, Set.of("errors"));

    static {
        // Documented as the header it is read from (below), not as a query parameter of this type.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotencyKey.class);
    }

    @Bean
    OpenAPI personnelEventsApi(@Value("${personnel-events.public-url}") String publicUrl) {
        Components components = new Components()
                .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API token created with `token create` or POST /api/tokens"));
        headers().forEach(components::addHeaders);
        ModelConverters.getInstance().readAll(ErrorEnvelope.class).forEach(components::addSchemas);
        errorResponses().forEach((status, answer) -> components.addResponses(ERROR_NAMES.get(status), answer));
        return new OpenAPI()
                .info(new Info()
                        .title("Personnel Events API")
                        .version("1")
                        .description("Creates personnel events (onboarding, offboarding, role transitions, "
                                + "leaves of absence) and runs them through Approval, Provision and Verification. "
                                + "Every answer carries X-Correlation-Id; every error has the one envelope "
                                + "(error, message, correlationId, errors)."))
                // The installation's public address, never the Host header of whoever asked.
                .servers(List.of(new Server().url(publicUrl)))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Adds to every operation the errors it can answer with, the correlation id on every answer, and the
     * headers of a create's 201.
     */
    @Bean
    OperationCustomizer errorResponsesOfEveryOperation() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            boolean idempotent = takes(handler, IdempotencyKey.class);
            boolean body = reads(handler, RequestBody.class);
            boolean pathVariables = reads(handler, PathVariable.class);
            ERROR_NAMES.forEach((status, name) -> {
                boolean applies = switch (status) {
                    case 404 -> pathVariables || handler.hasMethodAnnotation(ApiDocs.NotFound.class);
                    case 413, 415 -> body;
                    case 409 -> handler.hasMethodAnnotation(ApiDocs.Conflict.class);
                    case 422 -> handler.hasMethodAnnotation(ApiDocs.Unprocessable.class);
                    // 400 too: the firewall and the container refuse a malformed request on any path
                    default -> true;
                };
                if (applies && !responses.containsKey(Integer.toString(status))) {
                    responses.addApiResponse(Integer.toString(status), errorRef(status));
                }
            });
            if (idempotent) {
                operation.addParametersItem(idempotencyKeyParameter());
            }
            describePage(operation);
            responses.forEach((code, response) -> {
                if (response.get$ref() == null) {
                    addHeader(response, CorrelationId.HEADER);
                    if ("201".equals(code)) {
                        addHeader(response, HttpHeaders.LOCATION);
                        if (idempotent) {
                            addHeader(response, IdempotencyKey.REPLAYED_HEADER);
                        }
                    }
                }
            });
            operation.setResponses(sorted(responses));
            return operation;
        };
    }

    /**
     * A property marked {@code @Schema(nullable = true)} that refers to another schema: OpenAPI 3.0 ignores
     * whatever stands beside a {@code $ref}, so it is written as {@code allOf} of the reference, nullable.
     */
    @Bean
    PropertyCustomizer nullableReferences() {
        return (property, type) -> {
            if (property == null || property.get$ref() == null || !markedNullable(type.getCtxAnnotations())) {
                return property;
            }
            ComposedSchema wrapped = new ComposedSchema();
            wrapped.addAllOfItem(new Schema<>().$ref(property.get$ref()));
            wrapped.setNullable(true);
            return wrapped;
        };
    }

    private static boolean markedNullable(java.lang.annotation.Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (var annotation : annotations) {
            if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema && schema.nullable()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers always carry every property (null where there is no value), except the few left out when
     * empty.
     */
    @Bean
    OpenApiCustomizer answersCarryEveryProperty() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            Set<String> requestSchemas = reachable(schemas, requestBodySchemas(api));
            schemas.forEach((name, schema) -> {
                // A schema is never null by itself: swagger-core copies the nullable of the first property
                // that refers to it onto it (an assignee's PersonRef makes every reporter nullable too).
                schema.setNullable(null);
                Map<String, Schema> properties = schema.getProperties();
                if (properties == null) {
                    return;
                }
                if (!requestSchemas.contains(name)) {
                    Set<String> omitted = OMITTED_WHEN_EMPTY.getOrDefault(name, Set.of());
                    schema.setRequired(properties.keySet().stream()
                            .filter(property -> !omitted.contains(property))
                            .toList());
                }
            });
        };
    }

    private static Collection<String> requestBodySchemas(OpenAPI api) {
        Set<String> roots = new HashSet<>();
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .values()
                                .forEach(media -> refs(media.getSchema(), roots));
                    }
                }));
        return roots;
    }

    /** The schemas {@code roots} name, and those they name in turn. */
    private static Set<String> reachable(Map<String, Schema> schemas, Collection<String> roots) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name) && schemas.containsKey(name)) {
                Set<String> named = new HashSet<>();
                refs(schemas.get(name), named);
                todo.addAll(named);
            }
        }
        return seen;
    }

    private static void refs(Schema<?> schema, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            into.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        refs(schema.getItems(), into);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            refs(values, into);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> refs(property, into));
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> refs(part, into));
        }
    }

    private static boolean reads(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Lists are paged alike: {@code page}, 1-based, 50 items a page. */
    private static void describePage(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> "query".equals(p.getIn()) && "page".equals(p.getName()))
                .forEach(p -> {
                    p.description("The page, 1-based; " + PageResponse.PAGE_SIZE + " items a page");
                    p.getSchema().setMinimum(java.math.BigDecimal.ONE);
                });
    }

    private static Parameter idempotencyKeyParameter() {
        return new Parameter()
                .in("header")
                .name(IdempotencyKey.HEADER)
                .required(false)
                .description("Any unique value per intended event: a retry with the same key returns the original "
                        + "answer (Idempotent-Replayed: true) instead of creating a second event; the same key "
                        + "with another body is refused with 422. One value, sent once, without commas.")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyKey.MAX_LENGTH)
                        .pattern(IdempotencyKey.VALUE.pattern())
                        .example("hris-hire-48213"));
    }

    private static boolean takes(HandlerMethod handler, Class<?> type) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == type) {
                return true;
            }
        }
        return false;
    }

    private static void addHeader(ApiResponse response, String name) {
        response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    private static Map<String, Header> headers() {
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
    static ApiResponse errorRef(int status) {
        return new ApiResponse().$ref("#/components/responses/" + ERROR_NAMES.get(status));
    }

    /** The error answers by status, each with an example envelope. */
    private static Map<Integer, ApiResponse> errorResponses() {
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
