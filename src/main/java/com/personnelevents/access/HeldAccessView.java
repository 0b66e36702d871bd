package com.personnelevents.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One permission a person holds now, with the account it is held through. */
public record HeldAccessView(
        Named application,
        Named permission,
        @Schema(nullable = true) String account,
        String status,
        Instant updatedAt) {}
