package com.personnelevents.settings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The whole settings document; PUT replaces it. */
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
        List<CustomFieldRequest> customFields) {

    record CustomFieldRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "" + CustomField.SLOTS)
            Integer slot,

            @Schema(maxLength = CustomField.MAX_LABEL_LENGTH)
            String label,

            @Schema(description = "Switching a field off deletes its stored values")
            Boolean enabled) {}
}
