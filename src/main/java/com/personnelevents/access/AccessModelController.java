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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/access-models")
@Tag(name = "Access models", description = "Which permissions people should hold because of their attributes")
class AccessModelController {

    private final AccessModelService models;

    AccessModelController(AccessModelService models) {
        this.models = models;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAccessModel", summary = "Create an access model")
    @ApiDocs.Conflict
    ResponseEntity<AccessModelView> create(@RequestBody AccessRequests.ModelRequest request, Caller caller) {
        AccessModelView created = models.create(request, caller.actor());
        return ResponseEntity.created(URI.create("/api/access-models/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(operationId = "listAccessModels", summary = "List every access model")
    List<AccessModelView> list() {
        return models.list();
    }

    /** "Which models and permissions would this identity get?" */
    @GetMapping("/preview")
    @Operation(
            operationId = "previewAccessModels",
            summary = "Which enabled models an identity matches and the permissions they grant")
    @ApiDocs.NotFound
    AccessModelView.Preview preview(@RequestParam UUID identityId) {
        return models.preview(identityId);
    }

    @GetMapping("/" + ApiPaths.ID)
    @Operation(operationId = "getAccessModel", summary = "Get one access model")
    AccessModelView get(@PathVariable UUID id) {
        return models.get(id);
    }

    @PutMapping("/" + ApiPaths.ID)
    @Operation(operationId = "updateAccessModel", summary = "Replace an access model")
    @ApiDocs.Conflict
    AccessModelView update(@PathVariable UUID id, @RequestBody AccessRequests.ModelRequest request, Caller caller) {
        return models.update(id, request, caller.actor());
    }
}
