package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database with an audit trail written before entries were chained: the migration chains it in the
 * order it was written, and the trail stays append-only. Runs on the suite's database (a schema of its own
 * on PostgreSQL, an in-memory one for H2).
 */
class AuditChainMigrationIT {

    private static final String SCHEMA = "chain_migration";

    private SingleConnectionDataSource dataSource;
    private boolean postgres;

    @BeforeEach
    void database() {
        String url = System.getProperty("spring.datasource.url", "");
        postgres = url.startsWith("jdbc:postgresql");
        dataSource = postgres
                ? new SingleConnectionDataSource(
                        url + "?currentSchema=" + SCHEMA, System.getProperty("spring.datasource.username"), "", true)
                : new SingleConnectionDataSource(
                        "jdbc:h2:mem:chain-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "sa",
                        "",
                        true);
    }

    @Test
    void chains_the_entries_written_before_the_chain_existed_and_checks_numbers_from_the_last_unbroken_run() {
        flyway("9").clean();
        flyway("9").migrate();
        try {
            migrateAndCheck();
        } finally {
            flyway(null).clean();
            dataSource.destroy();
        }
    }

    private void migrateAndCheck() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        event(jdbc, first, 1);
        event(jdbc, second, 2);
        event(jdbc, UUID.randomUUID(), 4); // 3 was a create the old sequence numbered, then rolled back
        OffsetDateTime at = OffsetDateTime.parse("2026-03-20T12:00:00.123456Z");
        for (UUID event : List.of(first, second, first)) {
            jdbc.sql("""
                            INSERT INTO event_activity (event_id, created_date, author, action, content)
                            VALUES (:event, :at, 'HR Integration', 'Created', 'Onboard event created via API')
                            """).param("event", event).param("at", at).update();
        }
        jdbc.sql("""
                        INSERT INTO event_comment (event_id, created_date, author, content)
                        VALUES (:event, :at, 'HR Integration', 'Starts Monday')
                        """).param("event", second).param("at", at).update();

        flyway(null).migrate();

        String one = AuditChain.next(
                AuditChain.start(first, "event_activity"),
                first,
                at.toInstant(),
                "HR Integration",
                "Created",
                "Onboard event created via API");
        String two = AuditChain.next(
                one, first, at.toInstant(), "HR Integration", "Created", "Onboard event created via API");
        assertThat(hashes(jdbc, "event_activity", first)).containsExactly(one, two);
        assertThat(hashes(jdbc, "event_comment", second))
                .containsExactly(AuditChain.next(
                        AuditChain.start(second, "event_comment"),
                        second,
                        at.toInstant(),
                        "HR Integration",
                        null,
                        "Starts Monday"));
        assertThat(jdbc.sql("SELECT gapless_from FROM personnel_event_number")
                        .query(Long.class)
                        .single())
                .as("the sequence's gap below is not a removed event")
                .isEqualTo(4);
        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE event_activity SET content = 'x'").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO event_comment (event_id, created_date, author, content)"
                                + " VALUES (:event, :at, 'x', 'unchained')")
                        .param("event", second)
                        .param("at", at)
                        .update())
                .as("an entry without its hash")
                .isInstanceOf(DataAccessException.class);
    }

    private Flyway flyway(String target) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .cleanDisabled(false)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + (postgres ? "postgresql" : "h2"),
                        "classpath:com/personnelevents/db/migration");
        if (postgres) {
            config.schemas(SCHEMA);
        }
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void event(JdbcClient jdbc, UUID id, long number) {
        jdbc.sql("""
                        INSERT INTO personnel_event (id, number, type, status, identity_id, reporter_id, reporter_name, needed_on,
                            created_at, version)
                        VALUES (:id, :number, 'Onboard', 'Scheduled', :id, :reporter, 'HR Integration', DATE '2026-04-01',
                            TIMESTAMP WITH TIME ZONE '2026-03-20 12:00:00+00', 0)
                        """)
                .param("id", id)
                .param("number", number)
                .param("reporter", UUID.randomUUID())
                .update();
    }

    private static List<String> hashes(JdbcClient jdbc, String table, UUID event) {
        return jdbc.sql("SELECT hash FROM " + table + " WHERE event_id = :event ORDER BY id")
                .param("event", event)
                .query(String.class)
                .list();
    }
}
