package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.date;
import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.AuditRecords;
import com.personnelevents.db.Databases;
import com.personnelevents.db.QueryBatch;
import com.personnelevents.db.Where;
import com.personnelevents.identity.IdentityAttribute;
import com.personnelevents.identity.IdentityAttributeColumns;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityStatus;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Progress;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonnelEventRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final EventCountsRepository counts;
    private final EventStageRepository stages;
    private final AuditTrailRepository trail;
    private final boolean postgres;

    PersonnelEventRepository(
            JdbcClient jdbc,
            JdbcTemplate batchJdbc,
            EventCountsRepository counts,
            EventStageRepository stages,
            AuditTrailRepository trail,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.counts = counts;
        this.stages = stages;
        this.trail = trail;
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

    /** Stores a new event; {@code externalId} is an onboarding's key of the person (null when none). */
    void insert(PersonnelEvent event, String externalId) {
        AuditTrailRepository.Chained trail = chain(event);
        jdbc.sql("""
                        INSERT INTO personnel_event (id, number, type, status, identity_id, reporter_id, reporter_name,
                            assignee_id, assignee_name, needed_on, needed_until, completed_on, created_at,
                            snoozed_until, next_due_on, activity_head, comment_head, version)
                        VALUES (:id, :number, :type, :status, :identityId, :reporterId, :reporterName,
                            :assigneeId, :assigneeName, :neededOn, :neededUntil, :completedOn, :createdAt,
                            :snoozedUntil, :nextDueOn, :activityHead, :commentHead, 0)
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
                .param("activityHead", trail.heads().activity())
                .param("commentHead", trail.heads().comments())
                .update();
        counts.adjust(event.type(), event.status(), event.neededOn(), 1);
        if (event.identityData() != null) {
            insertIdentityData(event.id(), event.identityData(), externalId);
        }
        stages.insert(event.id(), event.stages());
        this.trail.write(trail);
    }

    /** The event's responses, when a step changed them. */
    private void saveResponses(PersonnelEvent event) {
        if (event.takeResponsesChanged()) {
            stages.replaceResponses(event.id(), event.responses());
        }
    }

    /** The step's trail entries, chained after the event's heads, its last one recording what changed. */
    private AuditTrailRepository.Chained chain(PersonnelEvent event) {
        List<Activity> activity = event.takeUnsavedActivity();
        Map<String, String> changes = event.takeChanges();
        if (activity.isEmpty() && !changes.isEmpty()) {
            throw new IllegalStateException("A step that changes an event records what it did in its activity");
        }
        return trail.chain(
                event.id(), event.heads(), activity, event.takeUnsavedComments(), AuditRecords.lines(changes));
    }

    /**
     * Saves what the event's transitions changed. Optimistic: false when someone else changed the event
     * since it was read, and then nothing is written.
     */
    boolean update(PersonnelEvent event) {
        if (event.isReadForChecks()) {
            throw new IllegalStateException("An event read for checks only (no activity, no comments) is never saved");
        }
        AuditTrailRepository.Chained trail = chain(event);
        int updated = jdbc.sql("""
                        UPDATE personnel_event SET status = :status, assignee_id = :assigneeId,
                            assignee_name = :assigneeName, needed_on = :neededOn, needed_until = :neededUntil,
                            completed_on = :completedOn, snoozed_until = :snoozedUntil, next_due_on = :nextDueOn,
                            activity_head = :activityHead, comment_head = :commentHead, version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("status", event.status().name())
                .param(
                        "assigneeId",
                        event.assignee() == null ? null : event.assignee().id())
                .param(
                        "assigneeName",
                        event.assignee() == null ? null : event.assignee().name())
                .param("neededOn", event.neededOn())
                .param("neededUntil", event.neededUntil())
                .param("completedOn", toDb(event.completedOn()))
                .param("snoozedUntil", event.progress().snoozedUntil())
                .param("nextDueOn", event.progress().nextDue())
                .param("activityHead", trail.heads().activity())
                .param("commentHead", trail.heads().comments())
                .param("id", event.id())
                .param("version", event.version())
                .update();
        if (updated == 0) {
            return false;
        }
        if (event.status() != event.statusAtLoad() || !event.neededOn().equals(event.neededOnAtLoad())) {
            counts.adjust(event.type(), event.statusAtLoad(), event.neededOnAtLoad(), -1);
            counts.adjust(event.type(), event.status(), event.neededOn(), 1);
        }
        stages.update(event.id(), event.stages());
        saveResponses(event);
        this.trail.write(trail);
        return true;
    }

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

    /** The identity's events that are neither completed nor canceled, oldest first. */
    List<EventRow> openEvents(UUID identityId) {
        return jdbc.sql(OPEN_EVENTS)
                .param(1, identityId)
                .query(PersonnelEventRepository::eventRow)
                .list();
    }

    /** The same, read with the batch's other statements. */
    QueryBatch.Read<EventRow> openEvents(QueryBatch batch, UUID identityId) {
        return batch.add(OPEN_EVENTS, PersonnelEventRepository::eventRow, identityId);
    }

    /** The ids of the identity's open events of one type, oldest first. */
    List<UUID> openEventIds(UUID identityId, EventType type) {
        return openEvents(identityId).stream()
                .filter(e -> e.type() == type)
                .map(EventRow::id)
                .toList();
    }

    private void insertIdentityData(UUID eventId, IdentityAttributes attributes, String externalId) {
        Map<String, Object> params = IdentityAttributeColumns.params(attributes);
        params.put("eventId", eventId);
        params.put("externalId", externalId);
        jdbc.sql("INSERT INTO personnel_event_identity (event_id, external_id, " + IdentityAttributeColumns.COLUMNS
                        + ") VALUES (:eventId, :externalId, " + IdentityAttributeColumns.PARAMETERS + ")")
                .params(params)
                .update();
    }

    /**
     * What an onboarding knows of the person beyond their attributes: the HR system's key, and a rehired
     * identity's status before the onboarding (null for a new person, or before approval).
     */
    record Hire(String externalId, IdentityStatus previousStatus) {}

    Hire hire(UUID eventId) {
        return jdbc.sql("SELECT external_id, previous_status FROM personnel_event_identity WHERE event_id = :id")
                .param("id", eventId)
                .query((rs, n) -> new Hire(
                        rs.getString("external_id"),
                        rs.getString("previous_status") == null
                                ? null
                                : IdentityStatus.valueOf(rs.getString("previous_status"))))
                .optional()
                .orElse(new Hire(null, null));
    }

    /** A rehire's approval: the status the identity had before, for a cancel to put it back. */
    void recordPreviousStatus(UUID eventId, IdentityStatus status) {
        jdbc.sql("UPDATE personnel_event_identity SET previous_status = :status WHERE event_id = :id")
                .param("status", status.name())
                .param("id", eventId)
                .update();
    }

    /** The open onboarding, if any, that carries this key of a person not yet created. */
    Optional<EventRow> openOnboardingOf(String externalId) {
        return jdbc.sql("SELECT e.* FROM personnel_event e JOIN personnel_event_identity d ON d.event_id = e.id"
                        + " WHERE d.external_id = :externalId AND e.type = 'Onboard' AND e.status NOT IN "
                        + EventStatus.TERMINAL_SQL + " ORDER BY e.number LIMIT 1")
                .param("externalId", externalId)
                .query(PersonnelEventRepository::eventRow)
                .optional();
    }

    Optional<UUID> findIdByNumber(long number) {
        return jdbc.sql("SELECT id FROM personnel_event WHERE number = :number")
                .param("number", number)
                .query(UUID.class)
                .optional();
    }

    /**
     * Up to {@code limit} events matching {@code where}, soonest effective date first: a work queue, read with
     * the batch's other statements ("My work" reads its four queues in one round trip).
     */
    QueryBatch.Read<EventRow> queue(QueryBatch batch, Where where, int limit) {
        // the limit written in, as a page's is (bound, it had PostgreSQL plan the pages' statements on every call)
        return batch.add(
                "SELECT " + EVENT_COLUMNS + " FROM personnel_event" + where.clause()
                        + " ORDER BY needed_on, number LIMIT " + limit,
                where.params(),
                PersonnelEventRepository::eventRow);
    }

    Optional<PersonnelEvent> findById(UUID id) {
        return read(id, "");
    }

    /** The event and what it holds, read with the batch's other statements; ready once the batch has run. */
    Supplier<Optional<PersonnelEvent>> findById(QueryBatch batch, UUID id) {
        Supplier<List<PersonnelEvent>> read = read(batch, "= ?", "", id);
        return () -> read.get().stream().findFirst();
    }

    /**
     * The event, its row locked until the transaction ends: an action's transition, what it causes (an
     * identity created, access requests raised) and its save happen one after the other for the same
     * event, never side by side; the second of two concurrent actions finds the state the first left.
     */
    Optional<PersonnelEvent> lockById(UUID id) {
        return read(id, postgres ? " FOR NO KEY UPDATE" : " FOR UPDATE");
    }

    /**
     * The event's row and what it holds (stages, responses, activity, comments, identity data), read
     * together: one round trip on PostgreSQL. The row's lock, if any, is taken first.
     */
    private Optional<PersonnelEvent> read(UUID id, String lock) {
        return read("= ?", lock, id).stream().findFirst();
    }

    /** What an event holds, with the id of the event it belongs to. */
    private record Held<T>(UUID eventId, T value) {}

    /**
     * The events whose id meets {@code condition} ({@code "= ?"} or {@code "= ANY(?)"}, bound to {@code ids})
     * and what each holds, read together.
     */
    private List<PersonnelEvent> read(String condition, String lock, Object ids) {
        QueryBatch batch = batch();
        Supplier<List<PersonnelEvent>> events = read(batch, condition, lock, ids);
        batch.run();
        return events.get();
    }

    /** The same reads, added to {@code batch}: the events once it has run. */
    private Supplier<List<PersonnelEvent>> read(QueryBatch batch, String condition, String lock, Object ids) {
        // Columns by name, never *: PostgreSQL refuses to run a statement prepared on the server whose result
        // changed (a migration added a column), and its driver re-prepares a single statement but never
        // retries one of several parts.
        QueryBatch.Read<EventRow> events = batch.add(
                "SELECT " + EVENT_COLUMNS + " FROM personnel_event WHERE id " + condition + lock,
                PersonnelEventRepository::eventRow,
                ids);
        Checked checked = checked(batch, condition, ids);
        QueryBatch.Read<Held<Activity>> activity = batch.add(
                // the columns shown: not the audit's (each change's values, the hash chain)
                "SELECT event_id, created_date, author, author_id, action, content FROM event_activity"
                        + " WHERE event_id " + condition + " ORDER BY event_id, id",
                (rs, n) -> new Held<>(
                        uuid(rs, "event_id"),
                        new Activity(
                                instant(rs, "created_date"),
                                rs.getString("author"),
                                uuid(rs, "author_id"),
                                rs.getString("action"),
                                rs.getString("content"))),
                ids);
        QueryBatch.Read<Held<Comment>> comments = batch.add(
                "SELECT event_id, created_date, author, author_id, content FROM event_comment WHERE event_id "
                        + condition + " ORDER BY event_id, id",
                (rs, n) -> new Held<>(
                        uuid(rs, "event_id"),
                        new Comment(
                                instant(rs, "created_date"),
                                rs.getString("author"),
                                uuid(rs, "author_id"),
                                rs.getString("content"))),
                ids);
        return () -> assemble(events.list(), checked, activity.list(), comments.list());
    }

    /**
     * These events as "My work" checks whom their responses await: from their rows as its queues read them,
     * with the stages, responses and identity data the checks read, for all of them in one round trip; not
     * their activity and comments, which no check reads (nor their rows again). Such an event is only
     * checked, never saved ({@link #update} refuses it).
     */
    List<PersonnelEvent> forChecks(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        QueryBatch batch = batch();
        Checked checked = checked(
                batch,
                "= ANY(?)",
                com.personnelevents.db.Ids.array(rows.stream().map(EventRow::id).toList()));
        batch.run();
        return assemble(rows, checked, List.of(), List.of()).stream()
                .map(PersonnelEvent::readForChecks)
                .toList();
    }

    /** What the checks of a response read of an event beside its row: its stages, responses and identity data. */
    private record Checked(
            QueryBatch.Read<Held<Stage>> stages,
            QueryBatch.Read<Held<Response>> responses,
            QueryBatch.Read<Held<IdentityAttributes>> identityData) {}

    /** The reads of {@link Checked}, added to {@code batch}, of the events whose id meets {@code condition}. */
    private static Checked checked(QueryBatch batch, String condition, Object ids) {
        QueryBatch.Read<Held<Stage>> stages = batch.add(
                "SELECT event_id, " + EventStageRepository.STAGE_COLUMNS + " FROM event_stage WHERE event_id "
                        + condition + " ORDER BY event_id, position",
                (rs, n) -> new Held<>(uuid(rs, "event_id"), EventStageRepository.stage(rs)),
                ids);
        QueryBatch.Read<Held<Response>> responses = batch.add(
                "SELECT event_id, " + EventStageRepository.RESPONSE_COLUMNS + " FROM stage_response WHERE event_id "
                        + condition + " ORDER BY event_id, position",
                (rs, n) -> new Held<>(uuid(rs, "event_id"), EventStageRepository.response(rs)),
                ids);
        QueryBatch.Read<Held<IdentityAttributes>> identityData = batch.add(
                "SELECT event_id, " + IdentityAttributeColumns.COLUMNS + " FROM personnel_event_identity"
                        + " WHERE event_id " + condition,
                (rs, n) -> new Held<>(uuid(rs, "event_id"), IdentityAttributeColumns.read(rs)),
                ids);
        return new Checked(stages, responses, identityData);
    }

    private static List<PersonnelEvent> assemble(
            List<EventRow> events, Checked checked, List<Held<Activity>> activity, List<Held<Comment>> comments) {
        Map<UUID, List<Stage>> stagesOf = byEvent(checked.stages().list());
        Map<UUID, List<Response>> responsesOf = byEvent(checked.responses().list());
        Map<UUID, List<Activity>> activityOf = byEvent(activity);
        Map<UUID, List<Comment>> commentsOf = byEvent(comments);
        Map<UUID, List<IdentityAttributes>> identityDataOf =
                byEvent(checked.identityData().list());
        return events.stream()
                .map(row -> new PersonnelEvent(
                        row.id(),
                        row.number(),
                        row.type(),
                        row.identityId(),
                        row.reporter(),
                        row.assignee(),
                        row.neededOn(),
                        row.neededUntil(),
                        row.createdAt(),
                        new Progress(
                                row.type(),
                                row.status(),
                                stagesOf.getOrDefault(row.id(), List.of()),
                                row.snoozedUntil(),
                                row.completedOn()),
                        activityOf.getOrDefault(row.id(), List.of()),
                        commentsOf.getOrDefault(row.id(), List.of()),
                        responsesOf.getOrDefault(row.id(), List.of()),
                        // only onboardings and role transitions carry identity data
                        row.type() == EventType.Onboard || row.type() == EventType.RoleTransition
                                ? identityDataOf.getOrDefault(row.id(), List.of()).stream()
                                        .findFirst()
                                        .orElse(null)
                                : null,
                        row.heads(),
                        row.version()))
                .toList();
    }

    /** What the events hold, by event, each event's in the order read. */
    private static <T> Map<UUID, List<T>> byEvent(List<Held<T>> held) {
        Map<UUID, List<T>> byEvent = new HashMap<>();
        for (Held<T> one : held) {
            byEvent.computeIfAbsent(one.eventId(), k -> new java.util.ArrayList<>())
                    .add(one.value());
        }
        return byEvent;
    }

    /** A new batch of reads (see {@link QueryBatch}). */
    QueryBatch batch() {
        return new QueryBatch(batchJdbc, postgres);
    }

    /** What an event proposes for its identity, with its supervisor's name. */
    record Proposed(UUID eventId, IdentityAttributes attributes, String supervisorName) {}

    /**
     * What these events propose for their identities, with the supervisors' names, read with the batch's
     * other statements. Each distinct supervisor is looked up once: a page of a Supervisor's hires names the
     * same one fifty times.
     */
    QueryBatch.Read<Proposed> proposedIdentities(QueryBatch batch, Collection<UUID> eventIds) {
        return batch.add(
                "WITH d AS (SELECT event_id, " + IdentityAttributeColumns.COLUMNS
                        + " FROM personnel_event_identity WHERE event_id = ANY(?)),"
                        + " s AS (SELECT id, last_name, first_name FROM identity"
                        + " WHERE id IN (SELECT supervisor_id FROM d))"
                        + " SELECT d.*, s.last_name AS supervisor_last_name, s.first_name AS supervisor_first_name"
                        + " FROM d LEFT JOIN s ON s.id = d.supervisor_id",
                (rs, n) -> {
                    String supervisorLast = rs.getString("supervisor_last_name");
                    return new Proposed(
                            uuid(rs, "event_id"),
                            IdentityAttributeColumns.read(rs),
                            supervisorLast == null
                                    ? null
                                    : IdentityService.displayName(
                                            supervisorLast, rs.getString("supervisor_first_name")));
                },
                com.personnelevents.db.Ids.array(eventIds));
    }

    void clearCustomField(int slot) {
        // The column comes from the fixed list of attributes; nothing of the caller's reaches the SQL.
        String column = IdentityAttribute.CUSTOM_FIELDS.get(slot - 1).column();
        jdbc.sql("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL".formatted("personnel_event_identity", column, column))
                .update();
    }

    /** The exact number of events the filter matches (see {@link EventCountsRepository#count}). */
    long count(EventFilter filter) {
        return counts.count(filter);
    }

    /**
     * The first page and the total, from one statement: one snapshot, one round trip. The page size is
     * written into the statement, not bound: PostgreSQL plans a bound {@code LIMIT} again on every call (it
     * cannot cost a generic plan for an unknown limit), and the unfiltered first page, without any other
     * parameter, keeps its plan once the driver has prepared it.
     */
    record FirstPage(List<EventRow> rows, long total) {}

    FirstPage firstPage(EventFilter filter) {
        Where where = filter.where();
        String found = "personnel_event" + where.clause();
        String count = counts.countQuery(filter, where);
        String with = "";
        if (filter.visibleTo() != null && postgres) {
            // What one person may see is at most some thousands of events: found once, then counted and
            // paged, where counting and paging each found them again (a third less time per page). With no
            // other condition the view's own sort keys are the answer, not looked up again in the order
            // index: at ten million events those thousand lookups were nine tenths of the statement. Not on
            // H2: it answers such a statement as if the view's other conditions were not there (a type
            // filter lost, VisibilityIT), so there the view is found for the count and the page separately.
            String view = filter.isViewOnly() ? "(" + EventFilter.VIEW + ") v" : found;
            with = "WITH m AS (SELECT id, needed_on, number FROM " + view + ") ";
            found = "m";
            count = "SELECT COUNT(*) FROM m";
        }
        List<long[]> total = new java.util.ArrayList<>();
        List<EventRow> rows = jdbc.sql(with + "SELECT e.*, (" + count + ") AS total_count"
                        + " FROM personnel_event e JOIN (SELECT id FROM " + found
                        + " ORDER BY needed_on DESC, number DESC LIMIT " + PageResponse.PAGE_SIZE + ") p ON p.id = e.id"
                        + " ORDER BY e.needed_on DESC, e.number DESC")
                .params(where.params())
                .query((rs, n) -> {
                    if (n == 0) {
                        total.add(new long[] {rs.getLong("total_count")});
                    }
                    return eventRow(rs, n);
                })
                .list();
        return new FirstPage(rows, total.isEmpty() ? 0 : total.get(0)[0]);
    }

    /**
     * One page, newest effective date first. The page's ids come first, from an index that holds them;
     * then only those rows are read. Past the first page, the kept counts per date say on which date the
     * page starts, so only that date's rows are skipped, not every row above the page.
     */
    List<EventRow> page(EventFilter filter, long offset) {
        Where where = filter.where();
        long skip = offset;
        if (offset > 0 && !filter.isNarrowed()) {
            Optional<EventCountsRepository.PageStart> start = counts.pageStart(filter, offset);
            if (start.isEmpty()) {
                return List.of();
            }
            where.and("needed_on <= :startsOn", "startsOn", start.get().neededOn());
            skip = offset - start.get().rowsBefore();
        }
        return jdbc.sql("SELECT e.* FROM personnel_event e JOIN (SELECT id FROM personnel_event" + where.clause()
                        + " ORDER BY needed_on DESC, number DESC LIMIT " + PageResponse.PAGE_SIZE
                        + " OFFSET :offset) p ON p.id = e.id ORDER BY e.needed_on DESC, e.number DESC")
                .params(where.params())
                .param("offset", skip)
                .query(PersonnelEventRepository::eventRow)
                .list();
    }

    /** The columns {@link #eventRow} reads. */
    static final String EVENT_COLUMNS =
            "id, number, type, status, identity_id, reporter_id, reporter_name, assignee_id,"
                    + " assignee_name, needed_on, needed_until, completed_on, created_at, snoozed_until, activity_head,"
                    + " comment_head, version";

    /** An identity's open events, oldest first. */
    private static final String OPEN_EVENTS = "SELECT " + EVENT_COLUMNS
            + " FROM personnel_event WHERE identity_id = ? AND status NOT IN " + EventStatus.TERMINAL_SQL
            + " ORDER BY number";

    static EventRow eventRow(ResultSet rs, int n) throws SQLException {
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
                new ChainHeads(rs.getString("activity_head"), rs.getString("comment_head")),
                rs.getLong("version"));
    }
}
