package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The shapes in which a database outage reaches the web layer, as Spring and the drivers wrap it. */
class DatabaseUnavailableTest {

    @Test
    void the_pool_timing_out_while_opening_a_transaction_is_unavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out after 5000ms"))))
                .isTrue();
    }

    @Test
    void a_connection_broken_during_a_rollback_is_unavailable() {
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException(
                        "Could not roll back JDBC transaction",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .isTrue();
    }

    @Test
    void a_commit_or_rollback_failing_on_a_connection_the_pool_closed_is_unavailable() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException(
                "PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseUnavailable.causedBy(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new TransactionSystemException("JDBC commit failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void a_transaction_failure_outside_jdbc_is_not_unavailability() {
        assertThat(DatabaseUnavailable.causedBy(
                        new TransactionSystemException("Could not commit", new IllegalStateException("bug"))))
                .isFalse();
    }

    @Test
    void the_server_shutting_down_or_starting_up_is_unavailable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300", "08001", "08003"}) {
            assertThat(DatabaseUnavailable.causedBy(
                            new UncategorizedSQLException("update", "UPDATE t", new SQLException("gone", state))))
                    .as(state)
                    .isTrue();
        }
    }

    @Test
    void bugs_and_constraint_violations_are_not_unavailability() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("duplicate")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new BadSqlGrammarException(
                        "select", "SELECT nope", new SQLException("relation does not exist", "42P01"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException(
                        "insert", "INSERT", new SQLException("unique violation", "23505"))))
                .isFalse();
    }

    @Test
    void the_answer_is_a_503_envelope_with_retry_after() {
        var response = DatabaseUnavailable.response();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().error()).isEqualTo("service_unavailable");
    }
}
