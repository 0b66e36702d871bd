package com.personnelevents.identity;

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
@RequestMapping("/api/identities")
class IdentityController {

    private final IdentityService identities;

    IdentityController(IdentityService identities) {
        this.identities = identities;
    }

    @GetMapping
    PageResponse<IdentityResponse> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String search) {
        return identities.page(page, status, search);
    }

    @GetMapping("/{id}")
    IdentityResponse get(@PathVariable UUID id) {
        return identities.get(id);
    }

    @PostMapping
    IdentityImportResponse importIdentities(@RequestBody IdentityImportRequest request) {
        return identities.importIdentities(request);
    }
}
