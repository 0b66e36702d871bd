package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One entry of an event's audit trail: who (a person by name and identity id; a token or the system by name). */
public record Activity(
        Instant createdDate,
        String author,

        @Schema(nullable = true, description = "The identity of the person who did it; null for tokens and the system")
        UUID authorId,

        String action,
        String content) {

    static final String CREATED = "Created";
}
