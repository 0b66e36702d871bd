package com.personnelevents.identity;

import java.util.List;
import java.util.UUID;

record IdentityImportResponse(int created, int updated, int unchanged, List<Result> items) {

    enum Outcome {
        Created,
        Updated,
        Unchanged
    }

    /** What happened to the row at {@code index} of the request. */
    record Result(int index, UUID id, String externalId, String email, Outcome result) {}
}
