package com.personnelevents.identity;

import java.time.Instant;
import java.util.UUID;

/** A person (or account) whose access is governed; never deleted, only made inactive. */
record Identity(
        UUID id,
        String externalId,
        IdentityAttributes attributes,
        IdentityStatus status,
        Instant createdDate,
        Instant updatedDate,
        Instant firstSeenDate,
        Instant inactivatedDate,
        long version) {

    static Identity create(
            UUID id, String externalId, IdentityAttributes attributes, IdentityStatus status, Instant now) {
        return new Identity(
                id, externalId, attributes, status, now, now, now, status == IdentityStatus.Active ? null : now, 0);
    }

    /** A person an onboarding will bring in: recorded at approval, not active before the start date. */
    static Identity pendingHire(UUID id, String externalId, IdentityAttributes attributes, Instant now) {
        return new Identity(id, externalId, attributes, IdentityStatus.Disabled, now, now, now, null, 0);
    }

    /** The same identity with a new record from its source; the dates say when it changed. */
    Identity update(String newExternalId, IdentityAttributes newAttributes, IdentityStatus newStatus, Instant now) {
        Instant inactivated = inactivatedDate;
        if (newStatus == IdentityStatus.Active) {
            inactivated = null;
        } else if (status == IdentityStatus.Active) {
            inactivated = now;
        }
        return new Identity(
                id, newExternalId, newAttributes, newStatus, createdDate, now, firstSeenDate, inactivated, version);
    }

    /** No longer active (or never to be): {@code inactivatedDate} says since when. */
    Identity inactive(IdentityStatus newStatus, Instant now) {
        return new Identity(
                id,
                externalId,
                attributes,
                newStatus,
                createdDate,
                now,
                firstSeenDate,
                inactivatedDate != null ? inactivatedDate : now,
                version);
    }

    boolean sameRecordAs(Identity other) {
        return java.util.Objects.equals(externalId, other.externalId)
                && attributes.equals(other.attributes)
                && status == other.status;
    }
}
