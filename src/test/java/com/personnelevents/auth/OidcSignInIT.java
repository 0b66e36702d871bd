package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.SecondInstance;
import com.personnelevents.support.WebSession;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;

/**
 * Sign-in through the bank's identity provider, over OpenID Connect, against a real provider running in
 * the test (mock-oauth2-server): the email claim names the person, the groups claim gives their roles
 * through the role mapping; someone the provider vouches for who is no active person here is refused with a
 * message, on the sign-in page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIT extends PeopleTest {

    private static final String ISSUER = "bank";

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private SecondInstance withProvider;

    @BeforeAll
    void startProviderAndAnInstanceThatUsesIt() {
        provider.start();
        String issuer = provider.issuerUrl(ISSUER).toString();
        withProvider = SecondInstance.start(
                url,
                username,
                "--spring.security.oauth2.client.registration.bank.client-id=personnel-events",
                "--spring.security.oauth2.client.registration.bank.client-secret=secret",
                "--spring.security.oauth2.client.registration.bank.client-name=Valkyrie Bank ID",
                "--spring.security.oauth2.client.registration.bank.scope=openid,email,profile",
                "--spring.security.oauth2.client.provider.bank.issuer-uri=" + issuer,
                "--personnel-events.oidc.groups-claim=roles");
    }

    @AfterAll
    void stop() {
        withProvider.close();
        provider.shutdown();
    }

    @Test
    void the_sign_in_page_offers_the_provider() {
        WebSession.Page login = new WebSession().get(withProvider.baseUrl() + "/login");

        assertThat(login.body()).contains("Sign in with Valkyrie Bank ID").contains("/oauth2/authorization/bank");
    }

    @Test
    void a_person_the_provider_vouches_for_is_signed_in_with_the_roles_of_their_groups() {
        Person grace = person("Grace", "Hopper");
        WebSession session = new WebSession();

        WebSession.Page landed = signInThroughProvider(session, grace.email(), List.of("Security Team", "Unmapped"));

        assertThat(landed.status()).isEqualTo(302);
        assertThat(landed.location()).doesNotContain("error");
        WebSession.Page account = session.get(withProvider.baseUrl() + "/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("Hopper, Grace").contains("group Security Team");
        ApiResponse trail = get("/api/admin-activity", admin);
        assertThat(trail.text("items.0.action")).isEqualTo("Signed in");
        assertThat(trail.text("items.0.content")).isEqualTo("Identity provider bank");
        assertThat(trail.text("items.0.authorId")).isEqualTo(grace.id().toString());
    }

    @Test
    void the_groups_of_the_provider_are_mapped_to_roles_by_the_administrator() {
        ApiResponse mapped = put(
                "/api/roles",
                admin,
                com.personnelevents.support.JsonBody.json()
                        .with(
                                "roles",
                                List.of(Map.of("role", "Provision Team", "groups", List.of("sg-provisioning")))));
        assertThat(mapped.status()).as(mapped.body().toString()).isEqualTo(200);
        withProvider.bean(RoleMapping.class).forgetCached();
        Person pat = person("Pat", "Provisioner");
        WebSession session = new WebSession();

        signInThroughProvider(session, pat.email(), List.of("sg-provisioning"));

        assertThat(session.get(withProvider.baseUrl() + "/account").body())
                .contains("Provision Team")
                .contains("group sg-provisioning");
    }

    @Test
    void someone_who_is_no_active_person_here_is_refused_with_a_message_not_an_error_page() {
        WebSession session = new WebSession();

        WebSession.Page refused = signInThroughProvider(session, "stranger@elsewhere.example", List.of());

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        WebSession.Page page = session.get(withProvider.baseUrl() + "/login?error");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("stranger@elsewhere.example is not a person known to Personnel Events");
        assertThat(session.get(withProvider.baseUrl() + "/account").status()).isEqualTo(302);
    }

    @Test
    void an_email_the_provider_has_not_verified_names_nobody() {
        Person grace = person("Grace", "Unverified");
        WebSession session = new WebSession();

        WebSession.Page refused = signInThroughProvider(
                session, "subject-" + grace.email(), Map.of("email", grace.email(), "email_verified", false));

        assertThat(refused.location()).endsWith("/login?error");
        assertThat(session.get(withProvider.baseUrl() + "/login?error").body())
                .contains("has not verified your email address");
        assertThat(session.get(withProvider.baseUrl() + "/account").status()).isEqualTo(302);
    }

    @Test
    void once_linked_the_account_follows_the_providers_subject_not_the_email_claim() {
        Person ada = person("Ada", "Linked");
        Person other = person("Other", "Person");
        WebSession first = new WebSession();
        signInThroughProvider(first, ada.email(), List.of());

        WebSession later = new WebSession();
        signInThroughProvider(
                later,
                "subject-" + ada.email(),
                Map.of("email", other.email(), "email_verified", true, "roles", List.of()));

        assertThat(later.get(withProvider.baseUrl() + "/account").body())
                .contains("Linked, Ada")
                .doesNotContain("Person, Other");
    }

    private WebSession.Page signInThroughProvider(WebSession session, String email, List<String> groups) {
        return signInThroughProvider(
                session, "subject-" + email, Map.of("email", email, "email_verified", true, "roles", groups));
    }

    /**
     * The browser's round trip: to the provider, which signs the person in at once with these claims, back to
     * the service with a code, which it exchanges for the person's tokens. Returns the service's last answer.
     */
    private WebSession.Page signInThroughProvider(WebSession session, String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER, subject, JOSEObjectType.JWT.getType(), List.of("personnel-events"), claims, 3600));
        WebSession.Page toProvider = session.get(withProvider.baseUrl() + "/oauth2/authorization/bank");
        assertThat(toProvider.status()).isEqualTo(302);
        WebSession.Page back = session.get(toProvider.location());
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        return session.get(back.location());
    }
}
