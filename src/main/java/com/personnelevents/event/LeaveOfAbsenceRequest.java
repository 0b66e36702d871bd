package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

record LeaveOfAbsenceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String identityId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-05-01")
        String effectiveDate,

        @Schema(description = "The expected return date; unknown when omitted")
        String endDate,

        String comment)
        implements EventRequest {

    @Override
    public NewEvent validate(Settings settings, LocalDate today, Violations violations) {
        LocalDate effective = EventDates.effective(effectiveDate, today, violations);
        return new NewEvent(
                EventType.Absence,
                ExistingIdentity.id(identityId, violations),
                null,
                effective,
                EventDates.end(endDate, effective, violations),
                EventRequest.comment(comment, violations));
    }
}
