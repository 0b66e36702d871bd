package com.personnelevents.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/roles")
@Tag(name = "Roles", description = "Which groups give which of the product's roles")
class RolesController {

    private final RoleMapping roles;

    RolesController(RoleMapping roles) {
        this.roles = roles;
    }

    @GetMapping
    @Operation(operationId = "getRoles", summary = "The roles held through groups, each with its groups")
    RolesDocument get() {
        return RolesDocument.of(roles.mapping());
    }

    @PutMapping
    @Operation(operationId = "replaceRoles", summary = "Set the groups of the roles named (others keep theirs)")
    RolesDocument replace(@RequestBody(required = false) RolesDocument request, Caller caller) {
        return RolesDocument.of(roles.replace(request, caller));
    }
}
