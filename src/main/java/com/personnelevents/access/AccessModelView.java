package com.personnelevents.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

record AccessModelView(
        UUID id,
        String name,
        @Schema(nullable = true) String description,
        boolean enabled,
        Map<String, List<String>> criteria,
        List<GrantedPermission> permissions) {

    /** A permission a model grants, with its application. */
    record GrantedPermission(Named application, Named permission) {}

    /** Which models an identity matches and the permissions they grant together. */
    @Schema(name = "AccessModelPreview")
    record Preview(Named identity, List<Named> models, List<GrantedPermission> permissions) {}
}
