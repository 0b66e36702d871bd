package com.personnelevents.settings;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The whole settings document; PUT replaces it (parts left out keep what they are). */
record SettingsRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "An IANA time zone: what today is for effective dates",
                example = "America/Chicago")
        String timeZone,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "1",
                maximum = "" + Settings.MAX_LEAD_TIME_DAYS,
                description = "Days before the effective date that the approval window opens")
        Integer leadTimeDays,

        @Schema(description = "Omitted slots keep their label and switch")
        List<CustomFieldRequest> customFields,

        @Schema(description = "Per event type, the roles that must approve and verify; types left out keep theirs")
        List<ApprovalRuleRequest> approvalRules,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description =
                                        "The separations of duties to relax, by name; all others hold. Omitted: as"
                                                + " they are"),
                schema =
                        @Schema(
                                allowableValues = {
                                    "reporter-does-not-respond",
                                    "subject-does-not-respond",
                                    "no-work-on-own-access",
                                    "provisioner-does-not-verify",
                                    "one-response-per-person"
                                }))
        List<String> relaxedDuties) {

    record CustomFieldRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + CustomField.SLOTS)
            Integer slot,

            @Schema(maxLength = CustomField.MAX_LABEL_LENGTH)
            String label,

            @Schema(description = "Switching a field off deletes its stored values")
            Boolean enabled) {}

    /**
     * One type's rule: each role named must respond once, by any one person who holds it; none named keeps
     * the default (one response from the Security Team, or from a token with the step's scope).
     */
    @Schema(name = "ApprovalRuleRequest")
    record ApprovalRuleRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"Onboard", "Offboard", "Role Transition", "Absence"})
            String eventType,

            @ArraySchema(
                    arraySchema = @Schema(description = "The roles that must approve; empty: the default"),
                    schema =
                            @Schema(
                                    allowableValues = {
                                        "Administrator",
                                        "Security Team",
                                        "Personnel Manager",
                                        "Provision Team",
                                        "Supervisor"
                                    }))
            List<String> approvers,

            @ArraySchema(
                    arraySchema = @Schema(description = "The roles that must verify; empty: the default"),
                    schema =
                            @Schema(
                                    allowableValues = {
                                        "Administrator",
                                        "Security Team",
                                        "Personnel Manager",
                                        "Provision Team",
                                        "Supervisor"
                                    }))
            List<String> verifiers) {}
}
