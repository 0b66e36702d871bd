package com.personnelevents.db.migration;

import com.personnelevents.db.AuditChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each audit-trail entry gets a hash chained to the entry before it ({@link AuditChain}). Entries written
 * before this version are chained here, in the order they were written, with the append-only trigger
 * lifted for this migration only; from then on the application chains every entry it writes.
 */
public class V10__Chain_the_audit_trail extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        chain(connection, postgres, "event_activity", "action");
        chain(connection, postgres, "event_comment", "NULL");
    }

    private static void chain(Connection connection, boolean postgres, String table, String action)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ADD COLUMN hash VARCHAR(64)");
            String trigger = table + "_append_only";
            statement.execute(
                    postgres ? "ALTER TABLE " + table + " DISABLE TRIGGER " + trigger : "DROP TRIGGER " + trigger);
            chainExisting(connection, table, action);
            statement.execute(
                    postgres
                            ? "ALTER TABLE " + table + " ENABLE TRIGGER " + trigger
                            : "CREATE TRIGGER " + trigger + " BEFORE UPDATE, DELETE ON " + table
                                    + " FOR EACH ROW CALL 'com.personnelevents.db.AppendOnlyTrigger'");
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN hash SET NOT NULL");
        }
    }

    private static void chainExisting(Connection connection, String table, String action) throws SQLException {
        try (Statement read = connection.createStatement();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE " + table + " SET hash = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            AuditChain.Walk walk = new AuditChain.Walk(table);
            try (ResultSet rows = read.executeQuery("SELECT id, event_id, created_date, author, " + action
                    + " AS action, content FROM " + table + " ORDER BY event_id, id")) {
                while (rows.next()) {
                    String hash = walk.expected(
                            rows.getObject("event_id", UUID.class),
                            rows.getObject("created_date", OffsetDateTime.class).toInstant(),
                            rows.getString("author"),
                            rows.getString("action"),
                            rows.getString("content"));
                    walk.passed(hash);
                    update.setString(1, hash);
                    update.setLong(2, rows.getLong("id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
