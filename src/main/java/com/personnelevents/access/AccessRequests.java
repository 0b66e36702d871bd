package com.personnelevents.access;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies of the access endpoints. */
final class AccessRequests {

    static final int NAME_MAX = 256;
    static final int TEXT_MAX = 2048;
    static final int REASON_MAX = 4000;

    private AccessRequests() {}

    record ApplicationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME_MAX)
            String name,

            @Schema(maxLength = TEXT_MAX) String description,

            @Schema(description = "On update, permissions are added; none is removed")
            List<PermissionRequest> permissions) {}

    record PermissionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME_MAX)
            String name,

            @Schema(maxLength = TEXT_MAX) String description) {}

    /**
     * {@code criteria}: attribute name to accepted values, e.g. {@code {"department": ["Lending"]}};
     * {@code permissions}: by application and permission name.
     */
    @Schema(name = "AccessModelRequest")
    record ModelRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME_MAX)
            String name,

            @Schema(maxLength = TEXT_MAX) String description,
            @Schema(description = "true when omitted") Boolean enabled,

            @Schema(
                    description = "Attribute (company, division, department, title, office, identityType, "
                            + "customField1..customField9) to accepted values; every attribute must match, "
                            + "any of its values will do; none matches everyone")
            java.util.Map<String, List<String>> criteria,

            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1)
            List<PermissionName> permissions) {}

    @Schema(name = "ModelPermission")
    record PermissionName(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The application's name")
            String application,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The permission's name")
            String permission) {}

    /** Current access from an export: the person by id or externalId, the permission by names. */
    @Schema(name = "HeldAccessGrant")
    record Grant(
            @Schema(format = "uuid", description = "The identity, or else its externalId")
            String identityId,

            String externalId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String application,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String permission,

            @Schema(maxLength = NAME_MAX, description = "The account the permission is held through")
            String account) {}

    @Schema(name = "HeldAccessImport")
    record GrantImport(
            @ArraySchema(
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                    maxItems = IdentityAccessService.MAX_IMPORT)
            List<Grant> grants) {}

    @Schema(name = "AccessRequestRejection")
    record Reason(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = REASON_MAX)
            String reason) {}

    /** An application's people: each list replaces the one it names; a list left out stays as it is. */
    @Schema(name = "ResponsibilitiesRequest")
    record ResponsibilitiesRequest(
            @ArraySchema(
                    arraySchema = @Schema(description = "Identity ids of those who carry out its requests"),
                    schema = @Schema(format = "uuid"))
            List<String> provisionEngineers,

            @ArraySchema(
                    arraySchema = @Schema(description = "Identity ids of those who answer for it"),
                    schema = @Schema(format = "uuid"))
            List<String> applicationManagers) {}
}
