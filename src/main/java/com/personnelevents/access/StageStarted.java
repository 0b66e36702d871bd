package com.personnelevents.access;

import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.workflow.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A Provision or Removal stage of a personnel event has started: the moment its access requests are
 * raised.
 *
 * @param changes a role transition's requested attribute changes; null for other types
 * @param removalLater whether a later Removal stage takes the removals (a role transition's overlap)
 */
public record StageStarted(
        UUID eventId,
        EventType type,
        String stage,
        UUID identityId,
        IdentityAttributes changes,
        boolean removalLater,
        String reporterName,
        Instant at) {}
