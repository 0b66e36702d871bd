package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.CommandRun;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.SecondInstance;
import com.personnelevents.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * On PostgreSQL every instance keeps each person's accounts and groups as it last read them, and forgets them
 * the moment any instance, or the jar's command line, changes one of those accounts (LISTEN/NOTIFY): a
 * change of groups or a disabled account takes effect everywhere at once.
 */
@PostgresOnly
class AccountCacheIT extends PeopleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Autowired
    private AccountCache accountCache;

    @Test
    void groups_changed_from_the_command_line_take_effect_on_every_instance_at_once() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitCaching(other);
            assertThat(holdsSecurityTeam(other.baseUrl(), grace.token())).isTrue(); // read, and now kept there
            assertThat(holdsSecurityTeam(baseUrl(), grace.token())).isTrue(); // and here
            assertThat(other.bean(AccountCache.class).holds(grace.id())).isTrue();
            assertThat(accountCache.holds(grace.id())).isTrue();

            CommandRun changed = CommandRun.jar(
                    "user",
                    "set-groups",
                    "--email",
                    grace.email(),
                    "--groups",
                    "Canteen",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + username);
            assertThat(changed.exitCode()).as(changed.err()).isZero();

            assertThat(within(Duration.ofSeconds(2), () -> !holdsSecurityTeam(other.baseUrl(), grace.token())))
                    .isTrue();
            assertThat(within(Duration.ofSeconds(2), () -> !holdsSecurityTeam(baseUrl(), grace.token())))
                    .isTrue();
        }
    }

    @Test
    void an_account_disabled_on_one_instance_is_signed_out_of_another_at_its_next_request() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitCaching(other);
            WebSession session = new WebSession();
            WebSession.Page signedIn = session.signInAs(other.baseUrl(), grace.email(), PASSWORD);
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(session.get(other.baseUrl() + "/account").status()).isEqualTo(200);
            assertThat(other.bean(AccountCache.class).holds(grace.id())).isTrue();

            accounts.disable(grace.email(), "Test");

            assertThat(within(
                            Duration.ofSeconds(2),
                            () -> session.get(other.baseUrl() + "/account").status() == 302))
                    .isTrue();
        }
    }

    @Test
    void the_switch_by_its_old_name_still_keeps_nothing() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other =
                SecondInstance.start(url, username, "--personnel-events.token-cache.enabled=false")) {
            Thread.sleep(1_000); // a listener that started would be listening by now
            assertThat(holdsSecurityTeam(other.baseUrl(), grace.token())).isTrue();

            assertThat(other.bean(AccountCache.class).isCaching()).isFalse();
            assertThat(other.bean(AccountCache.class).holds(grace.id())).isFalse();
        }
    }

    private static void awaitCaching(SecondInstance instance) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (!instance.bean(AccountCache.class).isCaching() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(instance.bean(AccountCache.class).isCaching()).isTrue();
    }

    /** Whether the check holds within {@code limit}. */
    private static boolean within(Duration limit, BooleanSupplier check) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!check.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Whether {@code GET /api/me} with the token names Security Team among the roles. */
    private static boolean holdsSecurityTeam(String base, String token) {
        try {
            HttpResponse<String> me = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/me"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            return me.body().contains("\"role\":\"Security Team\"");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
