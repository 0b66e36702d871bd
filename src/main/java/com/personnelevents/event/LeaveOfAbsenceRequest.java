package com.personnelevents.event;

import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

record LeaveOfAbsenceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String identityId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The first day of leave: today or later. " + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String effectiveDate,

        @Schema(
                description = "The expected return date, after effectiveDate; unknown when omitted. "
                        + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String endDate,

        @Schema(maxLength = EventRequest.COMMENT_MAX) String comment)
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
