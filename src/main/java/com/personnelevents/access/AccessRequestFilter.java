package com.personnelevents.access;

import com.personnelevents.db.Where;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import java.util.Arrays;
import java.util.UUID;

/** The access-request list's filters, parsed; each bad value is reported with the values that are valid. */
record AccessRequestFilter(UUID identityId, UUID applicationId, EventStatus status, AccessAction action) {

    static AccessRequestFilter parse(String identityId, String applicationId, String status, String type) {
        Violations violations = new Violations();
        UUID identity = blank(identityId) ? null : violations.guid("identityId", identityId, "Identity id");
        UUID application =
                blank(applicationId) ? null : violations.guid("applicationId", applicationId, "Application id");
        EventStatus parsedStatus = null;
        if (!blank(status)) {
            parsedStatus = EventStatus.parse(status).orElse(null);
            if (parsedStatus == null) {
                violations.add("status", "Status must be one of: " + EventStatus.validValues());
            }
        }
        AccessAction action = null;
        if (!blank(type)) {
            action = Arrays.stream(AccessAction.values())
                    .filter(a -> a.name().equalsIgnoreCase(type.trim()))
                    .findFirst()
                    .orElse(null);
            if (action == null) {
                violations.add("type", "Type must be one of: " + AccessAction.validValues());
            }
        }
        violations.throwIfAny();
        return new AccessRequestFilter(identity, application, parsedStatus, action);
    }

    /** Conditions on {@code access_request}. */
    Where where() {
        return new Where()
                .and("identity_id = :identityId", "identityId", identityId)
                .and(
                        "permission_id IN (SELECT id FROM permission WHERE application_id = :applicationId)",
                        "applicationId",
                        applicationId)
                .and("status = :status", "status", status == null ? null : status.name())
                .and("action = :action", "action", action == null ? null : action.name());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
