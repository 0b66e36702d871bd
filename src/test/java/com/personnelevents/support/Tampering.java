package com.personnelevents.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the append-only trails (event_activity, event_comment, admin_activity) that their triggers
 * would refuse, made around them as a database superuser could. Tests put back what they changed: all
 * ITs share one database.
 */
public final class Tampering {

    private static final java.util.List<String> TRAILS = java.util.List.of("event_comment", "admin_activity");

    private Tampering() {}

    public static void tamper(JdbcClient jdbc, PlatformTransactionManager transactions, String url, String sql) {
        String table = TRAILS.stream().filter(sql::contains).findFirst().orElse("event_activity");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            if (url.startsWith("jdbc:postgresql")) {
                jdbc.sql("SET LOCAL session_replication_role = replica").update();
                jdbc.sql(sql).update();
            } else {
                jdbc.sql("DROP TRIGGER " + table + "_append_only").update();
                jdbc.sql(sql).update();
                jdbc.sql("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                                + " FOR EACH ROW CALL 'com.personnelevents.db.AppendOnlyTrigger'")
                        .update();
            }
        });
    }
}
