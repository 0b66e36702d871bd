package com.personnelevents.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API document says about schemas beyond what swagger-core infers: a nullable reference is
 * written so that OpenAPI 3.0 keeps its nullability, and answers carry every property (null where there
 * is no value), so generated clients may rely on them.
 */
@Configuration(proxyBeanMethods = false)
class ApiSchemaRules {

    /**
     * Properties of answers that are left out rather than sent as null: the secret of a token outside
     * the answer that created it, and the field errors of an error that is not about fields.
     */
    private static final Map<String, Set<String>> OMITTED_WHEN_EMPTY =
            Map.of("TokenView", Set.of("token"), ApiErrorResponses.ENVELOPE, Set.of("errors"));

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
}
