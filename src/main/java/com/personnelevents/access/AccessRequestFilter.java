package com.personnelevents.access;

import com.personnelevents.db.Where;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import java.util.Arrays;
import java.util.UUID;

/** The access-request list's filters, parsed; each bad value is reported with the values that are valid. */
record AccessRequestFilter(
        UUID identityId, UUID applicationId, EventStatus status, AccessAction action, UUID visibleTo) {

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
        return new AccessRequestFilter(identity, application, parsedStatus, action, null);
    }

    /** Only what the person may see (null: everything). */
    AccessRequestFilter visibleTo(UUID person) {
        return new AccessRequestFilter(identityId, applicationId, status, action, person);
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
                .and("action = :action", "action", action == null ? null : action.name())
                .and(VISIBLE, "me", visibleTo);
    }

    /**
     * What a person who does not see everything sees: the requests of the applications they provision or
     * manage, those of their direct reports (today's, or those an onboarding or role transition names them
     * supervisor of), and those of the events they reported or are assigned.
     */
    static final String VISIBLE = """
            (permission_id IN (SELECT p.id FROM permission p JOIN application_responsibility r
                                   ON r.application_id = p.application_id WHERE r.identity_id = :me)
             OR identity_id IN (SELECT s.id FROM identity s WHERE s.supervisor_id = :me)
             OR event_id IN (SELECT e.id FROM personnel_event e WHERE e.reporter_id = :me OR e.assignee_id = :me)
             OR event_id IN (SELECT d.event_id FROM personnel_event_identity d WHERE d.supervisor_id = :me))""";

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
