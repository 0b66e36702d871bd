package com.personnelevents.event;

import com.personnelevents.db.Where;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.util.UUID;

/** The list filters, parsed; each bad value is reported with the values that are valid. */
record EventFilter(UUID identityId, EventType type, EventStatus status) {

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
        return new EventFilter(identity, eventType, eventStatus);
    }

    /** The filter's conditions on columns that {@code personnel_event} and its count tables share. */
    Where where() {
        return new Where()
                .and("identity_id = :identityId", "identityId", identityId)
                .and("type = :type", "type", type == null ? null : type.name())
                .and("status = :status", "status", status == null ? null : status.name());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
