package com.personnelevents.event;

import com.personnelevents.db.Where;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.util.UUID;

/** The list filters, parsed; each bad value is reported with the values that are valid. */
record EventFilter(UUID identityId, EventType type, EventStatus status, UUID visibleTo) {

    static EventFilter parse(String identityId, String type, String status) {
        Violations violations = new Violations();
        UUID identity = blank(identityId) ? null : violations.guid("identityId", identityId, "Identity id");
        EventType eventType = null;
        if (!blank(type)) {
            eventType = EventType.parseFilter(type).orElse(null);
            if (eventType == null) {
                violations.add("type", "Type must be one of: " + EventType.filterValues());
            }
        }
        EventStatus eventStatus = null;
        if (!blank(status)) {
            eventStatus = EventStatus.parse(status).orElse(null);
            if (eventStatus == null) {
                violations.add("status", "Status must be one of: " + EventStatus.validValues());
            }
        }
        violations.throwIfAny();
        return new EventFilter(identity, eventType, eventStatus, null);
    }

    /** Only what the person may see (null: everything). */
    EventFilter visibleTo(UUID person) {
        return new EventFilter(identityId, type, status, person);
    }

    /** Whether the filter narrows to what one person may see: the kept counts cannot answer for it. */
    boolean isNarrowed() {
        return identityId != null || visibleTo != null;
    }

    /**
     * What a person who does not see everything sees: the events they reported or are assigned, and those
     * of their direct reports (by the identity's supervisor, or the supervisor an onboarding or a role
     * transition names).
     */
    static final String VISIBLE = """
            (reporter_id = :me OR assignee_id = :me
             OR identity_id IN (SELECT s.id FROM identity s WHERE s.supervisor_id = :me)
             OR id IN (SELECT d.event_id FROM personnel_event_identity d WHERE d.supervisor_id = :me))""";

    /**
     * The filter's conditions on {@code personnel_event}; without a narrowing ({@link #isNarrowed}), only on
     * the columns it shares with its count tables.
     */
    Where where() {
        return new Where()
                .and("identity_id = :identityId", "identityId", identityId)
                .and("type = :type", "type", type == null ? null : type.name())
                .and("status = :status", "status", status == null ? null : status.name())
                .and(VISIBLE, "me", visibleTo);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
