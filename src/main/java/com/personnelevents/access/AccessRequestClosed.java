package com.personnelevents.access;

import java.time.Instant;
import java.util.UUID;

/** Published when an access request is completed or rejected, for the event's audit trail. */
public record AccessRequestClosed(UUID eventId, String by, String action, String description, Instant at) {}
