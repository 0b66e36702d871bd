package com.personnelevents.access;

import java.util.List;

/** Request bodies of the access endpoints. */
final class AccessRequests {

    private AccessRequests() {}

    record ApplicationRequest(String name, String description, List<PermissionRequest> permissions) {}

    record PermissionRequest(String name, String description) {}

    /**
     * {@code criteria}: attribute name to accepted values, e.g. {@code {"department": ["Lending"]}};
     * {@code permissions}: by application and permission name.
     */
    record ModelRequest(
            String name,
            String description,
            Boolean enabled,
            java.util.Map<String, List<String>> criteria,
            List<PermissionName> permissions) {}

    record PermissionName(String application, String permission) {}

    /** Current access from an export: the person by id or externalId, the permission by names. */
    record Grant(String identityId, String externalId, String application, String permission, String account) {}

    record GrantImport(List<Grant> grants) {}

    record Reason(String reason) {}
}
