package com.personnelevents.event;

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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
