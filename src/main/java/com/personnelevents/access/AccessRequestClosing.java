package com.personnelevents.access;

import java.util.UUID;

/**
 * Published before an access request is completed or rejected, so that its personnel event is locked
 * first: every transaction then locks an event before its access requests, as canceling the event does,
 * and the two cannot wait on each other.
 */
public record AccessRequestClosing(UUID eventId) {}
