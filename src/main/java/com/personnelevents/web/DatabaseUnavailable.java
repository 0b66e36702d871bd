package com.personnelevents.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database (down, restarting, unreachable, out of connections, too slow)
 * from a bug: the first is a 503 {@code service_unavailable} with {@code Retry-After}, since the same
 * request can succeed shortly; the second stays a 500. Spring wraps the driver's exception in whatever
 * it was doing (opening a transaction, committing, running a query), so the whole cause chain is read.
 * A commit or rollback that failed in JDBC without being translated into a data error (Spring's
 * {@link TransactionSystemException} over an {@link SQLException}) is a lost connection too: after the
 * server dropped it, the pool has closed it ("Connection is closed", no SQLSTATE), and Spring throws that
 * instead of the original failure. Its outcome may be unknown, which is what a retry with the same
 * {@code Idempotency-Key} is for.
 */
final class DatabaseUnavailable {

    static final String CODE = "service_unavailable";
    static final String MESSAGE = "The service is temporarily unavailable; retry later";
    /** About the pool's connection timeout: long enough for a restarted database to come back. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed), 57P01..57P03 (the server is
     * shutting down, crashed or starting up) and 53300 (too many connections).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    static ResponseEntity<ErrorEnvelope> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.of(CODE, MESSAGE));
    }

    /** The innermost cause, for one log line instead of a stack trace per request during an outage. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName()
                + (root instanceof SQLException sql && sql.getSQLState() != null
                        ? " SQLState " + sql.getSQLState()
                        : "");
    }
}
