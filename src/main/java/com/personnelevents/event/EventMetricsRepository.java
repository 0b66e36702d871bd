package com.personnelevents.event;

import com.personnelevents.workflow.EventStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the operator's metrics read: the kept counts and two index-range questions, never a table scan. */
@Repository
class EventMetricsRepository {

    private final JdbcClient jdbc;

    EventMetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events per "type status" (the list filter's type spelling), from the kept counts. */
    Map<String, Long> countsByTypeAndStatus() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT type, status, SUM(n) AS n FROM personnel_event_count GROUP BY type, status")
                .query(rs -> {
                    counts.put(rs.getString("type") + " " + rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Events past their effective date still awaiting approval or their access changes ({@link
     * EventStatus#AWAITING}, the taskboards' "overdue"), per type. The status index's range holds the few
     * awaiting events; completed ones are not visited.
     */
    Map<String, Long> overdueByType(LocalDate today) {
        Map<String, Long> overdue = new HashMap<>();
        jdbc.sql("""
                        SELECT type, COUNT(*) AS n FROM personnel_event
                         WHERE status IN (:statuses) AND needed_on < :today
                         GROUP BY type
                        """)
                .param("statuses", EventStatus.AWAITING.stream().map(Enum::name).toList())
                .param("today", today)
                .query(rs -> {
                    overdue.put(rs.getString("type"), rs.getLong("n"));
                });
        return overdue;
    }

    /** The day of the oldest scheduled step that is due by {@code today} and not yet taken. */
    Optional<LocalDate> oldestDueStep(LocalDate today) {
        return jdbc.sql("""
                        SELECT next_due_on FROM personnel_event WHERE next_due_on <= :today
                         ORDER BY next_due_on LIMIT 1
                        """).param("today", today).query(LocalDate.class).optional();
    }
}
