package com.personnelevents.auth;

import static com.personnelevents.auth.CacheChecks.awaitListening;
import static com.personnelevents.auth.CacheChecks.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.identity.IdentityService;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.SecondInstance;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL every instance keeps who each person is (Active or not, their name) as it last read them, and
 * forgets it the moment their identity's status, names or email change, whoever changes them: the service on
 * any instance, or SQL from outside (the database announces each change, V20). A person disabled is refused
 * everywhere at once.
 */
@PostgresOnly
class PersonCacheIT extends PeopleTest {

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Autowired
    private PersonCache personCache;

    @Autowired
    private IdentityService identities;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void a_person_disabled_by_an_import_is_refused_at_once_here_and_on_every_other_instance() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitListening(other);
            assertThat(me(other.baseUrl(), grace.token()).statusCode()).isEqualTo(200);
            assertThat(me(baseUrl(), grace.token()).statusCode()).isEqualTo(200);
            assertThat(other.bean(PersonCache.class).holds(grace.id())).isTrue();
            assertThat(personCache.holds(grace.id())).isTrue();

            ApiResponse imported = post(
                    "/api/identities",
                    token("identities:write"),
                    JsonBody.json()
                            .with(
                                    "identities",
                                    List.of(Map.of(
                                            "email", grace.email(),
                                            "firstName", "Grace",
                                            "lastName", "Hopper",
                                            "status", "Disabled"))));
            assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);

            assertThat(me(baseUrl(), grace.token()).statusCode()).isEqualTo(401);
            assertThat(within(
                            Duration.ofSeconds(2),
                            () -> me(other.baseUrl(), grace.token()).statusCode() == 401))
                    .isTrue();
        }
    }

    @Test
    void the_instance_that_disables_a_person_has_forgotten_them_when_its_transaction_commits() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        awaitCaching(personCache);
        assertThat(me(baseUrl(), grace.token()).statusCode()).isEqualTo(200);
        assertThat(personCache.holds(grace.id())).isTrue();

        transactions.executeWithoutResult(tx -> {
            // no trigger fires in this transaction, so no notice comes: only the instance's own forgetting
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            identities.deactivate(grace.id(), clock.instant());
        });

        assertThat(personCache.holds(grace.id())).isFalse();
        assertThat(me(baseUrl(), grace.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_person_renamed_or_disabled_by_sql_from_outside_is_seen_so_on_every_instance_at_once() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            awaitListening(other);
            assertThat(me(other.baseUrl(), grace.token()).body()).contains("\"name\":\"Hopper, Grace\"");
            assertThat(me(baseUrl(), grace.token()).body()).contains("\"name\":\"Hopper, Grace\"");
            assertThat(other.bean(PersonCache.class).holds(grace.id())).isTrue();
            assertThat(personCache.holds(grace.id())).isTrue();

            jdbc.sql("UPDATE identity SET last_name = 'Murray Hopper' WHERE id = :id")
                    .param("id", grace.id())
                    .update();

            for (String base : List.of(baseUrl(), other.baseUrl())) {
                assertThat(within(
                                Duration.ofSeconds(2),
                                () -> me(base, grace.token()).body().contains("\"name\":\"Murray Hopper, Grace\"")))
                        .as(base)
                        .isTrue();
            }

            jdbc.sql("UPDATE identity SET status = 'Removed' WHERE id = :id")
                    .param("id", grace.id())
                    .update();

            for (String base : List.of(baseUrl(), other.baseUrl())) {
                assertThat(within(
                                Duration.ofSeconds(2),
                                () -> me(base, grace.token()).statusCode() == 401))
                        .as(base)
                        .isTrue();
            }
        }
    }

    @Test
    void a_change_of_what_is_not_kept_forgets_nothing() throws Exception {
        Person grace = person("Grace", "Hopper", "Security Team");
        Person alan = person("Alan", "Turing", "Security Team");
        awaitCaching(personCache);
        assertThat(me(baseUrl(), grace.token()).statusCode()).isEqualTo(200);
        assertThat(me(baseUrl(), alan.token()).statusCode()).isEqualTo(200);
        assertThat(personCache.holds(grace.id())).isTrue();

        jdbc.sql("UPDATE identity SET department = 'Canteen', title = 'Cook' WHERE id = :id")
                .param("id", grace.id())
                .update();
        // a change that is announced, after the one that is not: once it is forgotten, the first has arrived too
        jdbc.sql("UPDATE identity SET first_name = 'Alan M.' WHERE id = :id")
                .param("id", alan.id())
                .update();

        assertThat(within(Duration.ofSeconds(2), () -> !personCache.holds(alan.id())))
                .isTrue();
        assertThat(personCache.holds(grace.id())).isTrue();
    }

    private static void awaitCaching(PersonCache cache) throws InterruptedException {
        assertThat(within(Duration.ofSeconds(10), cache::isCaching)).isTrue();
    }

    /** {@code GET /api/me} with the token. */
    private static HttpResponse<String> me(String base, String token) {
        return CacheChecks.get(base, "/api/me", token);
    }
}
