package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.util.HashMap;
import java.util.Map;
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

    /** Appends the filter's conditions to {@code sql} (which ends in a WHERE clause); returns its parameters. */
    Map<String, Object> where(StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        if (identityId != null) {
            sql.append(" AND identity_id = :identityId");
            params.put("identityId", identityId);
        }
        if (type != null) {
            sql.append(" AND type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        return params;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
