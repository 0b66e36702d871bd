package com.personnelevents.event;

import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityRequest;
import com.personnelevents.settings.Settings;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Only the identity fields that change are sent; null or omitted ones keep their values. */
record RoleTransitionRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String identityId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The day the new role takes effect: today or later. " + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String effectiveDate,

        @Schema(
                description = "The old access is kept until this day (an overlap); after effectiveDate. "
                        + EventDates.DAY_DESCRIPTION,
                pattern = EventDates.DAY_PATTERN)
        String endDate,

        @Schema(description = "Only the fields that change; null or omitted fields keep their values")
        IdentityRequest identity,

        @Schema(maxLength = EventRequest.COMMENT_MAX) String comment)
        implements EventRequest {

    @Override
    public NewEvent validate(Settings settings, LocalDate today, Violations violations) {
        IdentityAttributes changes = identity == null
                ? IdentityAttributes.none()
                : identity.validate("identity.", IdentityRequest.Names.OPTIONAL, settings, violations);
        if (identity != null && identity.externalId() != null) {
            violations.add(
                    "identity.externalId", "A role transition keeps the external id; import the identity to change it");
        }
        LocalDate effective = EventDates.effective(effectiveDate, today, violations);
        return new NewEvent(
                EventType.RoleTransition,
                ExistingIdentity.id(identityId, violations),
                changes,
                effective,
                EventDates.end(endDate, effective, violations),
                EventRequest.comment(comment, violations));
    }
}
