package com.personnelevents.event;

import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The event's own row, without the parts kept in other tables: what a list shows. */
record EventRow(
        UUID id,
        long number,
        EventType type,
        EventStatus status,
        UUID identityId,
        PersonRef reporter,
        PersonRef assignee,
        LocalDate neededOn,
        LocalDate neededUntil,
        Instant completedOn,
        Instant createdAt,
        LocalDate snoozedUntil,
        ChainHeads heads,
        long version) {}
