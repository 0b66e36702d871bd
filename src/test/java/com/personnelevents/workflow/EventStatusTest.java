package com.personnelevents.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventStatusTest {

    @Test
    void awaiting_is_approval_or_access_changes_and_nothing_else() {
        assertThat(EventStatus.AWAITING).containsExactly(EventStatus.Pending, EventStatus.Open);
        assertThat(EventStatus.AWAITING_SQL).isEqualTo("('Pending', 'Open')");
        assertThat(EventStatus.TERMINAL_SQL).isEqualTo("('Completed', 'Canceled')");
    }

    /**
     * PostgreSQL uses a partial index only for a statement whose condition implies the index's predicate,
     * so the queues that are written with these lists and the indexes of open events (V19) must agree
     * word for word: with a status added to one side only, the queue would still answer right and read
     * every past event again.
     */
    @Test
    void the_open_event_indexes_are_written_with_the_lists_the_queues_use() throws IOException {
        String migration = resource("db/migration/postgresql/V19__open_events_indexes.sql");

        assertThat(migration)
                .contains("WHERE status IN " + EventStatus.AWAITING_SQL + ";")
                .contains("WHERE status NOT IN " + EventStatus.TERMINAL_SQL + ";");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EventStatusTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
