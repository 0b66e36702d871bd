package com.personnelevents.event;

import com.personnelevents.access.AccessRequestView;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The full personnel event of the documents: what create and get-by-id return. */
record PersonnelEventResponse(
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
        @Schema(nullable = true) Instant completedOn,
        List<StageResponse> stages,
        List<Activity> activity,
        List<Comment> comments) {

    static final String KIND = "Personnel Event";

    static PersonnelEventResponse of(
            PersonnelEvent event, IdentityResponse identity, Map<String, List<AccessRequestView>> accessRequests) {
        return new PersonnelEventResponse(
                event.id(),
                KIND,
                event.number(),
                event.type().apiName(),
                event.status(),
                event.reporter(),
                event.assignee(),
                identity,
                atMidnight(event.neededOn()),
                atMidnight(event.neededUntil()),
                event.completedOn(),
                event.stages().stream()
                        .map(stage -> StageResponse.of(
                                stage, accessRequests.getOrDefault(stage.name().name(), List.of())))
                        .toList(),
                event.activity(),
                event.comments());
    }

    /** Calendar days are shown as midnight UTC, the documents' {@code 2026-04-01T00:00:00Z}. */
    static Instant atMidnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    record StageResponse(
            StageName name,
            EventStatus status,
            @Schema(nullable = true) Instant startedOn,
            @Schema(nullable = true) Instant scheduledStart,
            @Schema(nullable = true) Instant completedOn,
            @Schema(nullable = true) String completedBy,
            List<AccessRequestView> accessRequests) {

        static StageResponse of(Stage stage, List<AccessRequestView> accessRequests) {
            return new StageResponse(
                    stage.name(),
                    stage.status(),
                    stage.startedOn(),
                    atMidnight(stage.scheduledStart()),
                    stage.completedOn(),
                    stage.completedBy(),
                    accessRequests);
        }
    }
}
