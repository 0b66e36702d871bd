package com.personnelevents.event;

import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityRequest;
import com.personnelevents.identity.IdentityType;
import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

record OnboardRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) IdentityRequest identity,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The start date: today or later. " + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String effectiveDate,

        @Schema(maxLength = EventRequest.COMMENT_MAX) String comment)
        implements EventRequest {

    @Override
    public NewEvent validate(Settings settings, LocalDate today, Violations violations) {
        IdentityAttributes attributes = null;
        String externalId = null;
        if (identity == null) {
            violations.add("identity", "Identity is required");
        } else {
            externalId = identity.externalId("identity.", violations);
            attributes = identity.validate("identity.", IdentityRequest.Names.REQUIRED, settings, violations)
                    .withTypeIfAbsent(IdentityType.DEFAULT);
        }
        LocalDate effective = EventDates.effective(effectiveDate, today, violations);
        return new NewEvent(
                EventType.Onboard,
                null,
                attributes,
                effective,
                null,
                EventRequest.comment(comment, violations),
                externalId);
    }
}
