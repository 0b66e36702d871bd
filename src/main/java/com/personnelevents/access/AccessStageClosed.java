package com.personnelevents.access;

import java.util.UUID;

/**
 * Published, inside the transaction that closed it, when the last open access request of an event's
 * stage is closed: the stage's work is done.
 */
public record AccessStageClosed(UUID eventId, String stage, String closedBy) {}
