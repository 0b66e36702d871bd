package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.instant;
import static com.personnelevents.db.Timestamps.uuid;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Reads the whole audit trail in chain order, row by row, for its verification. */
@Repository
class AuditTrailRepository {

    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;

    AuditTrailRepository(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** Every entry of one chain ({@code event_activity} or {@code event_comment}), of one event or all. */
    void forEachEntry(String chain, UUID eventId, Consumer<ChainEntry> entries) {
        String action = chain.equals(PersonnelEventRepository.ACTIVITY_CHAIN) ? "action" : "NULL";
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
