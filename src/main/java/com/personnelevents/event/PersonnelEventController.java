package com.personnelevents.event;

import com.personnelevents.auth.ApiCaller;
import com.personnelevents.web.PageResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    PersonnelEventController(PersonnelEventService events) {
        this.events = events;
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

    private static ResponseEntity<PersonnelEventResponse> created(PersonnelEventService.Created created) {
        return ResponseEntity.created(URI.create(
                        PersonnelEventService.location(created.event().id())))
                .header(REPLAYED, Boolean.toString(created.replayed()))
                .body(created.event());
    }
}
