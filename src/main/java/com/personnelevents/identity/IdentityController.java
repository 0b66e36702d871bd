package com.personnelevents.identity;

import com.personnelevents.web.ApiDocs;
import com.personnelevents.web.ApiPaths;
import com.personnelevents.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Identities", description = "The people events are about, imported from a directory or HRIS")
class IdentityController {

    private final IdentityService identities;
    private final IdentityImportService imports;

    IdentityController(IdentityService identities, IdentityImportService imports) {
        this.identities = identities;
        this.imports = imports;
    }

    @GetMapping
    @Operation(operationId = "listIdentities", summary = "List identities by last then first name, 50 a page")
    PageResponse<IdentityResponse> list(
            @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = IdentityStatus.class))
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "Part of a name, an email or an externalId, case-insensitive")
                    @RequestParam(required = false)
                    String search) {
        return identities.page(page, status, search);
    }

    @GetMapping("/" + ApiPaths.ID)
    @Operation(operationId = "getIdentity", summary = "Get one identity")
    IdentityResponse get(@PathVariable UUID id) {
        return identities.get(id);
    }

    @PostMapping
    @Operation(
            operationId = "importIdentities",
            summary = "Import up to 1,000 identities, all or none, matched by externalId or else email")
    @ApiDocs.Conflict
    IdentityImportResponse importIdentities(@RequestBody IdentityImportRequest request) {
        return imports.importIdentities(request);
    }
}
