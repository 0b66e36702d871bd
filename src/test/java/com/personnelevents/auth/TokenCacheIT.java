package com.personnelevents.auth;

import static com.personnelevents.auth.CacheChecks.awaitListening;
import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.SecondInstance;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * On PostgreSQL every instance keeps the tokens it has read, and forgets one the moment any instance, or
 * the jar's command line, changes it (LISTEN/NOTIFY): a revoked token is refused everywhere at once.
 */
@PostgresOnly
class TokenCacheIT extends ApiIntegrationTest {

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Test
    void a_token_revoked_on_one_instance_is_refused_by_another_that_had_cached_it() throws Exception {
        String admin = token("admin");
        String reader = token("events:read");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitListening(other);
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
            awaitListening(other);
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

    private boolean refusedWithin(String base, String token, Duration limit) throws Exception {
        return CacheChecks.within(limit, () -> status(base, token) == 401);
    }

    private static int status(String base, String token) {
        return CacheChecks.get(base, "/api/personnel-events", token).statusCode();
    }

    private String tokenId(String secret) {
        return get("/api/me", secret).text("tokenId");
    }
}
