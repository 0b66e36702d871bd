package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.date;
import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;

import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stages of events ({@code event_stage}), by position within their event, and the responses given to
 * their Approval and Verification steps ({@code stage_response}).
 */
@Repository
class EventStageRepository {

    private final JdbcClient jdbc;

    EventStageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All the stages in one statement: one round trip however many the event has. */
    void insert(UUID eventId, List<Stage> stages) {
        insert(eventId, 0, stages);
    }

    /** The stages in one statement, from position {@code first} on: one round trip however many there are. */
    private void insert(UUID eventId, int first, List<Stage> stages) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO event_stage (event_id, position, name, status, started_on, scheduled_start,
                    completed_on, completed_by, completed_by_id) VALUES""");
        Map<String, Object> params = new HashMap<>();
        params.put("eventId", eventId);
        for (int p = 0; p < stages.size(); p++) {
            Stage stage = stages.get(p);
            sql.append(p == 0 ? " " : ", ")
                    .append("(:eventId, :position")
                    .append(p)
                    .append(", :name")
                    .append(p)
                    .append(", :status")
                    .append(p)
                    .append(", :startedOn")
                    .append(p)
                    .append(", :scheduledStart")
                    .append(p)
                    .append(", :completedOn")
                    .append(p)
                    .append(", :completedBy")
                    .append(p)
                    .append(", :completedById")
                    .append(p)
                    .append(')');
            params.put("position" + p, first + p);
            params.put("name" + p, stage.name().name());
            params.put("status" + p, stage.status().name());
            params.put("startedOn" + p, toDb(stage.startedOn()));
            params.put("scheduledStart" + p, stage.scheduledStart());
            params.put("completedOn" + p, toDb(stage.completedOn()));
            params.put("completedBy" + p, stage.completedBy());
            params.put("completedById" + p, stage.completedById());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * Stores the event's stages as they are now. Rescheduling can add a stage (a role transition's overlap)
     * or drop one, so a position may be new, and positions past the last are removed.
     */
    void update(UUID eventId, List<Stage> stages) {
        for (int position = 0; position < stages.size(); position++) {
            Stage stage = stages.get(position);
            int updated = jdbc.sql("""
                            UPDATE event_stage SET name = :name, status = :status, started_on = :startedOn,
                                scheduled_start = :scheduledStart, completed_on = :completedOn, completed_by = :completedBy,
                                completed_by_id = :completedById
                             WHERE event_id = :eventId AND position = :position
                            """)
                    .param("name", stage.name().name())
                    .param("status", stage.status().name())
                    .param("startedOn", toDb(stage.startedOn()))
                    .param("scheduledStart", stage.scheduledStart())
                    .param("completedOn", toDb(stage.completedOn()))
                    .param("completedBy", stage.completedBy())
                    .param("completedById", stage.completedById())
                    .param("eventId", eventId)
                    .param("position", position)
                    .update();
            if (updated == 0) {
                insert(eventId, position, List.of(stage));
            }
        }
        jdbc.sql("DELETE FROM event_stage WHERE event_id = :eventId AND position >= :size")
                .param("eventId", eventId)
                .param("size", stages.size())
                .update();
    }

    /** The stages of these events, by event, each event's in position order. */
    Map<UUID, List<Stage>> forEvents(java.util.Collection<UUID> eventIds) {
        Map<UUID, List<Stage>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        jdbc.sql("SELECT * FROM event_stage WHERE event_id = ANY(:ids) ORDER BY event_id, position")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> byEvent.computeIfAbsent(
                                com.personnelevents.db.Timestamps.uuid(rs, "event_id"),
                                k -> new java.util.ArrayList<>())
                        .add(stage(rs)));
        return byEvent;
    }

    /**
     * Each event's current stage, its first not yet finished, by event; events whose stages are all finished
     * are left out. What a taskboard row says the event waits for needs no other stage.
     */
    Map<UUID, Stage> currentStages(java.util.Collection<UUID> eventIds) {
        Map<UUID, Stage> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        // the unfinished stages in order, the first of each event kept: as cheap for the database as reading
        // them all (a correlated MIN(position) or a window cost it 2.5-3 times as much, pgbench at a million)
        jdbc.sql("SELECT event_id, " + STAGE_COLUMNS + " FROM event_stage WHERE event_id = ANY(:ids)"
                        + " AND status NOT IN " + EventStatus.TERMINAL_SQL + " ORDER BY event_id, position")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    UUID event = com.personnelevents.db.Timestamps.uuid(rs, "event_id");
                    if (!byEvent.containsKey(event)) {
                        byEvent.put(event, stage(rs));
                    }
                });
        return byEvent;
    }

    /** The columns {@link #stage} reads. */
    static final String STAGE_COLUMNS =
            "name, status, started_on, scheduled_start, completed_on, completed_by, completed_by_id";

    /** The columns {@link #response} reads. */
    static final String RESPONSE_COLUMNS = "stage, role, responder_kind, responder_id, responder_name, responded_at";

    static Stage stage(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stage(
                StageName.valueOf(rs.getString("name")),
                EventStatus.valueOf(rs.getString("status")),
                instant(rs, "started_on"),
                date(rs, "scheduled_start"),
                instant(rs, "completed_on"),
                rs.getString("completed_by"),
                com.personnelevents.db.Timestamps.uuid(rs, "completed_by_id"));
    }

    /** The responses of these events, by event, each event's in the order given. */
    Map<UUID, List<Response>> responses(java.util.Collection<UUID> eventIds) {
        Map<UUID, List<Response>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        jdbc.sql("SELECT * FROM stage_response WHERE event_id = ANY(:ids) ORDER BY event_id, position")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> byEvent.computeIfAbsent(
                                com.personnelevents.db.Timestamps.uuid(rs, "event_id"),
                                k -> new java.util.ArrayList<>())
                        .add(response(rs)));
        return byEvent;
    }

    static Response response(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Response(
                StageName.valueOf(rs.getString("stage")),
                Role.valueOf(rs.getString("role")),
                new Actor(
                        Actor.Kind.valueOf(rs.getString("responder_kind")),
                        com.personnelevents.db.Timestamps.uuid(rs, "responder_id"),
                        rs.getString("responder_name")),
                instant(rs, "responded_at"));
    }

    /** Stores the event's responses as they are now (a few rows: replaced whole). */
    void replaceResponses(UUID eventId, List<Response> responses) {
        jdbc.sql("DELETE FROM stage_response WHERE event_id = :eventId")
                .param("eventId", eventId)
                .update();
        for (int position = 0; position < responses.size(); position++) {
            Response response = responses.get(position);
            jdbc.sql("""
                            INSERT INTO stage_response (event_id, position, stage, role, responder_kind, responder_id,
                                responder_name, responded_at)
                            VALUES (:eventId, :position, :stage, :role, :kind, :responderId, :responderName, :at)
                            """)
                    .param("eventId", eventId)
                    .param("position", position)
                    .param("stage", response.step().name())
                    .param("role", response.role().name())
                    .param("kind", response.responder().kind().name())
                    .param("responderId", response.responder().id())
                    .param("responderName", response.responder().name())
                    .param("at", toDb(response.at()))
                    .update();
        }
    }
}
