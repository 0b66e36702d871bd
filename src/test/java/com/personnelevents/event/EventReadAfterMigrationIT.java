package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event is read together with what it holds (one statement of several parts on PostgreSQL), and that
 * statement is prepared on the server after a few runs. A migration that adds a column to one of its tables,
 * run while the service is up (a rolling deploy), must not fail the next read on a connection that prepared it:
 * the driver re-prepares a single statement whose result changed, but never retries one of several parts.
 */
class EventReadAfterMigrationIT extends ApiIntegrationTest {

    private static final List<String> TABLES =
            List.of("personnel_event", "event_stage", "stage_response", "personnel_event_identity");

    @Autowired
    private PersonnelEventRepository events;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void an_event_read_on_a_connection_that_prepared_it_still_reads_after_a_column_is_added() throws Exception {
        ApiResponse created = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(12));
        UUID id = UUID.fromString(created.text("id"));
        // no transaction, one connection for the whole callback: each read commits, as a get does
        TransactionTemplate oneConnection = new TransactionTemplate(transactions);
        oneConnection.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        try {
            PersonnelEvent after = oneConnection.execute(status -> {
                for (int i = 0; i < 8; i++) { // the driver prepares on the server from the fifth run
                    assertThat(events.findById(id)).isPresent();
                }
                ddl(TABLES.stream()
                        .map(table -> "ALTER TABLE " + table + " ADD COLUMN migration_probe INTEGER")
                        .toList());
                return events.findById(id).orElseThrow();
            });

            assertThat(after.id()).isEqualTo(id);
            assertThat(after.identityData()).isNotNull();
            assertThat(get("/api/personnel-events/" + id, token("events:read")).body())
                    .isEqualTo(created.body());
        } finally {
            ddl(TABLES.stream()
                    .map(table -> "ALTER TABLE " + table + " DROP COLUMN IF EXISTS migration_probe")
                    .toList());
        }
    }

    /** Schema changes from a connection of their own, as a migration of another instance would make them. */
    private void ddl(List<String> statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
