package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The stages a new event starts with, and its first status. */
public record StagePlan(EventStatus status, List<Stage> stages) {

    public StagePlan {
        stages = List.copyOf(stages);
    }

    /** The first stages and status of a new event of {@code type}: see {@link EventDefinition#plan}. */
    public static StagePlan initial(
            EventType type,
            LocalDate effectiveDate,
            LocalDate endDate,
            int leadTimeDays,
            LocalDate today,
            Instant now) {
        return EventDefinition.of(type).plan(effectiveDate, endDate, leadTimeDays, today, now);
    }
}
