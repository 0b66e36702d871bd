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
            UUID event = null;
            String previous = null;
            try (ResultSet rows = read.executeQuery("SELECT id, event_id, created_date, author, " + action
                    + " AS action, content FROM " + table + " ORDER BY event_id, id")) {
                while (rows.next()) {
                    UUID eventId = rows.getObject("event_id", UUID.class);
                    if (!eventId.equals(event)) {
                        event = eventId;
                        previous = AuditChain.start(eventId, table);
                    }
                    previous = AuditChain.next(
                            previous,
                            eventId,
                            rows.getObject("created_date", OffsetDateTime.class).toInstant(),
                            rows.getString("author"),
                            rows.getString("action"),
                            rows.getString("content"));
                    update.setString(1, previous);
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
