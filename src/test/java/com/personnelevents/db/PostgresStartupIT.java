package com.personnelevents.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApplicationProcess;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.PostgresOnly;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

/**
 * Starting on PostgreSQL with only its URL set: no H2 user comes along (the driver's default user, the
 * operating system's, is used), and a user the server refuses stops start-up with one line naming the
 * settings.
 */
@PostgresOnly
class PostgresStartupIT extends ApiIntegrationTest {

    @Value("${spring.datasource.url}")
    private String url;

    @TempDir
    Path temp;

    @Test
    void with_only_the_url_set_the_service_starts_without_any_h2_user() throws Exception {
        try (ApplicationProcess service = ApplicationProcess.start("postgres-url-only", url, null)) {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_user_the_server_refuses_stops_start_up_with_one_line_naming_the_settings() throws Exception {
        CommandRun run = ApplicationProcess.command(
                temp, temp, "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=sa");

        assertThat(run.exitCode()).isEqualTo(1);
        String output = run.out() + run.err();
        assertThat(output)
                .contains("refused user 'sa': role \"sa\" does not exist")
                .contains("SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD");
        assertThat(output).doesNotContain("\tat ").doesNotContain("Caused by");
    }
}
