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

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-04-01")
        String effectiveDate,

        String endDate,
        IdentityRequest identity,
        String comment)
        implements EventRequest {

    @Override
    public NewEvent validate(Settings settings, LocalDate today, Violations violations) {
        IdentityAttributes changes = identity == null
                ? IdentityAttributes.none()
                : identity.validate("identity.", IdentityRequest.Names.OPTIONAL, settings, violations);
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
