package com.personnelevents.identity;

import static com.personnelevents.db.Timestamps.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns that hold {@link IdentityAttributes}, named alike in every table that keeps them
 * ({@code identity}, and {@code personnel_event_identity} for what events carry), each bound as a
 * parameter named after its {@link IdentityAttribute}.
 */
public final class IdentityAttributeColumns {

    /** {@code first_name, last_name, …} for an INSERT's column list. */
    public static final String COLUMNS = join(IdentityAttribute::column);

    /** {@code :firstName, :lastName, …} for the matching VALUES list. */
    public static final String PARAMETERS = join(a -> ":" + a.name());

    /** {@code first_name = :firstName, …} for an UPDATE. */
    public static final String ASSIGNMENTS = join(a -> a.column() + " = :" + a.name());

    /** {@code t.first_name, t.last_name, …}: the columns of the table named {@code alias} in a join. */
    public static String columnsOf(String alias) {
        return join(a -> alias + "." + a.column());
    }

    private IdentityAttributeColumns() {}

    public static Map<String, Object> params(IdentityAttributes attributes) {
        Map<String, Object> params = new HashMap<>();
        for (IdentityAttribute attribute : IdentityAttribute.values()) {
            params.put(attribute.name(), attribute.valueOf(attributes));
        }
        params.put(IdentityAttribute.supervisorId.name(), attributes.supervisorId());
        return params;
    }

    public static IdentityAttributes read(ResultSet rs) throws SQLException {
        Map<IdentityAttribute, String> values = new EnumMap<>(IdentityAttribute.class);
        for (IdentityAttribute attribute : IdentityAttribute.values()) {
            values.put(attribute, rs.getString(attribute.column()));
        }
        var supervisor = uuid(rs, IdentityAttribute.supervisorId.column());
        values.put(IdentityAttribute.supervisorId, supervisor == null ? null : supervisor.toString());
        return IdentityAttribute.attributes(values::get);
    }

    private static String join(java.util.function.Function<IdentityAttribute, String> part) {
        return Arrays.stream(IdentityAttribute.values()).map(part).collect(Collectors.joining(", "));
    }
}
