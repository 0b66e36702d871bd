package com.personnelevents.access;

import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.workflow.AccessChange;
import java.time.Instant;
import java.util.UUID;

/**
 * A stage of a personnel event has started that raises access requests: which change its event type's
 * definition asks for.
 *
 * @param changes a role transition's requested attribute changes; null for other types
 * @param removalLater whether a later Removal stage takes a role change's removals (an overlap)
 */
public record StageStarted(
        UUID eventId,
        AccessChange change,
        String stage,
        UUID identityId,
        IdentityAttributes changes,
        boolean removalLater,
        String reporterName,
        Instant at) {}
