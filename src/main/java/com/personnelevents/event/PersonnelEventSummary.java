package com.personnelevents.event;

import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.workflow.EventStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An item of the event list: the event without its stages, activity and comments. */
record PersonnelEventSummary(
        UUID id,
        String kind,
        long number,

        @Schema(allowableValues = {"Onboard", "Offboard", "Role Transition", "Absence"})
        String type,

        EventStatus status,
        PersonRef reporter,
        @Schema(nullable = true) PersonRef assignee,
        IdentityResponse affectedIdentity,
        Instant neededOn,
        @Schema(nullable = true) Instant neededUntil,
        @Schema(nullable = true) Instant completedOn) {

    static PersonnelEventSummary of(EventRow event, IdentityResponse identity) {
        return new PersonnelEventSummary(
                event.id(),
                PersonnelEventResponse.KIND,
                event.number(),
                event.type().apiName(),
                event.status(),
                event.reporter(),
                event.assignee(),
                identity,
                PersonnelEventResponse.atMidnight(event.neededOn()),
                PersonnelEventResponse.atMidnight(event.neededUntil()),
                event.completedOn());
    }
}
