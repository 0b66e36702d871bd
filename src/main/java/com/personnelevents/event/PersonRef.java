package com.personnelevents.event;

import java.util.UUID;

/** Who reported or is assigned to an event: an id and a display name. */
public record PersonRef(UUID id, String name) {}
