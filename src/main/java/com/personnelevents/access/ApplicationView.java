package com.personnelevents.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ApplicationView(
        UUID id,
        String name,
        String description,
        String status,
        List<PermissionView> permissions,
        Instant createdAt,
        Instant updatedAt) {

    record PermissionView(UUID id, String name, String description) {}
}
