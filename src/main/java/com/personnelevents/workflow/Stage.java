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

    /** Opens the stage; one that opens again after a snooze keeps the moment it first started. */
    Stage open(EventStatus status, Instant at) {
        return new Stage(name, status, startedOn != null ? startedOn : at, scheduledStart, completedOn, completedBy);
    }

    Stage complete(Instant at, String by) {
        return new Stage(name, EventStatus.Completed, startedOn, scheduledStart, at, by);
    }

    Stage withStatus(EventStatus status) {
        return new Stage(name, status, startedOn, scheduledStart, completedOn, completedBy);
    }

    Stage scheduledOn(LocalDate date) {
        return new Stage(name, EventStatus.Scheduled, startedOn, date, completedOn, completedBy);
    }

    Stage withScheduledStart(LocalDate date) {
        return new Stage(name, status, startedOn, date, completedOn, completedBy);
    }

    boolean isDone() {
        return status.isTerminal();
    }
}
