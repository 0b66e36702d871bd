package com.personnelevents.identity;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.auth.PersonCache;
import com.personnelevents.db.Databases;
import com.personnelevents.db.Ids;
import com.personnelevents.db.QueryBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdentityRepository {

    /** The columns of {@code identity i} that {@link #row} reads. */
    private static final String COLUMNS = "i.id, i.external_id, i.status, i.created_date, i.updated_date,"
            + " i.first_seen_date, i.inactivated_date, i.version, " + IdentityAttributeColumns.columnsOf("i");

    /**
     * Identities as the answers show them, with their supervisor's name. The columns are named, not {@code *}:
     * the same read serves a {@link QueryBatch}, and PostgreSQL's driver re-prepares a single statement whose
     * result changed, never one part of several.
     */
    private static final String SELECT = "SELECT " + COLUMNS
            + ", s.first_name AS supervisor_first_name, s.last_name AS supervisor_last_name"
            + " FROM identity i LEFT JOIN identity s ON s.id = i.supervisor_id ";

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final PersonCache people;

    IdentityRepository(JdbcClient jdbc, DataSource dataSource, PersonCache people) {
        this.postgres = Databases.isPostgres(dataSource);
        this.jdbc = jdbc;
        this.people = people;
    }

    Optional<IdentityRow> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /**
     * The identity the event concerns, if it exists (an onboarding's is stored once approved), read with the
     * batch's other statements: found through the event, so that it is read with it.
     */
    QueryBatch.Read<IdentityRow> findOfEvent(QueryBatch batch, UUID eventId) {
        return batch.add(
                SELECT + " WHERE i.id = (SELECT e.identity_id FROM personnel_event e WHERE e.id = ?)",
                this::row,
                eventId);
    }

    /** These identities (those that exist), read with the batch's other statements. */
    QueryBatch.Read<IdentityRow> findByIds(QueryBatch batch, Collection<UUID> ids) {
        return batch.add(SELECT + " WHERE i.id = ANY(?)", this::row, Ids.array(ids));
    }

    /**
     * The identity, its row locked until the transaction ends. The supervisor's name comes from
     * subqueries: a lock cannot reach across an outer join. On PostgreSQL {@code FOR NO KEY UPDATE}: an
     * event that names this person as a supervisor may still be stored meanwhile (its foreign key takes a
     * key-share lock); {@code FOR UPDATE} made such a create and one for this person wait on each other,
     * one holding the event-number row, the other this row.
     */
    Optional<IdentityRow> lock(UUID id) {
        return jdbc.sql(lockStatement()).param(1, id).query(this::row).optional();
    }

    /** The same lock and read, with the batch's other statements (those after it read once it is held). */
    QueryBatch.Read<IdentityRow> lock(QueryBatch batch, UUID id) {
        return batch.add(lockStatement(), this::row, id);
    }

    private String lockStatement() {
        return "SELECT " + COLUMNS
                + ", (SELECT s.first_name FROM identity s WHERE s.id = i.supervisor_id) AS supervisor_first_name"
                + ", (SELECT s.last_name FROM identity s WHERE s.id = i.supervisor_id) AS supervisor_last_name"
                + " FROM identity i WHERE i.id = ? " + (postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE");
    }

    Optional<IdentityRow> findByExternalId(String externalId) {
        return jdbc.sql(SELECT + " WHERE i.external_id = :externalId")
                .param("externalId", externalId)
                .query(this::row)
                .optional();
    }

    List<IdentityRow> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE i.email_key = :key")
                .param("key", email.toLowerCase(Locale.ROOT))
                .query(this::row)
                .list();
    }

    /** Which of these ids exist. */
    List<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM identity WHERE id = ANY(:ids)")
                .param("ids", com.personnelevents.db.Ids.array(ids))
                .query(UUID.class)
                .list();
    }

    Optional<String> displayName(UUID id) {
        return jdbc.sql("SELECT last_name, first_name FROM identity WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> displayName(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** "Last, First" of each existing identity among {@code ids}, by id: one statement for a page. */
    Map<UUID, String> displayNames(Collection<UUID> ids) {
        Map<UUID, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, last_name, first_name FROM identity WHERE id = ANY(:ids)")
                    .param("ids", com.personnelevents.db.Ids.array(ids))
                    .query((java.sql.ResultSet rs) -> {
                        names.put(rs.getObject(1, UUID.class), displayName(rs.getString(2), rs.getString(3)));
                    });
        }
        return names;
    }

    /**
     * The active identities whose attributes meet every criterion (any of its values, ignoring case and
     * surrounding spaces), by name: how many, and the first {@code limit}. The columns come from the fixed
     * list of attributes; only values are parameters.
     */
    Matching matching(Map<IdentityAttribute, java.util.Set<String>> criteria, int limit) {
        com.personnelevents.db.Where where = new com.personnelevents.db.Where().and("i.status = 'Active'");
        int k = 0;
        for (Map.Entry<IdentityAttribute, java.util.Set<String>> criterion : criteria.entrySet()) {
            String name = "v" + k++;
            where.and("LOWER(TRIM(i." + criterion.getKey().column() + ")) IN (:" + name + ")")
                    .param(
                            name,
                            criterion.getValue().stream()
                                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                                    .toList());
        }
        List<IdentityRow> sample = where.page(jdbc, SELECT, "i.last_name, i.first_name, i.id", 0, this::row).stream()
                .limit(limit)
                .toList();
        return new Matching(where.count(jdbc, "identity i"), sample);
    }

    record Matching(long count, List<IdentityRow> sample) {}

    /** The identities whose supervisor is this one, by name. */
    List<IdentityRow> directReports(UUID supervisorId) {
        return jdbc.sql(SELECT + " WHERE i.supervisor_id = :id ORDER BY i.last_name, i.first_name, i.id")
                .param("id", supervisorId)
                .query(this::row)
                .list();
    }

    List<IdentityRow> page(IdentityFilter filter, long offset) {
        return filter.where().page(jdbc, SELECT, "i.last_name, i.first_name, i.id", offset, this::row);
    }

    long count(IdentityFilter filter) {
        return filter.where().count(jdbc, "identity i");
    }

    void insert(Identity identity) {
        jdbc.sql("INSERT INTO identity (id, external_id, email_key, " + IdentityAttributeColumns.COLUMNS
                        + ", status, created_date, updated_date, first_seen_date, inactivated_date, version)"
                        + " VALUES (:id, :externalId, :emailKey, " + IdentityAttributeColumns.PARAMETERS
                        + ", :status, :createdDate, :updatedDate, :firstSeenDate, :inactivatedDate, 0)")
                .params(columns(identity))
                .param("createdDate", toDb(identity.createdDate()))
                .param("firstSeenDate", toDb(identity.firstSeenDate()))
                .update();
    }

    /**
     * Optimistic: false when someone else changed the identity since it was read. Every instance forgets the
     * person it kept ({@link PersonCache}): this one when the transaction commits, whatever changed; the others
     * by the notice the database sends then if the status, a name or the email changed (V20).
     */
    boolean update(Identity identity) {
        people.changed(identity.id());
        return jdbc.sql("UPDATE identity SET external_id = :externalId, email_key = :emailKey, "
                                + IdentityAttributeColumns.ASSIGNMENTS
                                + ", status = :status, updated_date = :updatedDate,"
                                + " inactivated_date = :inactivatedDate, version = version + 1"
                                + " WHERE id = :id AND version = :version")
                        .params(columns(identity))
                        .param("version", identity.version())
                        .update()
                == 1;
    }

    void setSupervisor(UUID id, UUID supervisorId) {
        jdbc.sql("UPDATE identity SET supervisor_id = :supervisorId, version = version + 1 WHERE id = :id")
                .param("supervisorId", supervisorId)
                .param("id", id)
                .update();
    }

    void clearCustomField(int slot) {
        // The column comes from the fixed list of attributes; nothing of the caller's reaches the SQL.
        String column = IdentityAttribute.CUSTOM_FIELDS.get(slot - 1).column();
        jdbc.sql("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL".formatted("identity", column, column))
                .update();
    }

    private static Map<String, Object> columns(Identity identity) {
        IdentityAttributes a = identity.attributes();
        Map<String, Object> params = IdentityAttributeColumns.params(a);
        params.put("id", identity.id());
        params.put("externalId", identity.externalId());
        params.put("emailKey", a.email() == null ? null : a.email().toLowerCase(Locale.ROOT));
        params.put("status", identity.status().name());
        params.put("updatedDate", toDb(identity.updatedDate()));
        params.put("inactivatedDate", toDb(identity.inactivatedDate()));
        return params;
    }

    private IdentityRow row(ResultSet rs, int rowNum) throws SQLException {
        IdentityAttributes attributes = IdentityAttributeColumns.read(rs);
        Identity identity = new Identity(
                uuid(rs, "id"),
                rs.getString("external_id"),
                attributes,
                IdentityStatus.valueOf(rs.getString("status")),
                instant(rs, "created_date"),
                instant(rs, "updated_date"),
                instant(rs, "first_seen_date"),
                instant(rs, "inactivated_date"),
                rs.getLong("version"));
        String supervisorLast = rs.getString("supervisor_last_name");
        return new IdentityRow(
                identity,
                supervisorLast == null ? null : displayName(supervisorLast, rs.getString("supervisor_first_name")));
    }

    /** "Last, First", the way the product shows people. */
    static String displayName(String lastName, String firstName) {
        return lastName + ", " + firstName;
    }

    record IdentityRow(Identity identity, String supervisorName) {}
}
