package com.personnelevents.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation adds to the error answers the API document gives every operation by what it reads
 * ({@link OpenApiConfig}): the few statuses only some operations can answer with.
 */
public final class ApiDocs {

    private ApiDocs() {}

    /** Sets the example of the JSON body of the operation {@code operationId}, when the document has it. */
    public static void exampleBody(OpenAPI api, String operationId, Object example) {
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().stream()
                        .filter(operation -> operationId.equals(operation.getOperationId()))
                        .filter(operation -> operation.getRequestBody() != null)
                        .forEach(operation -> {
                            MediaType json =
                                    operation.getRequestBody().getContent().get("application/json");
                            if (json != null) {
                                json.setExample(example);
                            }
                        }));
    }

    /** The operation can answer 409 {@code conflict}: it contradicts the current state. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Conflict {}

    /** The operation can answer 404 {@code not_found} for an id it takes as a parameter, not in its path. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface NotFound {}

    /** The operation can answer 422 {@code unprocessable_entity}: an Idempotency-Key used for another body. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Unprocessable {}
}
