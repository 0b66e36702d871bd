package com.personnelevents.access;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessRequestRepository {

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
                            status, reporter_name, reason, created_at, completed_on, completed_by, version)
                        VALUES (:id, :number, :eventId, :stage, :identityId, :permissionId, :action,
                            :status, :reporterName, :reason, :createdAt, :completedOn, :completedBy, 0)
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
                .update();
    }

    /** Optimistic: false when the request changed since it was read. */
    boolean close(AccessRequest request, EventStatus status, String reason, Instant now, String by) {
        return jdbc.sql("""
                        UPDATE access_request SET status = :status, reason = :reason, completed_on = :now,
                            completed_by = :by, version = version + 1 WHERE id = :id AND version = :version
                        """)
                        .param("status", status.name())
                        .param("reason", reason)
                        .param("now", toDb(now))
                        .param("by", by)
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
                            version = version + 1 WHERE event_id = :eventId AND status IN ('Open', 'Scheduled')
                        """)
                .param("reason", reason)
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

    List<AccessRequest> forEvent(UUID eventId) {
        return jdbc.sql("SELECT * FROM access_request WHERE event_id = :eventId ORDER BY number")
                .param("eventId", eventId)
                .query(AccessRequestRepository::row)
                .list();
    }

    List<AccessRequest> page(Map<String, Object> filters, long offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_request WHERE 1 = 1");
        Map<String, Object> params = where(filters, sql);
        sql.append(" ORDER BY number DESC LIMIT :limit OFFSET :offset");
        return jdbc.sql(sql.toString())
                .params(params)
                .param("limit", PageResponse.PAGE_SIZE)
                .param("offset", offset)
                .query(AccessRequestRepository::row)
                .list();
    }

    long count(Map<String, Object> filters) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM access_request WHERE 1 = 1");
        Map<String, Object> params = where(filters, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
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

    /** Filters by column: identity_id, status, action, and permission_id IN an application's permissions. */
    private static Map<String, Object> where(Map<String, Object> filters, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        filters.forEach((column, value) -> {
            if (column.equals("application_id")) {
                sql.append(" AND permission_id IN (SELECT id FROM permission WHERE application_id = :application_id)");
            } else {
                sql.append(" AND ").append(column).append(" = :").append(column);
            }
            params.put(column, value);
        });
        return params;
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
                rs.getLong("version"));
    }
}
