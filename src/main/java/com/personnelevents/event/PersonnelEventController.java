package com.personnelevents.event;

import com.personnelevents.auth.Caller;
import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
import com.personnelevents.web.IdempotencyKey;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/personnel-events")
@Tag(name = "Personnel events", description = "Create, list and read personnel events, and act on them")
class PersonnelEventController {

    private final PersonnelEventService events;
    private final EventWorkflowService workflow;

    PersonnelEventController(PersonnelEventService events, EventWorkflowService workflow) {
        this.events = events;
        this.workflow = workflow;
    }

    @PostMapping("/onboard")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createOnboard", summary = "Create an onboarding event for a new person")
    @ApiDocs.Conflict
    @ApiDocs.Unprocessable
    ResponseEntity<PersonnelEventResponse> onboard(
            @RequestBody OnboardRequest request, Caller caller, IdempotencyKey key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/offboard")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createOffboard", summary = "Create an offboarding event for an existing identity")
    @ApiDocs.Conflict
    @ApiDocs.Unprocessable
    ResponseEntity<PersonnelEventResponse> offboard(
            @RequestBody OffboardRequest request, Caller caller, IdempotencyKey key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/role-transition")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createRoleTransition",
            summary = "Create a role transition (only the identity fields that change)")
    @ApiDocs.Conflict
    @ApiDocs.Unprocessable
    ResponseEntity<PersonnelEventResponse> roleTransition(
            @RequestBody RoleTransitionRequest request, Caller caller, IdempotencyKey key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/leave-of-absence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createLeaveOfAbsence", summary = "Create a leave of absence")
    @ApiDocs.Conflict
    @ApiDocs.Unprocessable
    ResponseEntity<PersonnelEventResponse> leaveOfAbsence(
            @RequestBody LeaveOfAbsenceRequest request, Caller caller, IdempotencyKey key) {
        return created(events.create(request, caller, key));
    }

    @GetMapping
    @Operation(
            operationId = "listPersonnelEvents",
            summary = "List personnel events, newest effective date first, 50 a page")
    PageResponse<PersonnelEventSummary> list(
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Only the events of this identity", schema = @Schema(format = "uuid"))
                    @RequestParam(required = false)
                    String identityId,
            @Parameter(
                            description = "Case-insensitive; spaces are ignored (Role Transition = RoleTransition)",
                            schema = @Schema(allowableValues = {"Onboard", "Offboard", "RoleTransition", "Absence"}))
                    @RequestParam(required = false)
                    String type,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = EventStatus.class))
                    @RequestParam(required = false)
                    String status,
            Caller caller) {
        return events.page(page, EventFilter.parse(identityId, type, status).visibleTo(caller.narrowedTo()));
    }

    @GetMapping("/" + ApiPaths.ID)
    @Operation(
            operationId = "getPersonnelEvent",
            summary = "Get one personnel event with its stages, activity and comments")
    PersonnelEventResponse get(@PathVariable UUID id, Caller caller) {
        return events.get(id, caller);
    }

    @GetMapping("/" + ApiPaths.ID + "/access-preview")
    @Operation(
            operationId = "previewPersonnelEventAccess",
            summary = "The access requests the event's Provision (and Removal) would raise if they started now")
    @ApiDocs.Conflict
    AccessPreviewResponse accessPreview(@PathVariable UUID id, Caller caller) {
        return events.accessPreview(id, caller);
    }

    @PostMapping("/" + ApiPaths.ID + "/approve")
    @Operation(
            operationId = "approvePersonnelEvent",
            summary = "Approve an event awaiting approval, as one of the roles its rule requires")
    @ApiDocs.Conflict
    PersonnelEventResponse approve(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Note request, Caller caller) {
        return workflow.approve(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/reset-vote")
    @Operation(
            operationId = "resetMyVote",
            summary = "Take back your response to the open Approval or Verification step")
    @ApiDocs.Conflict
    PersonnelEventResponse resetVote(@PathVariable UUID id, Caller caller) {
        return workflow.resetVote(id, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/reject")
    @Operation(
            operationId = "rejectPersonnelEvent",
            summary = "Reject an event awaiting approval: it is canceled with the reason")
    @ApiDocs.Conflict
    PersonnelEventResponse reject(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Reason request, Caller caller) {
        return workflow.reject(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/stages/{stage}/complete")
    @Operation(operationId = "completeStage", summary = "Complete an open stage (Provision, Removal or Verification)")
    @ApiDocs.Conflict
    PersonnelEventResponse complete(
            @PathVariable UUID id,
            @Parameter(
                            description = "Approval is completed by approving",
                            schema = @Schema(allowableValues = {"Provision", "Removal", "Verification"}))
                    @PathVariable
                    String stage,
            @RequestBody(required = false) ActionRequests.Note request,
            Caller caller) {
        return workflow.complete(id, stage, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/cancel")
    @Operation(operationId = "cancelPersonnelEvent", summary = "Cancel an event, with a reason")
    @ApiDocs.Conflict
    PersonnelEventResponse cancel(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Reason request, Caller caller) {
        return workflow.cancel(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/snooze")
    @Operation(operationId = "snoozePersonnelEvent", summary = "Snooze an event awaiting approval until a day")
    @ApiDocs.Conflict
    PersonnelEventResponse snooze(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Snooze request, Caller caller) {
        return workflow.snooze(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/reschedule")
    @Operation(
            operationId = "reschedulePersonnelEvent",
            summary = "Move an event's dates, with a reason, until its Provision stage starts")
    @ApiDocs.Conflict
    PersonnelEventResponse reschedule(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Reschedule request, Caller caller) {
        return workflow.reschedule(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/return")
    @Operation(operationId = "recordReturn", summary = "Record the return from a leave of absence")
    @ApiDocs.Conflict
    PersonnelEventResponse recordReturn(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Return request, Caller caller) {
        return workflow.recordReturn(id, request, caller, null);
    }

    @PutMapping("/" + ApiPaths.ID + "/assignee")
    @Operation(operationId = "assignPersonnelEvent", summary = "Assign the event to an identity, or unassign it")
    @ApiDocs.Conflict
    PersonnelEventResponse assign(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Assignee request, Caller caller) {
        return workflow.assign(id, request, caller, null);
    }

    @PostMapping("/" + ApiPaths.ID + "/comments")
    @Operation(operationId = "commentOnPersonnelEvent", summary = "Add a comment to the event")
    @ApiDocs.Conflict
    PersonnelEventResponse comment(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.NewComment request, Caller caller) {
        return workflow.comment(id, request, caller, null);
    }

    private static ResponseEntity<PersonnelEventResponse> created(PersonnelEventService.Created created) {
        return ResponseEntity.created(URI.create(
                        PersonnelEventService.location(created.event().id())))
                .header(IdempotencyKey.REPLAYED_HEADER, Boolean.toString(created.replayed()))
                .body(created.event());
    }
}
