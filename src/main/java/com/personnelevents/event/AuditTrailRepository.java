package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.AuditChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events' audit trails: appended to, each entry chained to the one before it, and read whole in chain
 * order, row by row, for their verification.
 */
@Repository
class AuditTrailRepository {

    static final String ACTIVITY_CHAIN = "event_activity";
    static final String COMMENT_CHAIN = "event_comment";
    private static final String INSERT_ACTIVITY = """
            INSERT INTO event_activity (event_id, created_date, author, author_id, action, content, changes, hash)
            VALUES (:eventId, :createdDate, :author, :authorId, :action, :content, :changes, :hash)
            """;
    private static final String INSERT_COMMENT = """
            INSERT INTO event_comment (event_id, created_date, author, author_id, content, hash)
            VALUES (:eventId, :createdDate, :author, :authorId, :content, :hash)
            """;
    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final JdbcClient writer;

    AuditTrailRepository(JdbcTemplate jdbc, JdbcClient writer) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.writer = writer;
    }

    /**
     * The entries of one step of an event, each chained to the one before it ({@link AuditChain}), the
     * first to the event's head (or its chain's start): nothing is written yet. The step's {@code changes}
     * (the states it changed, {@link com.personnelevents.db.AuditRecords}) go with its last activity entry.
     * The caller holds the event's row lock, so that two transactions cannot both follow the same head.
     */
    Chained chain(UUID eventId, ChainHeads heads, List<Activity> activity, List<Comment> comments, String changes) {
        List<Row> activityRows = new ArrayList<>();
        String previous = heads.activity() == null ? AuditChain.start(eventId, ACTIVITY_CHAIN) : heads.activity();
        for (int i = 0; i < activity.size(); i++) {
            Activity a = activity.get(i);
            String recorded = i == activity.size() - 1 ? changes : null;
            Instant at = a.createdDate().truncatedTo(AuditChain.PRECISION);
            String hash =
                    AuditChain.next(previous, eventId, at, a.author(), a.authorId(), a.action(), a.content(), recorded);
            activityRows.add(new Row(at, a.author(), a.authorId(), a.action(), a.content(), recorded, hash));
            previous = hash;
        }
        String activityHead = activity.isEmpty() ? heads.activity() : previous;
        List<Row> commentRows = new ArrayList<>();
        previous = heads.comments() == null ? AuditChain.start(eventId, COMMENT_CHAIN) : heads.comments();
        for (Comment c : comments) {
            Instant at = c.createdDate().truncatedTo(AuditChain.PRECISION);
            String hash = AuditChain.next(previous, eventId, at, c.author(), c.authorId(), null, c.content(), null);
            commentRows.add(new Row(at, c.author(), c.authorId(), null, c.content(), null, hash));
            previous = hash;
        }
        String commentHead = comments.isEmpty() ? heads.comments() : previous;
        return new Chained(eventId, activityRows, commentRows, new ChainHeads(activityHead, commentHead));
    }

    /** Appends the chained entries: the audit trail only grows. */
    void write(Chained chained) {
        for (Row row : chained.activity()) {
            writer.sql(INSERT_ACTIVITY)
                    .param("eventId", chained.eventId())
                    .param("createdDate", toDb(row.createdDate()))
                    .param("author", row.author())
                    .param("authorId", row.authorId())
                    .param("action", row.action())
                    .param("content", row.content())
                    .param("changes", row.changes())
                    .param("hash", row.hash())
                    .update();
        }
        for (Row row : chained.comments()) {
            writer.sql(INSERT_COMMENT)
                    .param("eventId", chained.eventId())
                    .param("createdDate", toDb(row.createdDate()))
                    .param("author", row.author())
                    .param("authorId", row.authorId())
                    .param("content", row.content())
                    .param("hash", row.hash())
                    .update();
        }
    }

    /** One step's entries, hashed, and the heads they lead to. */
    record Chained(UUID eventId, List<Row> activity, List<Row> comments, ChainHeads heads) {}

    /** An entry as stored (a comment has no action and no changes). */
    record Row(
            Instant createdDate,
            String author,
            UUID authorId,
            String action,
            String content,
            String changes,
            String hash) {}

    /**
     * The entries of one chain ({@code event_activity} or {@code event_comment}) of these events, each
     * event's in the order they were written.
     */
    Map<UUID, List<ChainEntry>> entries(String chain, Collection<UUID> eventIds) {
        Map<UUID, List<ChainEntry>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        String extra = chain.equals(ACTIVITY_CHAIN) ? "action, changes" : "NULL AS action, NULL AS changes";
        writer.sql("SELECT id, event_id, created_date, author, author_id, " + extra + ", content, hash FROM " + chain
                        + " WHERE event_id = ANY(:ids) ORDER BY event_id, id")
                .param("ids", com.personnelevents.db.Ids.array(eventIds))
                .query((RowCallbackHandler) rs -> byEvent.computeIfAbsent(uuid(rs, "event_id"), k -> new ArrayList<>())
                        .add(new ChainEntry(
                                uuid(rs, "event_id"),
                                rs.getLong("id"),
                                instant(rs, "created_date"),
                                rs.getString("author"),
                                uuid(rs, "author_id"),
                                rs.getString("action"),
                                rs.getString("content"),
                                rs.getString("changes"),
                                rs.getString("hash"))));
        return byEvent;
    }

    /** The events to verify: the one, or the next {@code limit} numbered above {@code after}. */
    List<EventRow> eventsToVerify(UUID eventId, long after, int limit) {
        return eventId != null
                ? writer.sql("SELECT * FROM personnel_event WHERE id = :id")
                        .param("id", eventId)
                        .query(PersonnelEventRepository::eventRow)
                        .list()
                : writer.sql("SELECT * FROM personnel_event WHERE number > :after ORDER BY number LIMIT :limit")
                        .param("after", after)
                        .param("limit", limit)
                        .query(PersonnelEventRepository::eventRow)
                        .list();
    }

    /** Every event number in order (all events, or the one event). */
    void forEachNumber(UUID eventId, LongConsumer numbers) {
        String sql =
                "SELECT number FROM personnel_event" + (eventId == null ? "" : " WHERE id = ?") + " ORDER BY number";
        Object[] args = eventId == null ? new Object[0] : new Object[] {eventId};
        jdbc.query(sql, (RowCallbackHandler) rs -> numbers.accept(rs.getLong(1)), args);
    }

    /**
     * The last number handed out (events numbered above the last stored one were removed), and the first
     * of the gapless ones (a database numbered by a sequence before has gaps below it).
     */
    Numbering numbering() {
        return jdbc.queryForObject(
                "SELECT last_number, gapless_from FROM personnel_event_number",
                (rs, n) -> new Numbering(rs.getLong("last_number"), rs.getLong("gapless_from")));
    }

    record Numbering(long last, long gaplessFrom) {}

    /** Events without a single activity entry: their whole trail was removed. */
    void forEachEventWithoutActivity(UUID eventId, Consumer<UUID> events) {
        String sql = "SELECT p.id FROM personnel_event p WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_activity a WHERE a.event_id = p.id)" + (eventId == null ? "" : " AND p.id = ?");
        Object[] args = eventId == null ? new Object[0] : new Object[] {eventId};
        jdbc.query(sql, (RowCallbackHandler) rs -> events.accept(uuid(rs, "id")), args);
    }

    record ChainEntry(
            UUID eventId,
            long id,
            Instant createdDate,
            String author,
            UUID authorId,
            String action,
            String content,
            String changes,
            String hash) {}
}
