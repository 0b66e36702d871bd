package com.personnelevents.event;

import com.personnelevents.auth.ApiCaller;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StagePlan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A personnel event: who it affects, when, the stages it passes through and its audit trail.
 *
 * @param identityId the affected identity; for an onboarding before approval, the id the identity
 *     will be created with
 * @param identityData for an onboarding the identity to create, for a role transition the requested
 *     changes; null for the other types
 */
record PersonnelEvent(
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
        List<Stage> stages,
        List<Activity> activity,
        List<Comment> comments,
        IdentityAttributes identityData,
        long version) {

    PersonnelEvent {
        stages = List.copyOf(stages);
        activity = List.copyOf(activity);
        comments = List.copyOf(comments);
    }

    /** A new event, recorded as created by the calling token, with its stages planned. */
    static PersonnelEvent create(
            UUID id,
            long number,
            NewEvent request,
            ApiCaller reporter,
            int leadTimeDays,
            LocalDate today,
            Instant now) {
        StagePlan plan =
                StagePlan.initial(request.type(), request.effectiveDate(), request.endDate(), leadTimeDays, today, now);
        UUID identityId = request.identityId() != null ? request.identityId() : UUID.randomUUID();
        List<Activity> activity = new ArrayList<>();
        activity.add(new Activity(
                now, reporter.name(), Activity.CREATED, request.type().apiName() + " event created via API"));
        List<Comment> comments = new ArrayList<>();
        if (request.comment() != null) {
            comments.add(new Comment(now, reporter.name(), request.comment()));
        }
        return new PersonnelEvent(
                id,
                number,
                request.type(),
                plan.status(),
                identityId,
                new PersonRef(reporter.tokenId(), reporter.name()),
                null,
                request.effectiveDate(),
                request.endDate(),
                null,
                now,
                plan.stages(),
                activity,
                comments,
                request.identityData(),
                0);
    }
}
