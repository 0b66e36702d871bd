package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

public record Comment(
        Instant createdDate,
        String author,

        @Schema(nullable = true, description = "The identity of the person who wrote it; null for tokens")
        UUID authorId,

        String content) {}
