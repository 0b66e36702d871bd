package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApplicationProcess;
import com.personnelevents.support.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service whose database cannot be used stops at once with one line saying which setting to fix. */
class DatabaseStartupIT extends ApiIntegrationTest {

    @TempDir
    Path temp;

    @Test
    void a_service_pointed_at_an_unreachable_database_stops_with_one_line_and_no_stack_trace() throws Exception {
        CommandRun run = ApplicationProcess.command(
                temp,
                temp,
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/personnel?connectTimeout=2",
                "--spring.datasource.password=s3cret");

        assertThat(run.exitCode()).isEqualTo(1);
        String output = run.out() + run.err();
        assertThat(output)
                .contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/personnel: ")
                .contains("points at it");
        assertThat(output).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("s3cret");
    }
}
