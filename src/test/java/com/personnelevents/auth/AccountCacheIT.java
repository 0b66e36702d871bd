package com.personnelevents.auth;

import static com.personnelevents.auth.CacheChecks.awaitListening;
import static com.personnelevents.auth.CacheChecks.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.CommandRun;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.SecondInstance;
import com.personnelevents.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
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
            awaitListening(other);
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
            awaitListening(other);
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

    /** Whether {@code GET /api/me} with the token names Security Team among the roles. */
    private static boolean holdsSecurityTeam(String base, String token) {
        HttpResponse<String> me = CacheChecks.get(base, "/api/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        return me.body().contains("\"role\":\"Security Team\"");
    }
}
