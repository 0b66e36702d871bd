package com.personnelevents.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        // enough people that no pool of the run (Benchmark.sample) gives anyone a second offboarding
        givenIdentities(500);
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

        List<LoadRun.Result> results;
        // this JVM is the service here (and the driver: its CPU is counted in both columns)
        System.setProperty(
                "bench.servicepid", Long.toString(ProcessHandle.current().pid()));
        try {
            results = benchmark.run();
        } finally {
            System.clearProperty("bench.servicepid");
        }
        Path report = dir.resolve("report.md");
        // This JVM is the service here; it logs its collections (failsafe's argLine) as bench/run.sh has the
        // service log them. A full collection during the soak is what the report reads the live data from.
        Path gcLog = Path.of(System.getProperty("bench.it.gclog", "target/it-gc.log"));
        ScheduledExecutorService collector = Executors.newSingleThreadScheduledExecutor();
        collector.schedule(System::gc, 500, TimeUnit.MILLISECONDS);
        String memory;
        try {
            memory = benchmark.soak(Duration.ofMillis(1500), gcLog);
        } finally {
            collector.shutdownNow();
        }
        benchmark.writeReport(report, "test", results, memory);

        assertThat(results).hasSize(2 * (Benchmark.CREATE_TYPES.length + 6 + 1));
        assertThat(results).allSatisfy(result -> assertThat(result.requests()).isPositive());
        assertThat(results)
                .as("failures: %s", benchmark.failures())
                .allSatisfy(result -> assertThat(result.errors()).isZero());
        String markdown = Files.readString(report);
        assertThat(markdown).contains("| create onboard | 2 |", "| list page 1000 | 8 |", "| get by id | 8 |");
        assertThat(markdown).contains("## Memory over 0 minutes", " 0 errors");
        if (url.startsWith("jdbc:postgresql:")) {
            Matcher wal = Pattern.compile("(?m)^\\| create onboard \\| 2 \\| (\\d+\\.\\d+) \\| (\\d+\\.\\d+) \\|$")
                    .matcher(markdown);
            assertThat(wal.find()).as(markdown).isTrue();
            assertThat(Double.parseDouble(wal.group(1)))
                    .as("kB of WAL an onboarding wrote")
                    .isPositive();
            assertThat(Double.parseDouble(wal.group(2)))
                    .as("kB of WAL the floor's onboarding wrote")
                    .isPositive();
        }
        Matcher cpu = Pattern.compile("(?m)^\\| list page 1 \\| 8 \\| (\\d+\\.\\d+) \\|")
                .matcher(markdown);
        assertThat(cpu.find()).as(markdown).isTrue();
        assertThat(Double.parseDouble(cpu.group(1)))
                .as("the service's CPU per list request, in ms")
                .isPositive();
        Matcher minute = Pattern.compile("(?m)^\\| 1 \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|")
                .matcher(markdown);
        assertThat(minute.find()).as(markdown).isTrue();
        assertThat(Integer.parseInt(minute.group(4)))
                .as("full collections in the soak's minute")
                .isPositive();
        long live = Long.parseLong(minute.group(5));
        assertThat(live)
                .as("live data after the full collection, in MB, within this JVM's heap")
                .isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
