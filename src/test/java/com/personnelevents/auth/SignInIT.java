package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.SecondInstance;
import com.personnelevents.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * People sign in to the pages with a local account: their name and roles once in; one message for a wrong
 * password and an unknown email; nobody whose identity is not Active or whose account is disabled; failed
 * sign-ins limited per account and per address; a session cookie a script cannot read; sign-in, failures
 * and sign-out on the administrative trail.
 */
class SignInIT extends PeopleTest {

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Test
    void a_person_signs_in_with_their_local_account_and_sees_their_name_and_roles_with_why() {
        Person grace = person("Grace", "Hopper", "Security Team");

        WebSession session = signIn(grace);
        WebSession.Page home = session.get(baseUrl() + "/");
        WebSession.Page account = session.get(baseUrl() + "/account");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("My work");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body())
                .contains("Hopper, Grace")
                .contains("Security Team")
                .contains("group Security Team");
    }

    @Test
    void the_pages_stylesheet_and_scripts_are_served_before_sign_in_from_the_urls_the_pages_name() {
        WebSession session = new WebSession();
        String login = session.get(baseUrl() + "/login").body();

        java.util.regex.Matcher assets = java.util.regex.Pattern.compile(
                        "(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"")
                .matcher(login);
        List<String> urls = new java.util.ArrayList<>();
        while (assets.find()) {
            urls.add(assets.group(1));
        }

        assertThat(urls).anyMatch(u -> u.endsWith(".css")).anyMatch(u -> u.contains("htmx"));
        for (String asset : urls) {
            WebSession.Page served = session.get(baseUrl() + asset);
            assertThat(served.status()).as(asset).isEqualTo(200);
            assertThat(served.header("Content-Type")).as(asset).containsAnyOf("text/css", "javascript");
        }
    }

    @Test
    void the_session_cookie_is_http_only_secure_and_same_site_and_changes_at_sign_in() {
        Person grace = person("Grace", "Hopper");
        WebSession session = new WebSession();
        session.get(baseUrl() + "/login");
        String before = session.cookie("PE_SESSION");

        WebSession.Page signedIn = session.signInAs(baseUrl(), grace.email(), PASSWORD);

        String cookie = signedIn.setCookies().stream()
                .filter(c -> c.startsWith("PE_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
        assertThat(session.cookie("PE_SESSION")).isNotEqualTo(before);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_message() {
        Person grace = person("Grace", "Hopper");

        String wrongPassword = failedSignIn(grace.email(), "not the password at all");
        String unknown = failedSignIn("nobody." + grace.email(), PASSWORD);

        assertThat(wrongPassword).contains("Wrong email or password");
        assertThat(unknown).contains("Wrong email or password");
    }

    @Test
    void a_person_whose_identity_is_not_active_cannot_sign_in() {
        Person grace = person("Grace", "Hopper");
        deactivate(grace);

        assertThat(failedSignIn(grace.email(), PASSWORD)).contains("Your identity is not active in Personnel Events");
    }

    @Test
    void a_disabled_account_cannot_sign_in() {
        Person grace = person("Grace", "Hopper");
        accounts.disable(grace.email(), "Test");

        assertThat(failedSignIn(grace.email(), PASSWORD)).contains("This account is disabled");
    }

    @Test
    void after_five_failed_sign_ins_an_account_is_refused_even_with_its_password_until_the_window_ends() {
        Person grace = person("Grace", "Hopper");
        for (int i = 0; i < 5; i++) {
            assertThat(failedSignIn(grace.email(), "guess " + i)).contains("Wrong email or password");
        }

        assertThat(failedSignIn(grace.email(), PASSWORD)).contains("Too many failed sign-ins; try again in 15 minutes");

        clock.set(clock.instant().plusSeconds(16 * 60));
        assertThat(signIn(grace).get(baseUrl() + "/account").status()).isEqualTo(200);
    }

    @Test
    void after_too_many_failed_sign_ins_from_one_address_every_account_is_refused_there() {
        Person grace = person("Grace", "Hopper");
        try (SecondInstance limited =
                SecondInstance.start(url, username, "--personnel-events.sign-in.address-limit=3")) {
            for (int i = 0; i < 3; i++) {
                new WebSession().signInAs(limited.baseUrl(), "someone" + i + "@example.com", "wrong password!!");
            }
            WebSession session = new WebSession();
            WebSession.Page refused = session.signInAs(limited.baseUrl(), grace.email(), PASSWORD);

            assertThat(refused.location()).endsWith("/login?error");
            assertThat(session.get(limited.baseUrl() + "/login?error").body()).contains("Too many failed sign-ins");
        }
    }

    @Test
    void a_sign_in_without_the_form_token_is_refused() {
        Person grace = person("Grace", "Hopper");
        WebSession session = new WebSession();
        session.get(baseUrl() + "/login");

        WebSession.Page refused =
                session.postRaw(baseUrl() + "/login", Map.of("email", grace.email(), "password", PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(session.get(baseUrl() + "/account").status()).isEqualTo(302);
    }

    @Test
    void a_page_asked_for_before_signing_in_is_where_the_person_lands_after() {
        Person grace = person("Grace", "Hopper");
        WebSession session = new WebSession();

        WebSession.Page toSignIn = session.get(baseUrl() + "/account");
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).endsWith("/login");
        WebSession.Page back = session.signInAs(baseUrl(), grace.email(), PASSWORD);

        assertThat(back.location()).endsWith("/account?continue");
    }

    @Test
    void signing_out_ends_the_session_and_sign_ins_failures_and_sign_outs_are_on_the_administrative_trail() {
        Person grace = person("Grace", "Hopper");
        failedSignIn(grace.email(), "not the password at all");
        WebSession session = signIn(grace);
        session.get(baseUrl() + "/account");

        WebSession.Page out = session.postForm(baseUrl() + "/logout", Map.of());

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(session.get(baseUrl() + "/account").status()).isEqualTo(302);
        ApiResponse trail = get("/api/admin-activity", admin);
        assertThat(entry(trail, 0)).isEqualTo("Signed out | Hopper, Grace | " + grace.id());
        assertThat(entry(trail, 1)).isEqualTo("Signed in | Hopper, Grace | " + grace.id());
        assertThat(entry(trail, 2)).isEqualTo("Sign-in failed | Sign-in page | null");
        assertThat(trail.text("items.2.content")).startsWith("Wrong email or password (from ");
    }

    @Test
    void a_person_who_is_no_longer_active_is_signed_out_at_their_next_request() {
        Person grace = person("Grace", "Hopper");
        WebSession session = signIn(grace);
        assertThat(session.get(baseUrl() + "/account").status()).isEqualTo(200);

        deactivate(grace);

        assertThat(session.get(baseUrl() + "/account").status()).isEqualTo(302);
    }

    @Test
    void the_pages_carry_a_content_security_policy_without_inline_scripts_or_styles() {
        WebSession.Page login = new WebSession().get(baseUrl() + "/login");

        assertThat(login.header("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.PAGE_CSP)
                .doesNotContain("unsafe-inline");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
    }

    /** Signs in and fails; returns the sign-in page that then says why. */
    private String failedSignIn(String email, String password) {
        WebSession session = new WebSession();
        WebSession.Page refused = session.signInAs(baseUrl(), email, password);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        return session.get(baseUrl() + "/login?error").body();
    }

    private void deactivate(Person person) {
        ApiResponse imported = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(Map.of(
                                        "externalId",
                                        get("/api/identities/" + person.id(), admin)
                                                .text("externalId"),
                                        "firstName",
                                        person.name().split(", ")[1],
                                        "lastName",
                                        person.name().split(", ")[0],
                                        "email",
                                        person.email(),
                                        "status",
                                        "Disabled"))));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    }

    /** "action | author | authorId" of the administrative trail's entry at {@code index}, newest first. */
    private static String entry(ApiResponse trail, int index) {
        return trail.text("items." + index + ".action") + " | " + trail.text("items." + index + ".author") + " | "
                + (trail.at("items." + index + ".authorId").isNull()
                        ? "null"
                        : trail.text("items." + index + ".authorId"));
    }
}
