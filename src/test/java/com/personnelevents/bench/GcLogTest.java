package com.personnelevents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final List<String> LOG = List.of(
            "[2026-11-23T20:05:52.318+0000][0.003s] Using G1",
            "[2026-11-23T20:05:52.349+0000][0.034s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(256M) 4.082ms",
            "[2026-11-23T20:06:10.000+0000][18.0s] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->31M(256M) 2.1ms",
            "[2026-11-23T20:06:10.200+0000][18.2s] GC(2) Pause Remark 40M->40M(256M) 1.0ms",
            "[2026-11-23T20:06:40.000+0000][48.0s] GC(3) Pause Young (Mixed) (G1 Evacuation Pause) 120M->25M(256M) 3.0ms",
            "[2026-11-23T20:07:00.000+0000][68.0s] GC(4) Pause Full (G1 Compaction Pause) 250M->180M(256M) 90.0ms");

    @Test
    void reads_the_heap_left_after_each_pause_that_collects() {
        List<GcLog.Collection> collections = GcLog.parse(LOG);

        assertThat(collections).extracting(GcLog.Collection::afterMb).containsExactly(20L, 31L, 25L, 180L);
        assertThat(collections.get(3).kind()).startsWith("Pause Full");
        assertThat(collections.get(0).at()).isEqualTo(Instant.parse("2026-11-23T20:05:52.349Z"));
    }

    @Test
    void gives_each_minute_of_the_window_its_lowest_and_highest_heap_after_collection() {
        List<GcLog.Minute> minutes = GcLog.byMinute(
                GcLog.parse(LOG), Instant.parse("2026-11-23T20:06:00Z"), Instant.parse("2026-11-23T20:08:00Z"));

        assertThat(minutes)
                .containsExactly(new GcLog.Minute(1, 2, 25, 31, 0, -1), new GcLog.Minute(2, 1, 180, 180, 1, 180));
    }
}
