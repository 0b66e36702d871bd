package com.personnelevents.event;

import static com.personnelevents.db.Timestamps.date;

import com.personnelevents.db.Databases;
import com.personnelevents.db.Where;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept counts of events, by type and status in total and on each effective date, updated in the
 * transactions that create and move events: the list's exact totals without counting rows, and where a
 * deep page starts without skipping the rows above it.
 */
@Repository
class EventCountsRepository {

    static final int COUNT_STRIPES = 16;
    private static final int FIRST_DATES_READ = 100;

    private final JdbcClient jdbc;
    private final boolean postgres;

    EventCountsRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The effective date of the row at {@code offset}, and how many rows have later dates. */
    record PageStart(LocalDate neededOn, long rowsBefore) {}

    /**
     * Adds up the kept counts from the newest date down until they pass {@code offset}; empty when the
     * filter has no more rows than that. Reads a hundred dates first, then four times as many each
     * time, each batch in the primary key's order: a page near the top reads few counts.
     */
    Optional<PageStart> pageStart(EventFilter filter, long offset) {
        long before = 0;
        LocalDate below = null;
        for (int dates = FIRST_DATES_READ; ; dates *= 4) {
            Where where = filter.where().and("needed_on < :below", "below", below);
            List<DateCount> counts = jdbc.sql("SELECT needed_on, SUM(n) AS n FROM personnel_event_day_count"
                            + where.clause() + " GROUP BY needed_on ORDER BY needed_on DESC LIMIT " + dates)
                    .params(where.params())
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
        Where where = filter.where();
        return jdbc.sql(countQuery(filter, where))
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * The query that counts what the filter matches, with its parameters in {@code where}: kept counts, or the
     * rows themselves when the filter narrows further than the kept counts know.
     */
    String countQuery(EventFilter filter, Where where) {
        return filter.isNarrowed()
                ? "SELECT COUNT(*) FROM personnel_event" + where.clause()
                : "SELECT COALESCE(SUM(n), 0) FROM personnel_event_count" + where.clause();
    }

    /**
     * Keeps the counts of the event's type and status, in total and on its effective date (which moves
     * only when the event is rescheduled: the caller then takes it from the old date and adds it to the
     * new), each in a random stripe.
     */
    void adjust(EventType type, EventStatus status, LocalDate neededOn, int delta) {
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
}
