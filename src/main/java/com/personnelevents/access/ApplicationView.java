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
        Instant updatedAt) {

    record PermissionView(
            UUID id, String name, @Schema(nullable = true) String description) {}
}
