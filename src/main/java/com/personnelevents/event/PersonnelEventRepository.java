package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.date;
import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.AuditChain;
import com.personnelevents.db.Databases;
import com.personnelevents.identity.IdentityAttributeColumns;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Progress;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonnelEventRepository {

    static final int COUNT_STRIPES = 16;
    static final String ACTIVITY_CHAIN = "event_activity";
    static final String COMMENT_CHAIN = "event_comment";
    private static final String INSERT_ACTIVITY = """
            INSERT INTO event_activity (event_id, created_date, author, action, content, hash)
            VALUES (:eventId, :createdDate, :author, :action, :content, :hash)
            """;
    private static final String INSERT_COMMENT = """
            INSERT INTO event_comment (event_id, created_date, author, content, hash)
            VALUES (:eventId, :createdDate, :author, :content, :hash)
            """;
    private static final int FIRST_DATES_READ = 100;

    private final JdbcClient jdbc;
    private final boolean postgres;

    PersonnelEventRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Gapless and in commit order across instances: the counter row stays locked until this transaction
     * ends, and a rollback gives the number back. Taken as late as possible, so the lock is short.
     */
    long nextNumber() {
        return jdbc.sql(
                        postgres
                                ? "UPDATE personnel_event_number SET last_number = last_number + 1 RETURNING last_number"
                                : "SELECT last_number FROM FINAL TABLE "
                                        + "(UPDATE personnel_event_number SET last_number = last_number + 1)")
                .query(Long.class)
                .single();
    }

    void insert(PersonnelEvent event) {
        jdbc.sql("""
                        INSERT INTO personnel_event (id, number, type, status, identity_id, reporter_id, reporter_name,
                            assignee_id, assignee_name, needed_on, needed_until, completed_on, created_at,
                            snoozed_until, next_due_on, version)
                        VALUES (:id, :number, :type, :status, :identityId, :reporterId, :reporterName,
                            :assigneeId, :assigneeName, :neededOn, :neededUntil, :completedOn, :createdAt,
                            :snoozedUntil, :nextDueOn, 0)
                        """)
                .param("id", event.id())
                .param("number", event.number())
                .param("type", event.type().name())
                .param("status", event.status().name())
                .param("identityId", event.identityId())
                .param("reporterId", event.reporter().id())
                .param("reporterName", event.reporter().name())
                .param(
                        "assigneeId",
                        event.assignee() == null ? null : event.assignee().id())
                .param(
                        "assigneeName",
                        event.assignee() == null ? null : event.assignee().name())
                .param("neededOn", event.neededOn())
                .param("neededUntil", event.neededUntil())
                .param("completedOn", toDb(event.completedOn()))
                .param("createdAt", toDb(event.createdAt()))
                .param("snoozedUntil", event.progress().snoozedUntil())
                .param("nextDueOn", event.progress().nextDue())
                .update();
        adjustCount(event.type(), event.status(), event.neededOn(), 1);
        if (event.identityData() != null) {
            insertIdentityData(event.id(), event.identityData());
        }
        insertStages(event.id(), event.stages());
        appendAuditTrail(event.id(), event.takeUnsavedActivity(), event.takeUnsavedComments(), true);
    }

    /**
     * Saves what the event's transitions changed. Optimistic: false when someone else changed the event
     * since it was read, and then nothing is written.
     */
    boolean update(PersonnelEvent event) {
        int updated = jdbc.sql("""
                        UPDATE personnel_event SET status = :status, assignee_id = :assigneeId,
                            assignee_name = :assigneeName, needed_until = :neededUntil, completed_on = :completedOn,
                            snoozed_until = :snoozedUntil, next_due_on = :nextDueOn, version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("status", event.status().name())
                .param(
                        "assigneeId",
                        event.assignee() == null ? null : event.assignee().id())
                .param(
                        "assigneeName",
                        event.assignee() == null ? null : event.assignee().name())
                .param("neededUntil", event.neededUntil())
                .param("completedOn", toDb(event.completedOn()))
                .param("snoozedUntil", event.progress().snoozedUntil())
                .param("nextDueOn", event.progress().nextDue())
                .param("id", event.id())
                .param("version", event.version())
                .update();
        if (updated == 0) {
            return false;
        }
        if (event.status() != event.statusAtLoad()) {
            adjustCount(event.type(), event.statusAtLoad(), event.neededOn(), -1);
            adjustCount(event.type(), event.status(), event.neededOn(), 1);
        }
        for (int position = 0; position < event.stages().size(); position++) {
            Stage stage = event.stages().get(position);
            jdbc.sql("""
                            UPDATE event_stage SET status = :status, started_on = :startedOn,
                                scheduled_start = :scheduledStart, completed_on = :completedOn, completed_by = :completedBy
                             WHERE event_id = :eventId AND position = :position
                            """)
                    .param("status", stage.status().name())
                    .param("startedOn", toDb(stage.startedOn()))
                    .param("scheduledStart", stage.scheduledStart())
                    .param("completedOn", toDb(stage.completedOn()))
                    .param("completedBy", stage.completedBy())
                    .param("eventId", event.id())
                    .param("position", position)
                    .update();
        }
        appendAuditTrail(event);
        return true;
    }

    /**
     * Stores the activity and comments recorded since the last save: the audit trail only grows, each
     * entry chained to the one before it ({@link AuditChain}). The caller holds the event's row lock
     * (saving the event took it), so that two transactions cannot both append to the same entry.
     */
    private void appendAuditTrail(PersonnelEvent event) {
        appendAuditTrail(event.id(), event.takeUnsavedActivity(), event.takeUnsavedComments(), false);
    }

    /** A new event's chains start from its id; an existing event's continue from their last entry. */
    private void appendAuditTrail(UUID eventId, List<Activity> activity, List<Comment> comments, boolean newEvent) {
        appendChain(
                ACTIVITY_CHAIN,
                eventId,
                newEvent,
                activity.stream()
                        .map(a -> new TrailEntry(a.createdDate(), a.author(), a.action(), a.content()))
                        .toList());
        appendChain(
                COMMENT_CHAIN,
                eventId,
                newEvent,
                comments.stream()
                        .map(c -> new TrailEntry(c.createdDate(), c.author(), null, c.content()))
                        .toList());
    }

    private void appendChain(String chain, UUID eventId, boolean newEvent, List<TrailEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String head = newEvent ? null : head(chain, eventId);
        String previous = head == null ? AuditChain.start(eventId, chain) : head;
        for (TrailEntry entry : entries) {
            Instant at = entry.createdDate().truncatedTo(AuditChain.PRECISION);
            String hash = AuditChain.next(previous, eventId, at, entry.author(), entry.action(), entry.content());
            // A comment has no action: its statement names no such column and ignores the parameter.
            jdbc.sql(chain.equals(ACTIVITY_CHAIN) ? INSERT_ACTIVITY : INSERT_COMMENT)
                    .param("eventId", eventId)
                    .param("createdDate", toDb(at))
                    .param("author", entry.author())
                    .param("action", entry.action())
                    .param("content", entry.content())
                    .param("hash", hash)
                    .update();
            previous = hash;
        }
    }

    /** An activity entry or a comment, as its chain hashes it (a comment's action is null). */
    private record TrailEntry(Instant createdDate, String author, String action, String content) {}

    /**
     * Locks the event's row before its access request is closed (the order canceling it takes). On PostgreSQL
     * {@code FOR NO KEY UPDATE}: it queues appends and updates of the event, but not the inserts of rows
     * that refer to it.
     */
    void lockForAudit(UUID eventId) {
        jdbc.sql("SELECT id FROM personnel_event WHERE id = :id " + (postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE"))
                .param("id", eventId)
                .query(UUID.class)
                .single();
    }

    /** The hash of the last entry of one of an event's chains; null when the chain is empty. */
    private String head(String chain, UUID eventId) {
        return jdbc.sql("SELECT hash FROM " + chain + " WHERE event_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", eventId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Locks up to {@code limit} events with a step due by {@code today}, skipping those another instance
     * holds: each due step is taken by exactly one instance.
     */
    List<UUID> lockDue(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT id FROM personnel_event WHERE next_due_on <= :today
                         ORDER BY next_due_on, number LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("today", today)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    boolean hasOpenEvent(UUID identityId, EventType type) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM personnel_event WHERE identity_id = :identityId AND type = :type
                           AND status NOT IN ('Completed', 'Canceled')
                        """)
                        .param("identityId", identityId)
                        .param("type", type.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Offboardings of the identity that are neither completed nor canceled. */
    List<EventRow> openOffboardings(UUID identityId) {
        return jdbc.sql("""
                        SELECT * FROM personnel_event WHERE identity_id = :identityId AND type = 'Offboard'
                           AND status NOT IN ('Completed', 'Canceled') ORDER BY number
                        """)
                .param("identityId", identityId)
                .query(PersonnelEventRepository::eventRow)
                .list();
    }

    private void insertIdentityData(UUID eventId, IdentityAttributes attributes) {
        Map<String, Object> params = IdentityAttributeColumns.params(attributes);
        params.put("eventId", eventId);
        jdbc.sql("""
                        INSERT INTO personnel_event_identity (event_id, first_name, last_name, email, identity_type,
                            title, company, division, department, office, supervisor_id,
                            custom_field_1, custom_field_2, custom_field_3, custom_field_4, custom_field_5,
                            custom_field_6, custom_field_7, custom_field_8, custom_field_9)
                        VALUES (:eventId, :firstName, :lastName, :email, :identityType,
                            :title, :company, :division, :department, :office, :supervisorId,
                            :cf1, :cf2, :cf3, :cf4, :cf5, :cf6, :cf7, :cf8, :cf9)
                        """).params(params).update();
    }

    /** All the stages in one statement: one round trip however many the event has. */
    private void insertStages(UUID eventId, List<Stage> stages) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO event_stage (event_id, position, name, status, started_on, scheduled_start,
                    completed_on, completed_by) VALUES""");
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
                    .append(')');
            params.put("position" + p, p);
            params.put("name" + p, stage.name().name());
            params.put("status" + p, stage.status().name());
            params.put("startedOn" + p, toDb(stage.startedOn()));
            params.put("scheduledStart" + p, stage.scheduledStart());
            params.put("completedOn" + p, toDb(stage.completedOn()));
            params.put("completedBy" + p, stage.completedBy());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    Optional<PersonnelEvent> findById(UUID id) {
        return jdbc.sql("SELECT * FROM personnel_event WHERE id = :id")
                .param("id", id)
                .query(PersonnelEventRepository::eventRow)
                .optional()
                .map(this::complete);
    }

    /**
     * The event, its row locked until the transaction ends: an action's transition, what it causes (an
     * identity created, access requests raised) and its save happen one after the other for the same
     * event, never side by side; the second of two concurrent actions finds the state the first left.
     */
    Optional<PersonnelEvent> lockById(UUID id) {
        return jdbc.sql("SELECT * FROM personnel_event WHERE id = :id "
                        + (postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE"))
                .param("id", id)
                .query(PersonnelEventRepository::eventRow)
                .optional()
                .map(this::complete);
    }

    private PersonnelEvent complete(EventRow row) {
        List<Stage> stages = jdbc.sql("SELECT * FROM event_stage WHERE event_id = :id ORDER BY position")
                .param("id", row.id())
                .query((rs, n) -> new Stage(
                        StageName.valueOf(rs.getString("name")),
                        EventStatus.valueOf(rs.getString("status")),
                        instant(rs, "started_on"),
                        date(rs, "scheduled_start"),
                        instant(rs, "completed_on"),
                        rs.getString("completed_by")))
                .list();
        List<Activity> activity = jdbc.sql("SELECT * FROM event_activity WHERE event_id = :id ORDER BY id")
                .param("id", row.id())
                .query((rs, n) -> new Activity(
                        instant(rs, "created_date"),
                        rs.getString("author"),
                        rs.getString("action"),
                        rs.getString("content")))
                .list();
        List<Comment> comments = jdbc.sql("SELECT * FROM event_comment WHERE event_id = :id ORDER BY id")
                .param("id", row.id())
                .query((rs, n) ->
                        new Comment(instant(rs, "created_date"), rs.getString("author"), rs.getString("content")))
                .list();
        // Only onboardings and role transitions carry identity data.
        IdentityAttributes identityData = row.type() == EventType.Onboard || row.type() == EventType.RoleTransition
                ? identityData(List.of(row.id())).get(row.id())
                : null;
        Progress progress = new Progress(row.type(), row.status(), stages, row.snoozedUntil(), row.completedOn());
        return new PersonnelEvent(
                row.id(),
                row.number(),
                row.type(),
                row.identityId(),
                row.reporter(),
                row.assignee(),
                row.neededOn(),
                row.neededUntil(),
                row.createdAt(),
                progress,
                activity,
                comments,
                identityData,
                row.version());
    }

    /** What the events carry about their identities, by event id. */
    Map<UUID, IdentityAttributes> identityData(Collection<UUID> eventIds) {
        Map<UUID, IdentityAttributes> data = new HashMap<>();
        if (eventIds.isEmpty()) {
            return data;
        }
        jdbc.sql("SELECT * FROM personnel_event_identity WHERE event_id IN (:ids)")
                .param("ids", eventIds)
                .query((ResultSet rs) -> {
                    data.put(uuid(rs, "event_id"), IdentityAttributeColumns.read(rs));
                });
        return data;
    }

    void clearCustomField(int slot) {
        // The slot is an int from 1 to 9, checked by the settings; only the column name varies.
        jdbc.sql("UPDATE personnel_event_identity SET custom_field_" + slot + " = NULL WHERE custom_field_" + slot
                        + " IS NOT NULL")
                .update();
    }

    /**
     * One page, newest effective date first. The page's ids come first, from an index that holds them;
     * then only those rows are read. Past the first page, the kept counts per date say on which date the
     * page starts, so only that date's rows are skipped, not every row above the page.
     */
    List<EventRow> page(EventFilter filter, long offset) {
        StringBuilder sql =
                new StringBuilder("SELECT e.* FROM personnel_event e JOIN (SELECT id FROM personnel_event WHERE 1 = 1");
        Map<String, Object> params = where(filter, sql);
        long skip = offset;
        if (offset > 0 && filter.identityId() == null) {
            Optional<PageStart> start = pageStart(filter, offset);
            if (start.isEmpty()) {
                return List.of();
            }
            sql.append(" AND needed_on <= :startsOn");
            params.put("startsOn", start.get().neededOn());
            skip = offset - start.get().rowsBefore();
        }
        sql.append(" ORDER BY needed_on DESC, number DESC LIMIT :limit OFFSET :offset) p ON p.id = e.id")
                .append(" ORDER BY e.needed_on DESC, e.number DESC");
        return jdbc.sql(sql.toString())
                .params(params)
                .param("limit", PageResponse.PAGE_SIZE)
                .param("offset", skip)
                .query(PersonnelEventRepository::eventRow)
                .list();
    }

    /** The effective date of the row at {@code offset}, and how many rows have later dates. */
    record PageStart(LocalDate neededOn, long rowsBefore) {}

    /**
     * Adds up the kept counts from the newest date down until they pass {@code offset}; empty when the
     * filter has no more rows than that. Reads a hundred dates first, then four times as many each
     * time, each batch in the primary key's order: a page near the top reads few counts.
     */
    private Optional<PageStart> pageStart(EventFilter filter, long offset) {
        long before = 0;
        LocalDate below = null;
        for (int dates = FIRST_DATES_READ; ; dates *= 4) {
            StringBuilder sql =
                    new StringBuilder("SELECT needed_on, SUM(n) AS n FROM personnel_event_day_count WHERE 1 = 1");
            Map<String, Object> params = where(filter, sql);
            if (below != null) {
                sql.append(" AND needed_on < :below");
                params.put("below", below);
            }
            sql.append(" GROUP BY needed_on ORDER BY needed_on DESC LIMIT ").append(dates);
            List<DateCount> counts = jdbc.sql(sql.toString())
                    .params(params)
                    .query((rs, n) -> new DateCount(date(rs, "needed_on"), rs.getLong("n")))
                    .list();
            for (DateCount count : counts) {
                if (before + count.n() > offset) {
                    return Optional.of(new PageStart(count.neededOn(), before));
                }
                before += count.n();
            }
            if (counts.size() < dates) {
                return Optional.empty();
            }
            below = counts.get(counts.size() - 1).neededOn();
        }
    }

    private record DateCount(LocalDate neededOn, long n) {}

    /**
     * The exact number of events the filter matches: from the kept counts by type and status, or, for one
     * identity (a handful of rows, found by index), by counting.
     */
    long count(EventFilter filter) {
        if (filter.identityId() != null) {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM personnel_event WHERE 1 = 1");
            Map<String, Object> params = where(filter, sql);
            return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
        }
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(n), 0) FROM personnel_event_count WHERE 1 = 1");
        Map<String, Object> params = where(filter, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Keeps the counts of the event's type and status, in total and on its effective date (which never
     * changes), each in a random stripe.
     */
    private void adjustCount(EventType type, EventStatus status, LocalDate neededOn, int delta) {
        jdbc.sql(
                        "UPDATE personnel_event_count SET n = n + :delta WHERE type = :type AND status = :status AND stripe = :stripe")
                .param("delta", delta)
                .param("type", type.name())
                .param("status", status.name())
                .param("stripe", ThreadLocalRandom.current().nextInt(COUNT_STRIPES))
                .update();
        addToDayCount(neededOn, type, status, delta);
    }

    /**
     * One stripe of the date's count, created by whichever transaction first needs it. PostgreSQL adds
     * to a row a concurrent transaction has just inserted; H2 (development and tests) has no such upsert,
     * but a failed statement leaves its transaction usable, so a lost race to insert becomes an update.
     */
    private void addToDayCount(LocalDate neededOn, EventType type, EventStatus status, int delta) {
        Map<String, Object> params = Map.of(
                "neededOn", neededOn,
                "type", type.name(),
                "status", status.name(),
                "stripe", ThreadLocalRandom.current().nextInt(COUNT_STRIPES),
                "delta", (long) delta);
        if (postgres) {
            jdbc.sql("""
                            INSERT INTO personnel_event_day_count (needed_on, type, status, stripe, n)
                            VALUES (:neededOn, :type, :status, :stripe, :delta)
                            ON CONFLICT (needed_on, type, status, stripe)
                            DO UPDATE SET n = personnel_event_day_count.n + EXCLUDED.n
                            """).params(params).update();
            return;
        }
        String update = """
                UPDATE personnel_event_day_count SET n = n + :delta
                 WHERE needed_on = :neededOn AND type = :type AND status = :status AND stripe = :stripe
                """;
        if (jdbc.sql(update).params(params).update() > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO personnel_event_day_count (needed_on, type, status, stripe, n)
                            VALUES (:neededOn, :type, :status, :stripe, :delta)
                            """).params(params).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(update).params(params).update();
        }
    }

    private static Map<String, Object> where(EventFilter filter, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        if (filter.identityId() != null) {
            sql.append(" AND identity_id = :identityId");
            params.put("identityId", filter.identityId());
        }
        if (filter.type() != null) {
            sql.append(" AND type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        return params;
    }

    private static EventRow eventRow(ResultSet rs, int n) throws SQLException {
        UUID assigneeId = uuid(rs, "assignee_id");
        return new EventRow(
                uuid(rs, "id"),
                rs.getLong("number"),
                EventType.valueOf(rs.getString("type")),
                EventStatus.valueOf(rs.getString("status")),
                uuid(rs, "identity_id"),
                new PersonRef(uuid(rs, "reporter_id"), rs.getString("reporter_name")),
                assigneeId == null ? null : new PersonRef(assigneeId, rs.getString("assignee_name")),
                date(rs, "needed_on"),
                date(rs, "needed_until"),
                instant(rs, "completed_on"),
                instant(rs, "created_at"),
                date(rs, "snoozed_until"),
                rs.getLong("version"));
    }
}
