package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Instants and ids read back as they were stored, from this database's driver, whatever the JVM's time
 * zone; on PostgreSQL both before and after the driver switches a repeated statement to binary transfer.
 */
class TimestampsIT extends ApiIntegrationTest {

    @Test
    void an_instant_and_an_id_read_back_as_stored_whatever_the_jvms_time_zone() {
        TimeZone before = TimeZone.getDefault();
        // a zone far from UTC, on the day its clocks go forward
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            Instant stored = Instant.parse("2026-03-29T01:30:00.123456Z");
            UUID id = UUID.randomUUID();
            for (int i = 0; i < 8; i++) { // the PostgreSQL driver prepares on the server from the fifth run
                List<Object> read = jdbc.sql("""
                                SELECT CAST(:at AS TIMESTAMP WITH TIME ZONE) AS at,
                                       CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS never,
                                       CAST(:id AS UUID) AS id,
                                       CAST(:text AS VARCHAR(36)) AS text_id
                                """)
                        .param("at", Timestamps.toDb(stored))
                        .param("id", id)
                        .param("text", id.toString())
                        .query((rs, n) -> Arrays.<Object>asList(
                                Timestamps.instant(rs, "at"),
                                Timestamps.instant(rs, "never"),
                                Timestamps.uuid(rs, "id"),
                                Timestamps.uuid(rs, "text_id")))
                        .single();
                assertThat(read).as("read %d", i + 1).containsExactly(stored, null, id, id);
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
