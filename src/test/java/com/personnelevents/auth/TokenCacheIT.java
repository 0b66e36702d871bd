package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.SecondInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * On PostgreSQL every instance keeps the tokens it has read, and forgets one the moment any instance, or
 * the jar's command line, changes it (LISTEN/NOTIFY): a revoked token is refused everywhere at once.
 */
@PostgresOnly
class TokenCacheIT extends ApiIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Test
    void a_token_revoked_on_one_instance_is_refused_by_another_that_had_cached_it() throws Exception {
        String admin = token("admin");
        String reader = token("events:read");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitCaching(other);
            assertThat(status(other.baseUrl(), reader)).isEqualTo(200); // read, and now cached there
            String id = tokenId(reader);

            assertThat(call(
                                    org.springframework.http.HttpMethod.DELETE,
                                    "/api/tokens/" + id,
                                    admin,
                                    null,
                                    java.util.Map.of())
                            .status())
                    .isEqualTo(204);

            assertThat(refusedWithin(other.baseUrl(), reader, Duration.ofSeconds(2)))
                    .isTrue();
        }
    }

    @Test
    void a_token_revoked_from_the_command_line_is_refused_by_the_running_instances() throws Exception {
        String reader = token("events:read");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitCaching(other);
            assertThat(status(other.baseUrl(), reader)).isEqualTo(200);

            CommandRun revoked = CommandRun.jar(
                    "token",
                    "revoke",
                    tokenId(reader),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + username);
            assertThat(revoked.exitCode()).as(revoked.err()).isZero();

            assertThat(refusedWithin(other.baseUrl(), reader, Duration.ofSeconds(2)))
                    .isTrue();
            assertThat(refusedWithin(baseUrl(), reader, Duration.ofSeconds(2))).isTrue();
        }
    }

    private static void awaitCaching(SecondInstance instance) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (!instance.bean(TokenCache.class).isCaching() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(instance.bean(TokenCache.class).isCaching()).isTrue();
    }

    private boolean refusedWithin(String base, String token, Duration limit) throws Exception {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (status(base, token) == 401) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static int status(String base, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/personnel-events"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String tokenId(String secret) {
        return get("/api/me", secret).text("tokenId");
    }
}
