package com.personnelevents.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

record IdentityImportResponse(int created, int updated, int unchanged, List<Result> items) {

    enum Outcome {
        Created,
        Updated,
        Unchanged
    }

    /** What happened to the row at {@code index} of the request. */
    @Schema(name = "IdentityImportResult")
    record Result(
            int index,
            UUID id,
            @Schema(nullable = true) String externalId,
            @Schema(nullable = true) String email,
            Outcome result) {}
}
