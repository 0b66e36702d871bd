package com.personnelevents.access;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping
    ResponseEntity<ApplicationView> create(@RequestBody AccessRequests.ApplicationRequest request) {
        ApplicationView created = applications.create(request);
        return ResponseEntity.created(URI.create("/api/applications/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<ApplicationView> list() {
        return applications.list();
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return applications.get(id);
    }

    @PutMapping("/{id}")
    ApplicationView update(@PathVariable UUID id, @RequestBody AccessRequests.ApplicationRequest request) {
        return applications.update(id, request);
    }

    @PostMapping("/{id}/retire")
    ApplicationView retire(@PathVariable UUID id) {
        return applications.retire(id);
    }
}
