package com.personnelevents.access;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.QueryBatch;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.EventStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessRequestRepository {

    /** The columns {@link #row} reads. */
    private static final String COLUMNS = "id, number, event_id, stage, identity_id, permission_id, action, status,"
            + " reporter_name, reason, created_at, completed_on, completed_by, completed_by_id, exception_status,"
            + " exception_by, exception_reason, exception_on, retry_of, undoes, assignee_id, assignee_name, version";

    private final JdbcClient jdbc;

    AccessRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("SELECT nextval('access_request_number_seq')")
                .query(Long.class)
                .single();
    }

    void insert(AccessRequest request) {
        jdbc.sql("""
                        INSERT INTO access_request (id, number, event_id, stage, identity_id, permission_id, action,
                            status, reporter_name, reason, created_at, completed_on, completed_by, retry_of, undoes,
                            version)
                        VALUES (:id, :number, :eventId, :stage, :identityId, :permissionId, :action,
                            :status, :reporterName, :reason, :createdAt, :completedOn, :completedBy, :retryOf, :undoes,
                            0)
                        """)
                .param("id", request.id())
                .param("number", request.number())
                .param("eventId", request.eventId())
                .param("stage", request.stage())
                .param("identityId", request.identityId())
                .param("permissionId", request.permissionId())
                .param("action", request.action().name())
                .param("status", request.status().name())
                .param("reporterName", request.reporterName())
                .param("reason", request.reason())
                .param("createdAt", toDb(request.createdAt()))
                .param("completedOn", toDb(request.completedOn()))
                .param("completedBy", request.completedBy())
                .param("retryOf", request.retryOf())
                .param("undoes", request.undoes())
                .update();
    }

    /**
     * Closes the request, a refused removal or suspension with an undecided exception. Optimistic: false
     * when the request changed since it was read.
     */
    boolean close(AccessRequest request, EventStatus status, String reason, Instant now, Actor by, boolean exception) {
        return jdbc.sql("""
                        UPDATE access_request SET status = :status, reason = :reason, completed_on = :now,
                            completed_by = :by, completed_by_id = :byId, exception_status = :exception,
                            version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                        .param("status", status.name())
                        .param("reason", reason)
                        .param("now", toDb(now))
                        .param("by", by.name())
                        .param("byId", by.id())
                        .param("exception", exception ? AccessRequest.ExceptionStatus.Undecided.name() : null)
                        .param("id", request.id())
                        .param("version", request.version())
                        .update()
                == 1;
    }

    /** Sets who works the request. Optimistic: false when the request changed since it was read. */
    boolean assign(AccessRequest request, Named assignee) {
        return jdbc.sql("""
                        UPDATE access_request SET assignee_id = :id, assignee_name = :name, version = version + 1
                         WHERE id = :request AND version = :version
                        """)
                        .param("id", assignee == null ? null : assignee.id())
                        .param("name", assignee == null ? null : assignee.name())
                        .param("request", request.id())
                        .param("version", request.version())
                        .update()
                == 1;
    }

    /** Decides an undecided exception. Optimistic: false when the request changed since it was read. */
    boolean decide(
            AccessRequest request, AccessRequest.ExceptionStatus decision, String by, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE access_request SET exception_status = :decision, exception_by = :by,
                            exception_reason = :reason, exception_on = :now, version = version + 1
                         WHERE id = :id AND version = :version AND exception_status = 'Undecided'
                        """)
                        .param("decision", decision.name())
                        .param("by", by)
                        .param("reason", reason)
                        .param("now", toDb(now))
                        .param("id", request.id())
                        .param("version", request.version())
                        .update()
                == 1;
    }

    /** Moves the event's requests of one stage from one status to another; returns how many. */
    int moveAll(UUID eventId, String stage, EventStatus from, EventStatus to) {
        return jdbc.sql("""
                        UPDATE access_request SET status = :to, version = version + 1
                         WHERE event_id = :eventId AND stage = :stage AND status = :from
                        """)
                .param("to", to.name())
                .param("eventId", eventId)
                .param("stage", stage)
                .param("from", from.name())
                .update();
    }

    int cancelOpen(UUID eventId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE access_request SET status = 'Canceled', reason = :reason, completed_on = :now,
                            version = version + 1 WHERE event_id = :eventId AND status NOT IN %s
                        """.formatted(EventStatus.TERMINAL_SQL))
                .param("reason", reason)
                .param("now", toDb(now))
                .param("eventId", eventId)
                .update();
    }

    /** A canceled event's undecided exceptions are moot: nobody decides them any more. */
    int withdrawUndecided(UUID eventId, String by, Instant now) {
        return jdbc.sql("""
                        UPDATE access_request SET exception_status = 'Withdrawn', exception_by = :by,
                            exception_reason = 'Personnel event canceled', exception_on = :now, version = version + 1
                         WHERE event_id = :eventId AND exception_status = 'Undecided'
                        """)
                .param("by", by)
                .param("now", toDb(now))
                .param("eventId", eventId)
                .update();
    }

    Optional<AccessRequest> findById(UUID id) {
        return jdbc.sql("SELECT * FROM access_request WHERE id = :id")
                .param("id", id)
                .query(AccessRequestRepository::row)
                .optional();
    }

    List<AccessRequest> forEvents(java.util.Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM access_request WHERE event_id = ANY(:ids) ORDER BY number")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query(AccessRequestRepository::row)
                .list();
    }

    /** How many of each event's requests are open; events without one are left out. */
    Map<UUID, Long> openCounts(java.util.Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT event_id, COUNT(*) AS n FROM access_request WHERE status = 'Open' AND event_id = ANY(:ids)"
                        + " GROUP BY event_id")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> counts.put(uuid(rs, "event_id"), rs.getLong("n")));
        return counts;
    }

    /** Who carried out or refused each event's requests (their ids only: a duty's check reads nothing else). */
    Map<UUID, Set<UUID>> completersOf(java.util.Collection<UUID> eventIds) {
        Map<UUID, Set<UUID>> byEvent = new java.util.HashMap<>();
        jdbc.sql("SELECT DISTINCT event_id, completed_by_id FROM access_request"
                        + " WHERE event_id = ANY(:ids) AND completed_by_id IS NOT NULL")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> byEvent.computeIfAbsent(uuid(rs, "event_id"), k -> new java.util.HashSet<>())
                                .add(uuid(rs, "completed_by_id")));
        return byEvent;
    }

    /**
     * The event's requests, read with the batch's other statements. Columns by name, not {@code *}: see {@link
     * QueryBatch}.
     */
    QueryBatch.Read<AccessRequest> forEvent(QueryBatch batch, UUID eventId) {
        return batch.add(
                "SELECT " + COLUMNS + " FROM access_request WHERE event_id = ? ORDER BY number",
                AccessRequestRepository::row,
                eventId);
    }

    List<AccessRequest> forEvent(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_request WHERE event_id = :eventId ORDER BY number")
                .param("eventId", eventId)
                .query(AccessRequestRepository::row)
                .list();
    }

    /** Open requests, oldest first; only those of the engineer's applications when one is named. */
    List<AccessRequest> open(UUID engineer, int limit) {
        return new com.personnelevents.db.Where()
                        .and("status = 'Open'")
                        .and(
                                "permission_id IN (SELECT p.id FROM permission p JOIN application_responsibility r"
                                        + " ON r.application_id = p.application_id WHERE r.identity_id = :engineer"
                                        + " AND r.responsibility = 'ProvisionEngineer')",
                                "engineer",
                                engineer)
                        .page(jdbc, "SELECT * FROM access_request", "number", 0, AccessRequestRepository::row)
                        .stream()
                        .limit(limit)
                        .toList();
    }

    boolean isVisibleTo(UUID id, UUID person) {
        return jdbc.sql("SELECT COUNT(*) FROM access_request WHERE id = :id AND " + AccessRequestFilter.VISIBLE)
                        .param("id", id)
                        .param("me", person)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<AccessRequest> page(AccessRequestFilter filter, long offset) {
        return filter.where()
                .page(jdbc, "SELECT * FROM access_request", "number DESC", offset, AccessRequestRepository::row);
    }

    long count(AccessRequestFilter filter) {
        return filter.where().count(jdbc, "access_request");
    }

    /** Open requests per active application, 0 for one without any (for the metrics). */
    java.util.Map<String, Long> openByApplication() {
        java.util.Map<String, Long> open = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT a.name,
                               (SELECT COUNT(*) FROM access_request r JOIN permission p ON p.id = r.permission_id
                                 WHERE p.application_id = a.id AND r.status = 'Open') AS n
                          FROM application a WHERE a.status = 'Active'
                        """).query(rs -> {
            open.put(rs.getString("name"), rs.getLong("n"));
        });
        return open;
    }

    private static AccessRequest row(ResultSet rs, int n) throws SQLException {
        return new AccessRequest(
                uuid(rs, "id"),
                rs.getLong("number"),
                uuid(rs, "event_id"),
                rs.getString("stage"),
                uuid(rs, "identity_id"),
                uuid(rs, "permission_id"),
                AccessAction.valueOf(rs.getString("action")),
                EventStatus.valueOf(rs.getString("status")),
                rs.getString("reporter_name"),
                rs.getString("reason"),
                instant(rs, "created_at"),
                instant(rs, "completed_on"),
                rs.getString("completed_by"),
                uuid(rs, "completed_by_id"),
                refusal(rs),
                uuid(rs, "retry_of"),
                uuid(rs, "undoes"),
                uuid(rs, "assignee_id") == null
                        ? null
                        : new Named(uuid(rs, "assignee_id"), rs.getString("assignee_name")),
                rs.getLong("version"));
    }

    private static AccessRequest.Refusal refusal(ResultSet rs) throws SQLException {
        String status = rs.getString("exception_status");
        return status == null
                ? null
                : new AccessRequest.Refusal(
                        AccessRequest.ExceptionStatus.valueOf(status),
                        rs.getString("exception_by"),
                        rs.getString("exception_reason"),
                        instant(rs, "exception_on"));
    }
}
