package com.personnelevents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The benchmark, tiny: every scenario runs for a moment against this test's server and database, and
 * the report comes out with a row per scenario. The real run is bench/run.sh.
 */
class BenchmarkSmokeIT extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Test
    void runs_every_scenario_against_the_api_and_the_floor_and_writes_the_report(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 20; i++) {
            givenIdentity("Bench", "Smoke" + i);
        }
        post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest());
        Benchmark benchmark = new Benchmark(
                URI.create("http://localhost:" + port),
                token("admin"),
                url,
                username,
                "",
                Duration.ZERO,
                Duration.ofMillis(150),
                new int[] {2});

        List<LoadRun.Result> results = benchmark.run();
        Path report = dir.resolve("report.md");
        Path gcLog = dir.resolve("gc.log");
        Files.writeString(
                gcLog,
                "[" + OffsetDateTime.now().plusSeconds(1).format(GcLog.TIME)
                        + "][9.0s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 99M->42M(256M) 1.0ms\n");
        String memory = benchmark.soak(Duration.ofMillis(1500), gcLog);
        benchmark.writeReport(report, "test", results, memory);

        assertThat(results).hasSize(2 * (Benchmark.CREATE_TYPES.length + 6 + 1));
        assertThat(results).allSatisfy(result -> assertThat(result.requests()).isPositive());
        assertThat(results)
                .as("failures: %s", benchmark.failures())
                .allSatisfy(result -> assertThat(result.errors()).isZero());
        String markdown = Files.readString(report);
        assertThat(markdown).contains("| create onboard | 2 |", "| list page 1000 | 8 |", "| get by id | 8 |");
        assertThat(markdown).contains("## Memory over 0 minutes", " 0 errors", "| 1 | 1 | 42 | 42 | 0 |  |");
    }
}
