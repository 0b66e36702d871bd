package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
@Tag(name = "Applications", description = "The applications access is granted in, and their permissions")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApplication", summary = "Add an application with its permissions")
    @ApiDocs.Conflict
    ResponseEntity<ApplicationView> create(@RequestBody AccessRequests.ApplicationRequest request, Caller caller) {
        ApplicationView created = applications.create(request, caller.actor());
        return ResponseEntity.created(URI.create("/api/applications/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(operationId = "listApplications", summary = "List every application")
    List<ApplicationView> list() {
        return applications.list();
    }

    @GetMapping("/" + ApiPaths.ID)
    @Operation(operationId = "getApplication", summary = "Get one application")
    ApplicationView get(@PathVariable UUID id) {
        return applications.get(id);
    }

    @PutMapping("/" + ApiPaths.ID)
    @Operation(operationId = "updateApplication", summary = "Rename an application or add permissions")
    @ApiDocs.Conflict
    ApplicationView update(
            @PathVariable UUID id, @RequestBody AccessRequests.ApplicationRequest request, Caller caller) {
        return applications.update(id, request, caller.actor());
    }

    @PutMapping("/" + ApiPaths.ID + "/responsibilities")
    @Operation(
            operationId = "setApplicationResponsibilities",
            summary = "Name the application's Provision Engineers and Application Managers")
    ApplicationView setResponsibilities(
            @PathVariable UUID id,
            @RequestBody(required = false) AccessRequests.ResponsibilitiesRequest request,
            Caller caller) {
        return applications.setResponsibilities(id, request, caller.actor());
    }

    @PostMapping("/" + ApiPaths.ID + "/retire")
    @Operation(
            operationId = "retireApplication",
            summary = "Retire an application: its permissions are no longer granted")
    @ApiDocs.Conflict
    ApplicationView retire(@PathVariable UUID id, Caller caller) {
        return applications.retire(id, caller.actor());
    }
}
