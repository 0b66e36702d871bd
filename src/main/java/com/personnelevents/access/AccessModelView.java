package com.personnelevents.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

record AccessModelView(
        UUID id,
        String name,
        String description,
        boolean enabled,
        Map<String, List<String>> criteria,
        List<GrantedPermission> permissions) {

    /** A permission a model grants, with its application. */
    record GrantedPermission(Named application, Named permission) {}

    /** Which models an identity matches and the permissions they grant together. */
    record Preview(Named identity, List<Named> models, List<GrantedPermission> permissions) {}
}
