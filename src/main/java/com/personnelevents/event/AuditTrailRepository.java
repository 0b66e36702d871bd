package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.toDb;
import static com.personnelevents.db.Timestamps.uuid;

import com.personnelevents.db.AuditChain;
import java.time.Instant;
import java.util.List;
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
            INSERT INTO event_activity (event_id, created_date, author, action, content, hash)
            VALUES (:eventId, :createdDate, :author, :action, :content, :hash)
            """;
    private static final String INSERT_COMMENT = """
            INSERT INTO event_comment (event_id, created_date, author, content, hash)
            VALUES (:eventId, :createdDate, :author, :content, :hash)
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
     * Stores activity and comments of an event: the audit trail only grows, each entry chained to the one
     * before it ({@link AuditChain}); a new event's chains start from its id, an existing event's continue
     * from their last entry. The caller holds the event's row lock, so that two transactions cannot both
     * append to the same entry.
     */
    void append(UUID eventId, List<Activity> activity, List<Comment> comments, boolean newEvent) {
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
            writer.sql(chain.equals(ACTIVITY_CHAIN) ? INSERT_ACTIVITY : INSERT_COMMENT)
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

    /** The hash of the last entry of one of an event's chains; null when the chain is empty. */
    private String head(String chain, UUID eventId) {
        return writer.sql("SELECT hash FROM " + chain + " WHERE event_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", eventId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Every entry of one chain ({@code event_activity} or {@code event_comment}), of one event or all. */
    void forEachEntry(String chain, UUID eventId, Consumer<ChainEntry> entries) {
        String action = chain.equals(ACTIVITY_CHAIN) ? "action" : "NULL";
        String sql = "SELECT id, event_id, created_date, author, " + action + " AS action, content, hash FROM " + chain
                + (eventId == null ? "" : " WHERE event_id = ?") + " ORDER BY event_id, id";
        Object[] args = eventId == null ? new Object[0] : new Object[] {eventId};
        jdbc.query(
                sql,
                (RowCallbackHandler) rs -> {
                    entries.accept(new ChainEntry(
                            uuid(rs, "event_id"),
                            rs.getLong("id"),
                            instant(rs, "created_date"),
                            rs.getString("author"),
                            rs.getString("action"),
                            rs.getString("content"),
                            rs.getString("hash")));
                },
                args);
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
            UUID eventId, long id, Instant createdDate, String author, String action, String content, String hash) {}
}
