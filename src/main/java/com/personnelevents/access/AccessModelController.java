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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/access-models")
class AccessModelController {

    private final AccessModelService models;

    AccessModelController(AccessModelService models) {
        this.models = models;
    }

    @PostMapping
    ResponseEntity<AccessModelView> create(@RequestBody AccessRequests.ModelRequest request) {
        AccessModelView created = models.create(request);
        return ResponseEntity.created(URI.create("/api/access-models/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<AccessModelView> list() {
        return models.list();
    }

    /** "Which models and permissions would this identity get?" */
    @GetMapping("/preview")
    AccessModelView.Preview preview(@RequestParam UUID identityId) {
        return models.preview(identityId);
    }

    @GetMapping("/{id}")
    AccessModelView get(@PathVariable UUID id) {
        return models.get(id);
    }

    @PutMapping("/{id}")
    AccessModelView update(@PathVariable UUID id, @RequestBody AccessRequests.ModelRequest request) {
        return models.update(id, request);
    }
}
