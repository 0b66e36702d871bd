package com.personnelevents.access;

import com.personnelevents.auth.ApiCaller;
import com.personnelevents.web.PageResponse;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/access-requests")
class AccessRequestController {

    private final AccessRequestService requests;

    AccessRequestController(AccessRequestService requests) {
        this.requests = requests;
    }

    @GetMapping
    PageResponse<AccessRequestView> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String identityId,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type) {
        return requests.page(page, identityId, applicationId, status, type);
    }

    @GetMapping("/{id}")
    AccessRequestView get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PostMapping("/{id}/complete")
    AccessRequestView complete(@PathVariable UUID id, ApiCaller caller) {
        return requests.complete(id, caller);
    }

    @PostMapping("/{id}/reject")
    AccessRequestView reject(
            @PathVariable UUID id, @RequestBody(required = false) AccessRequests.Reason request, ApiCaller caller) {
        return requests.reject(id, request == null ? null : request.reason(), caller);
    }
}
