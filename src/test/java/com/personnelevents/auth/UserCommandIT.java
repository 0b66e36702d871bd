package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.WebSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Local accounts from the jar's command line ({@code user create|list|disable|set-password|set-groups}),
 * the first administrator included, and personal tokens ({@code token create --user}); run against the
 * test server's database, so that what the command does is seen over HTTP and on the pages.
 */
class UserCommandIT extends PeopleTest {

    @Value("${spring.datasource.url}")
    private String datasourceUrl;

    @Value("${spring.datasource.username:}")
    private String datasourceUsername;

    @Test
    void the_first_administrator_is_created_from_the_command_line_and_administers_the_pages() {
        String email = identityWithEmail("Alan", "Turing");

        CommandRun created = cliWithInput(
                PASSWORD + "\n", "user", "create", "--email", email, "--groups", "Administrator", "--password-stdin");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("created " + email.toLowerCase() + " for Turing, Alan");
        WebSession session = new WebSession();
        assertThat(session.signInAs(baseUrl(), email, PASSWORD).location()).doesNotContain("error");
        assertThat(session.get(baseUrl() + "/account").body())
                .contains("Administrator")
                .contains("group Administrator");
    }

    @Test
    void a_security_team_member_is_made_by_the_group_of_the_same_name() {
        String email = identityWithEmail("Grace", "Hopper");
        cliWithInput(
                PASSWORD + "\n", "user", "create", "--email", email, "--groups", "Security Team", "--password-stdin");
        String token = cli("token", "create", "--name", "Grace's laptop", "--scopes", "events:read", "--user", email)
                .out()
                .strip();

        ApiResponse me = get("/api/me", token);

        assertThat(me.text("kind")).isEqualTo("Person");
        assertThat(me.text("name")).isEqualTo("Hopper, Grace");
        assertThat(me.text("roles.0.role")).isEqualTo("Security Team");
        assertThat(me.text("roles.0.because")).isEqualTo("group Security Team");
    }

    @Test
    void a_personal_token_is_refused_for_a_person_without_an_enabled_account() {
        String email = identityWithEmail("No", "Account");

        CommandRun refused =
                cli("token", "create", "--name", "No's laptop", "--scopes", "events:read", "--user", email);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(email + " has no enabled account");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void a_password_is_taken_from_standard_input_only_and_must_be_long_enough() {
        String email = identityWithEmail("Short", "Password");

        CommandRun noStdin = cli("user", "create", "--email", email);
        CommandRun tooShort = cliWithInput("secret\n", "user", "create", "--email", email, "--password-stdin");

        assertThat(noStdin.exitCode()).isEqualTo(1);
        assertThat(noStdin.err())
                .contains("--password-stdin: Give the password on standard input, with --password-stdin");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("password: A password must have at least 12 characters");
        assertThat(tooShort.out()).isEmpty();
    }

    @Test
    void an_email_that_is_no_identity_is_refused() {
        CommandRun refused =
                cliWithInput(PASSWORD + "\n", "user", "create", "--email", "ghost@nowhere.example", "--password-stdin");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("No identity has the email ghost@nowhere.example; import the person first");
    }

    @Test
    void list_disable_set_password_and_set_groups_work_on_the_account() {
        Person grace = person("Grace", "Hopper", "Security Team");

        CommandRun list = cli("user", "list");
        assertThat(list.out().lines())
                .contains("local\t" + grace.email().toLowerCase() + "\tHopper, Grace\tSecurity Team\tenabled");

        String newPassword = "a much longer new password";
        assertThat(cliWithInput(
                                newPassword + "\n",
                                "user",
                                "set-password",
                                "--email",
                                grace.email(),
                                "--password-stdin")
                        .exitCode())
                .isZero();
        assertThat(new WebSession().signInAs(baseUrl(), grace.email(), PASSWORD).location())
                .endsWith("/login?error");
        assertThat(new WebSession()
                        .signInAs(baseUrl(), grace.email(), newPassword)
                        .location())
                .doesNotContain("error");

        CommandRun groups = cli("user", "set-groups", "--email", grace.email(), "--groups", "Reporting Only");
        assertThat(groups.out().strip()).isEqualTo("groups of " + grace.email().toLowerCase() + ": [Reporting Only]");
        assertThat(get("/api/me", grace.token()).text("roles.0.role")).isEqualTo("Reporting Only");

        assertThat(cli("user", "disable", "--email", grace.email()).exitCode()).isZero();
        assertThat(new WebSession()
                        .signInAs(baseUrl(), grace.email(), newPassword)
                        .location())
                .endsWith("/login?error");
        ApiResponse trail = get("/api/admin-activity", admin);
        assertThat(trail.text("items.0.action")).isEqualTo("Sign-in failed");
        assertThat(trail.text("items.0.content")).startsWith("This account is disabled");
        assertThat(trail.text("items.1.action")).isEqualTo("Account disabled");
        assertThat(trail.text("items.1.author")).isEqualTo("Command line");
    }

    @Test
    void an_unknown_subcommand_prints_the_usage() {
        CommandRun refused = cli("user", "delete");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Unknown subcommand 'delete'").contains("user create --email EMAIL");
    }

    private String identityWithEmail(String first, String last) {
        String email = uniqueEmail(first.toLowerCase());
        ApiResponse imported = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(Map.of(
                                        "externalId", "ext-" + UUID.randomUUID(),
                                        "firstName", first,
                                        "lastName", last,
                                        "email", email))));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        return email;
    }

    private CommandRun cli(String... args) {
        return CommandRun.jar(withDatabase(args));
    }

    private CommandRun cliWithInput(String input, String... args) {
        return CommandRun.jarWithInput(input, withDatabase(args));
    }

    private String[] withDatabase(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--spring.datasource.url=" + datasourceUrl);
        all.add("--spring.datasource.username=" + datasourceUsername);
        all.add("--personnel-events.idempotency-cleanup-interval=1000h");
        return all.toArray(String[]::new);
    }
}
