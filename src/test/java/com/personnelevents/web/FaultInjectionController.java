package com.personnelevents.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail the way a bug would, so the fault path can be observed over HTTP. */
@Hidden
@RestController
@Profile("test")
class FaultInjectionController {

    static final String SECRET = "jdbc:postgresql://internal-db:5432 password=hunter2";

    private final JdbcClient jdbc;

    FaultInjectionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/test-faults/boom")
    String boom() {
        throw new IllegalStateException("Simulated bug leaking " + SECRET);
    }

    @PostMapping("/api/personnel-events/test-fault")
    String createFault() {
        throw new IllegalStateException("Simulated create bug leaking " + SECRET);
    }

    /**
     * A statement the database refuses for the value it was given, as a bug in a query would: the
     * database's message quotes the value and the driver's names the statement.
     */
    @PostMapping("/api/test-faults/database")
    Integer databaseRefuses(@RequestBody Map<String, String> body) {
        return jdbc.sql("SELECT CAST(:value AS INTEGER) FROM api_token")
                .param("value", body.get("value"))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** A database that cannot be reached (nothing listens on port 1). */
    @GetMapping("/api/test-faults/database-down")
    Integer databaseDown() {
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/personnel?connectTimeout=2", "app", "s3cret");
        return JdbcClient.create(unreachable)
                .sql("SELECT 1")
                .query(Integer.class)
                .single();
    }

    /** What a create gets when PostgreSQL is down: the pool gives up after its connection timeout. */
    @PostMapping("/api/personnel-events/test-fault-database-down")
    String createWhileDatabaseDown() {
        throw new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 5000ms " + SECRET));
    }

    /** What a transaction gets when the database picks it to end a deadlock. */
    @PostMapping("/api/test-faults/deadlock")
    String deadlock() {
        throw new org.springframework.dao.CannotAcquireLockException(
                "ERROR: deadlock detected " + SECRET, new java.sql.SQLException("deadlock detected", "40P01"));
    }
}
