package com.personnelevents.event;

import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.workflow.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A create request after its own field checks.
 *
 * @param identityId the affected identity; null for an onboarding (whose identity does not exist yet)
 * @param identityData for an onboarding the identity to create, for a role transition the changes
 * @param externalId an onboarding's key of the person in the HR system; null when not sent
 */
record NewEvent(
        EventType type,
        UUID identityId,
        IdentityAttributes identityData,
        LocalDate effectiveDate,
        LocalDate endDate,
        String comment,
        String externalId) {

    NewEvent(
            EventType type,
            UUID identityId,
            IdentityAttributes identityData,
            LocalDate effectiveDate,
            LocalDate endDate,
            String comment) {
        this(type, identityId, identityData, effectiveDate, endDate, comment, null);
    }

    /** The same onboarding, of an identity that exists: a rehire. */
    NewEvent rehireOf(UUID existing) {
        return new NewEvent(type, existing, identityData, effectiveDate, endDate, comment, externalId);
    }
}
