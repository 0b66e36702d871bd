package com.personnelevents.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The full identity representation of the documents ({@code affectedIdentity}), plus what our
 * identity endpoints add: the source system's key, the supervisor's id and the custom field values.
 */
public record IdentityResponse(
        UUID id,
        String kind,
        String firstName,
        String lastName,
        @Schema(nullable = true) String emailAddress,
        IdentityType type,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) String company,
        @Schema(nullable = true) String division,
        @Schema(nullable = true) String department,
        @Schema(nullable = true) String office,
        @Schema(nullable = true) String supervisorName,
        Instant createdDate,
        Instant updatedDate,
        Instant firstSeenDate,
        @Schema(nullable = true) Instant inactivatedDate,
        IdentityStatus status,
        @Schema(nullable = true) String externalId,
        @Schema(nullable = true) UUID supervisorId,
        Map<String, String> customFields) {

    public static final String KIND = "Identity";
}
