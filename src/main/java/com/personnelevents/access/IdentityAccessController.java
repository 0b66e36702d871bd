package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Held access", description = "What people hold today in each application")
class IdentityAccessController {

    private final IdentityAccessService access;

    IdentityAccessController(IdentityAccessService access) {
        this.access = access;
    }

    @GetMapping("/api/identities/" + ApiPaths.ID + "/access")
    @Operation(operationId = "getHeldAccess", summary = "What one identity holds now")
    List<HeldAccessView> held(@PathVariable UUID id, Caller caller) {
        return access.held(id, caller);
    }

    @PostMapping(path = "/api/identity-access", consumes = "application/json")
    @Operation(
            operationId = "importHeldAccess",
            summary = "Load what people hold from an application's export (JSON, or CSV with a header row)")
    Map<String, Integer> importJson(@RequestBody AccessRequests.GrantImport request) {
        return Map.of("imported", access.importGrants(request.grants()));
    }

    @PostMapping(path = "/api/identity-access", consumes = "text/csv")
    @Operation(
            operationId = "importHeldAccess",
            summary = "Load what people hold from an application's export (JSON, or CSV with a header row)")
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("imported", access.importCsv(csv));
    }
}
