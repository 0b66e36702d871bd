package com.personnelevents.auth;

import com.personnelevents.workflow.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The roles held through groups, each with the groups that give it: what GET answers and PUT takes. */
@Schema(name = "Roles")
public record RolesDocument(
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<RoleGroups> roles) {

    @Schema(name = "RoleGroups")
    public record RoleGroups(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {
                        "Administrator",
                        "Security Team",
                        "Personnel Manager",
                        "Provision Team",
                        "Reporting Only"
                    })
            String role,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "Group names as the identity provider's groups claim, or a local"
                                            + " account, carries them; an empty list gives the role to nobody"),
                    schema = @Schema(maxLength = RoleMapping.GROUP_MAX))
            List<String> groups) {}

    static RolesDocument of(Map<Role, Set<String>> mapping) {
        return new RolesDocument(mapping.entrySet().stream()
                .map(e -> new RoleGroups(e.getKey().apiName(), List.copyOf(e.getValue())))
                .toList());
    }
}
