package com.personnelevents.event;

import java.time.Instant;

/** One entry of an event's audit trail. */
public record Activity(Instant createdDate, String author, String action, String content) {

    static final String CREATED = "Created";
}
