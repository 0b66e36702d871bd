package com.personnelevents.identity;

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
        String emailAddress,
        IdentityType type,
        String title,
        String company,
        String division,
        String department,
        String office,
        String supervisorName,
        Instant createdDate,
        Instant updatedDate,
        Instant firstSeenDate,
        Instant inactivatedDate,
        IdentityStatus status,
        String externalId,
        UUID supervisorId,
        Map<String, String> customFields) {

    public static final String KIND = "Identity";
}
