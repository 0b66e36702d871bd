package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One milestone of an event. {@code scheduledStart} is a calendar day in the organisation's zone; {@code
 * completedBy} names who completed it, {@code completedById} is that person's identity or that token (null
 * for the system, and for stages completed before ids were kept).
 */
public record Stage(
        StageName name,
        EventStatus status,
        Instant startedOn,
        LocalDate scheduledStart,
        Instant completedOn,
        String completedBy,
        UUID completedById) {

    static Stage scheduled(StageName name, LocalDate scheduledStart) {
        return new Stage(name, EventStatus.Scheduled, null, scheduledStart, null, null, null);
    }

    static Stage snoozed(StageName name) {
        return new Stage(name, EventStatus.Snoozed, null, null, null, null, null);
    }

    /** Opens the stage; one that opens again after a snooze keeps the moment it first started. */
    Stage open(EventStatus status, Instant at) {
        return new Stage(
                name,
                status,
                startedOn != null ? startedOn : at,
                scheduledStart,
                completedOn,
                completedBy,
                completedById);
    }

    Stage complete(Instant at, Actor by) {
        return new Stage(name, EventStatus.Completed, startedOn, scheduledStart, at, by.name(), by.id());
    }

    Stage withStatus(EventStatus status) {
        return new Stage(name, status, startedOn, scheduledStart, completedOn, completedBy, completedById);
    }

    Stage scheduledOn(LocalDate date) {
        return new Stage(name, EventStatus.Scheduled, startedOn, date, completedOn, completedBy, completedById);
    }

    Stage withScheduledStart(LocalDate date) {
        return new Stage(name, status, startedOn, date, completedOn, completedBy, completedById);
    }

    boolean isDone() {
        return status.isTerminal();
    }
}
