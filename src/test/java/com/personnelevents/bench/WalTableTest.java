package com.personnelevents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalTableTest {

    private static LoadRun.Result result(String scenario, String side, Double walBytes) {
        return new LoadRun.Result(scenario, side, 8, 100, 0, 50, 1, 2, null, walBytes);
    }

    @Test
    void gives_each_create_the_api_sides_then_the_floors_kilobytes_of_wal_and_leaves_out_the_reads() {
        String table = Benchmark.walTable(
                List.of(
                        result("list page 1", "api", null),
                        result("list page 1", "jdbc", null),
                        result("create onboard", "api", 20480.0),
                        result("create onboard", "jdbc", 10240.0)),
                true);

        assertThat(table)
                .contains("each side started from a checkpoint", "| create onboard | 8 | 20.0 | 10.0 |")
                .doesNotContain("list page 1");
    }

    @Test
    void is_empty_without_a_create() {
        assertThat(Benchmark.walTable(
                        List.of(result("get by id", "api", null), result("get by id", "jdbc", null)), true))
                .isEmpty();
    }
}
