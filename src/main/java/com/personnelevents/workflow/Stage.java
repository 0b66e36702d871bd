package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;

/** One milestone of an event. {@code scheduledStart} is a calendar day in the organisation's zone. */
public record Stage(
        StageName name,
        EventStatus status,
        Instant startedOn,
        LocalDate scheduledStart,
        Instant completedOn,
        String completedBy) {

    static Stage scheduled(StageName name, LocalDate scheduledStart) {
        return new Stage(name, EventStatus.Scheduled, null, scheduledStart, null, null);
    }

    static Stage snoozed(StageName name) {
        return new Stage(name, EventStatus.Snoozed, null, null, null, null);
    }

    Stage open(EventStatus status, Instant at) {
        return new Stage(name, status, at, scheduledStart, completedOn, completedBy);
    }
}
