package com.personnelevents.identity;

import static com.personnelevents.db.Timestamps.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns that hold {@link IdentityAttributes}, named alike in every table that keeps them
 * ({@code identity}, and {@code personnel_event_identity} for what events carry): {@code first_name} …
 * {@code custom_field_9}, bound as {@code :firstName} … {@code :cf9}.
 */
public final class IdentityAttributeColumns {

    private IdentityAttributeColumns() {}

    public static Map<String, Object> params(IdentityAttributes a) {
        Map<String, Object> params = new HashMap<>();
        params.put("firstName", a.firstName());
        params.put("lastName", a.lastName());
        params.put("email", a.email());
        params.put(
                "identityType",
                a.identityType() == null ? null : a.identityType().name());
        params.put("title", a.title());
        params.put("company", a.company());
        params.put("division", a.division());
        params.put("department", a.department());
        params.put("office", a.office());
        params.put("supervisorId", a.supervisorId());
        for (int slot = 1; slot <= 9; slot++) {
            params.put("cf" + slot, a.customField(slot));
        }
        return params;
    }

    public static IdentityAttributes read(ResultSet rs) throws SQLException {
        List<String> custom = new ArrayList<>(9);
        for (int slot = 1; slot <= 9; slot++) {
            custom.add(rs.getString("custom_field_" + slot));
        }
        String type = rs.getString("identity_type");
        return new IdentityAttributes(
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                type == null ? null : IdentityType.valueOf(type),
                rs.getString("title"),
                rs.getString("company"),
                rs.getString("division"),
                rs.getString("department"),
                rs.getString("office"),
                uuid(rs, "supervisor_id"),
                custom);
    }
}
