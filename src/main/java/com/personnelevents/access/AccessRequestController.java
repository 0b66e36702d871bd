package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/access-requests")
@Tag(name = "Access requests", description = "The access changes a stage raises, carried out by provisioning")
class AccessRequestController {

    private final AccessRequestService requests;
    private final AccessExceptionService exceptions;

    AccessRequestController(AccessRequestService requests, AccessExceptionService exceptions) {
        this.requests = requests;
        this.exceptions = exceptions;
    }

    @GetMapping
    @Operation(operationId = "listAccessRequests", summary = "List access requests, newest first, 50 a page")
    PageResponse<AccessRequestView> list(
            @RequestParam(defaultValue = "1") int page,
            @Parameter(schema = @Schema(format = "uuid")) @RequestParam(required = false) String identityId,
            @Parameter(schema = @Schema(format = "uuid")) @RequestParam(required = false) String applicationId,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = EventStatus.class))
                    @RequestParam(required = false)
                    String status,
            @Parameter(
                            description = "The action, case-insensitive",
                            schema = @Schema(implementation = AccessAction.class))
                    @RequestParam(required = false)
                    String type,
            Caller caller) {
        return requests.page(page, identityId, applicationId, status, type, caller);
    }

    @GetMapping("/" + ApiPaths.ID)
    @Operation(operationId = "getAccessRequest", summary = "Get one access request")
    AccessRequestView get(@PathVariable UUID id, Caller caller) {
        return requests.get(id, caller);
    }

    @PostMapping("/" + ApiPaths.ID + "/complete")
    @Operation(operationId = "completeAccessRequest", summary = "Mark an open access request as carried out")
    @ApiDocs.Conflict
    AccessRequestView complete(@PathVariable UUID id, Caller caller) {
        return requests.complete(id, caller);
    }

    @PostMapping("/" + ApiPaths.ID + "/reject")
    @Operation(operationId = "rejectAccessRequest", summary = "Refuse an open access request, with a reason")
    @ApiDocs.Conflict
    AccessRequestView reject(
            @PathVariable UUID id, @RequestBody(required = false) AccessRequests.Reason request, Caller caller) {
        return requests.reject(id, request == null ? null : request.reason(), caller);
    }

    @PostMapping("/" + ApiPaths.ID + "/retry")
    @Operation(
            operationId = "retryAccessRequest",
            summary = "Raise a refused removal or suspension again, with a reason: a new open request")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiDocs.Conflict
    ResponseEntity<AccessRequestView> retry(
            @PathVariable UUID id, @RequestBody(required = false) AccessRequests.Reason request, Caller caller) {
        AccessRequestView raised = exceptions.retry(id, request, caller);
        return ResponseEntity.created(URI.create("/api/access-requests/" + raised.id()))
                .body(raised);
    }

    @PostMapping("/" + ApiPaths.ID + "/accept-exception")
    @Operation(
            operationId = "acceptAccessException",
            summary = "Accept that a refused removal or suspension is not carried out, with a reason")
    @ApiDocs.Conflict
    AccessRequestView acceptException(
            @PathVariable UUID id, @RequestBody(required = false) AccessRequests.Reason request, Caller caller) {
        return exceptions.accept(id, request, caller);
    }
}
