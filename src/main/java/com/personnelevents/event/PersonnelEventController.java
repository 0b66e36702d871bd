package com.personnelevents.event;

import com.personnelevents.auth.ApiCaller;
import com.personnelevents.web.PageResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/personnel-events")
class PersonnelEventController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final PersonnelEventService events;
    private final EventWorkflowService workflow;

    PersonnelEventController(PersonnelEventService events, EventWorkflowService workflow) {
        this.events = events;
        this.workflow = workflow;
    }

    @PostMapping("/onboard")
    ResponseEntity<PersonnelEventResponse> onboard(
            @RequestBody OnboardRequest request,
            ApiCaller caller,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/offboard")
    ResponseEntity<PersonnelEventResponse> offboard(
            @RequestBody OffboardRequest request,
            ApiCaller caller,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/role-transition")
    ResponseEntity<PersonnelEventResponse> roleTransition(
            @RequestBody RoleTransitionRequest request,
            ApiCaller caller,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(events.create(request, caller, key));
    }

    @PostMapping("/leave-of-absence")
    ResponseEntity<PersonnelEventResponse> leaveOfAbsence(
            @RequestBody LeaveOfAbsenceRequest request,
            ApiCaller caller,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return created(events.create(request, caller, key));
    }

    @GetMapping
    PageResponse<PersonnelEventSummary> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String identityId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status) {
        return events.page(page, EventFilter.parse(identityId, type, status));
    }

    @GetMapping("/{id}")
    PersonnelEventResponse get(@PathVariable UUID id) {
        return events.get(id);
    }

    @PostMapping("/{id}/approve")
    PersonnelEventResponse approve(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Note request, ApiCaller caller) {
        return workflow.approve(id, request, caller);
    }

    @PostMapping("/{id}/reject")
    PersonnelEventResponse reject(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Reason request, ApiCaller caller) {
        return workflow.reject(id, request, caller);
    }

    @PostMapping("/{id}/stages/{stage}/complete")
    PersonnelEventResponse complete(
            @PathVariable UUID id,
            @PathVariable String stage,
            @RequestBody(required = false) ActionRequests.Note request,
            ApiCaller caller) {
        return workflow.complete(id, stage, request, caller);
    }

    @PostMapping("/{id}/cancel")
    PersonnelEventResponse cancel(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Reason request, ApiCaller caller) {
        return workflow.cancel(id, request, caller);
    }

    @PostMapping("/{id}/snooze")
    PersonnelEventResponse snooze(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Snooze request, ApiCaller caller) {
        return workflow.snooze(id, request, caller);
    }

    @PostMapping("/{id}/return")
    PersonnelEventResponse recordReturn(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Return request, ApiCaller caller) {
        return workflow.recordReturn(id, request, caller);
    }

    @PutMapping("/{id}/assignee")
    PersonnelEventResponse assign(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.Assignee request, ApiCaller caller) {
        return workflow.assign(id, request, caller);
    }

    @PostMapping("/{id}/comments")
    PersonnelEventResponse comment(
            @PathVariable UUID id, @RequestBody(required = false) ActionRequests.NewComment request, ApiCaller caller) {
        return workflow.comment(id, request, caller);
    }

    private static ResponseEntity<PersonnelEventResponse> created(PersonnelEventService.Created created) {
        return ResponseEntity.created(URI.create(
                        PersonnelEventService.location(created.event().id())))
                .header(REPLAYED, Boolean.toString(created.replayed()))
                .body(created.event());
    }
}
