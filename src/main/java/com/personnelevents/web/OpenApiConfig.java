package com.personnelevents.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
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
        ApiErrorResponses.headers().forEach(components::addHeaders);
        ModelConverters.getInstance().readAll(ErrorEnvelope.class).forEach(components::addSchemas);
        ApiErrorResponses.all()
                .forEach((status, answer) -> components.addResponses(ApiErrorResponses.name(status), answer));
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
            ApiErrorResponses.STATUSES.forEach(status -> {
                boolean applies = switch (status) {
                    case 404 -> pathVariables || handler.hasMethodAnnotation(ApiDocs.NotFound.class);
                    case 413, 415 -> body;
                    case 409 -> handler.hasMethodAnnotation(ApiDocs.Conflict.class);
                    case 422 -> handler.hasMethodAnnotation(ApiDocs.Unprocessable.class);
                    // 400 too: the firewall and the container refuse a malformed request on any path
                    default -> true;
                };
                if (applies && !responses.containsKey(Integer.toString(status))) {
                    responses.addApiResponse(Integer.toString(status), ApiErrorResponses.ref(status));
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
}
