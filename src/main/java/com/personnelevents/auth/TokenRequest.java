package com.personnelevents.auth;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

public record TokenRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = TokenService.NAME_MAX,
                description = "Shown as the reporter of the events the token creates")
        String name,

        @ArraySchema(
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                minItems = 1,
                schema = @Schema(implementation = Scope.class))
        List<String> scopes,

        @Schema(description = "YYYY-MM-DD (the start of that day, UTC) or an ISO 8601 date-time; never when omitted")
        String expiresAt,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description =
                                        "Integration tokens only: the roles whose responses the token may give once"
                                                + " approval rules name roles (none by default)"),
                schema =
                        @Schema(
                                allowableValues = {
                                    "Administrator",
                                    "Security Team",
                                    "Personnel Manager",
                                    "Provision Team",
                                    "Supervisor"
                                }))
        List<String> standsInFor) {

    public TokenRequest(String name, List<String> scopes, String expiresAt) {
        this(name, scopes, expiresAt, null);
    }
}
