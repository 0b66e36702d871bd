package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

record OffboardRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String identityId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The last day: today or later. " + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String effectiveDate,

        @Schema(maxLength = EventRequest.COMMENT_MAX) String comment)
        implements EventRequest {

    @Override
    public NewEvent validate(Settings settings, LocalDate today, Violations violations) {
        return new NewEvent(
                EventType.Offboard,
                ExistingIdentity.id(identityId, violations),
                null,
                EventDates.effective(effectiveDate, today, violations),
                null,
                EventRequest.comment(comment, violations));
    }
}
