package com.personnelevents.web;

import java.sql.SQLTransientConnectionException;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail the way a bug would, so the fault path can be observed over HTTP. */
@RestController
@Profile("test")
class FaultInjectionController {

    static final String SECRET = "jdbc:postgresql://internal-db:5432 password=hunter2";

    @GetMapping("/api/test-faults/boom")
    String boom() {
        throw new IllegalStateException("Simulated bug leaking " + SECRET);
    }

    @PostMapping("/api/personnel-events/test-fault")
    String createFault() {
        throw new IllegalStateException("Simulated create bug leaking " + SECRET);
    }

    @GetMapping("/api/test-faults/database-down")
    String databaseDown() {
        throw poolTimedOut();
    }

    @PostMapping("/api/personnel-events/test-fault-database-down")
    String createWhileDatabaseDown() {
        throw poolTimedOut();
    }

    /** What a request gets when PostgreSQL is down: the pool gives up after its connection timeout. */
    private static CannotCreateTransactionException poolTimedOut() {
        return new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 5000ms " + SECRET));
    }
}
