package com.personnelevents.event;

import com.personnelevents.access.AccessRequestView;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.ResponseRules;
import com.personnelevents.workflow.Role;
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
            PersonnelEvent event,
            IdentityResponse identity,
            Map<String, List<AccessRequestView>> accessRequests,
            ResponseRules rules) {
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
                                stage,
                                accessRequests.getOrDefault(stage.name().name(), List.of()),
                                event.responses(stage.name()),
                                stage.status().isTerminal() || !takesResponses(stage.name())
                                        ? List.of()
                                        : event.awaited(stage.name(), rules.required(event.type(), stage.name()))))
                        .toList(),
                event.activity(),
                event.comments());
    }

    /** Calendar days are shown as midnight UTC, the documents' {@code 2026-04-01T00:00:00Z}. */
    static Instant atMidnight(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean takesResponses(StageName stage) {
        return stage == StageName.Approval || stage == StageName.Verification;
    }

    record StageResponse(
            StageName name,
            EventStatus status,
            @Schema(nullable = true) Instant startedOn,
            @Schema(nullable = true) Instant scheduledStart,
            @Schema(nullable = true) Instant completedOn,
            @Schema(nullable = true) String completedBy,
            List<AccessRequestView> accessRequests,

            @Schema(description = "The responses given to an Approval or Verification step, in the order given")
            List<ResponseView> responses,

            @Schema(
                    description = "The roles whose response an open Approval or Verification step still awaits,"
                            + " in the order of its rule")
            List<String> awaiting) {

        static StageResponse of(
                Stage stage, List<AccessRequestView> accessRequests, List<Response> responses, List<Role> awaiting) {
            return new StageResponse(
                    stage.name(),
                    stage.status(),
                    stage.startedOn(),
                    atMidnight(stage.scheduledStart()),
                    stage.completedOn(),
                    stage.completedBy(),
                    accessRequests,
                    responses.stream().map(ResponseView::of).toList(),
                    awaiting.stream().map(Role::apiName).toList());
        }
    }

    /** One response: the role it answers for, who gave it (a person or a token), and when. */
    @Schema(name = "StageResponseGiven")
    record ResponseView(String role, Responder responder, Instant respondedAt) {

        static ResponseView of(Response response) {
            Actor by = response.responder();
            return new ResponseView(
                    response.role().apiName(),
                    new Responder(by.isPerson() ? "Person" : "Token", by.id(), by.name()),
                    response.at());
        }
    }

    /** Who responded: a person (their identity id) or a token (its id), and their name. */
    @Schema(name = "Responder")
    record Responder(
            @Schema(allowableValues = {"Person", "Token"}) String kind, UUID id, String name) {}
}
