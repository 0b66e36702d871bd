package com.personnelevents.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * One change to the service's configuration: who made it, what kind ({@code action}), what it was made to
 * ({@code subject}: "Settings", "Access model Tellers (id)", …) and what changed ({@code content}).
 */
public record AdminActivity(
        long id,
        Instant createdDate,
        String author,

        @Schema(nullable = true, description = "The identity of the person who made the change; null for tokens")
        UUID authorId,

        String action,
        String subject,
        String content) {}
