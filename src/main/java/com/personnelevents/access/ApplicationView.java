package com.personnelevents.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ApplicationView(
        UUID id,
        String name,
        @Schema(nullable = true) String description,
        String status,
        List<PermissionView> permissions,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The people who carry out the application's access requests")
        List<Named> provisionEngineers,

        @Schema(description = "The people who answer for the application; they see its access requests")
        List<Named> applicationManagers) {

    record PermissionView(
            UUID id, String name, @Schema(nullable = true) String description) {}
}
