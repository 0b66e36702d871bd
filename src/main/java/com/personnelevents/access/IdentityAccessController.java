package com.personnelevents.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityAccessController {

    private final IdentityAccessService access;

    IdentityAccessController(IdentityAccessService access) {
        this.access = access;
    }

    @GetMapping("/api/identities/{id}/access")
    List<HeldAccessView> held(@PathVariable UUID id) {
        return access.held(id);
    }

    @PostMapping(path = "/api/identity-access", consumes = "application/json")
    Map<String, Integer> importJson(@RequestBody AccessRequests.GrantImport request) {
        return Map.of("imported", access.importGrants(request.grants()));
    }

    @PostMapping(path = "/api/identity-access", consumes = "text/csv")
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("imported", access.importCsv(csv));
    }
}
