package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

record OffboardRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String identityId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-04-15")
        String effectiveDate,

        String comment)
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
