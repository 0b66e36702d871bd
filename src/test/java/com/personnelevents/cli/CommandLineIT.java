package com.personnelevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApplicationProcess;
import com.personnelevents.support.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

/**
 * The jar's command line is safe to use: the service's configuration wherever it is started from, the
 * database it used named on standard error, no empty database made by a typo, no stack trace, and unknown
 * commands and options refused with the usage and exit code 2.
 */
class CommandLineIT extends ApiIntegrationTest {

    @Value("${spring.datasource.url}")
    private String datasourceUrl;

    @Value("${spring.datasource.username:}")
    private String datasourceUsername;

    @TempDir
    Path temp;

    @Test
    void commands_started_from_different_folders_use_the_same_default_database() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));

        CommandRun created = ApplicationProcess.command(
                first, home, "token", "create", "--name", "Folder test", "--scopes", "admin", "--create-database");
        CommandRun listed = ApplicationProcess.command(second, home, "token", "list");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("\tFolder test\tadmin\tactive");
        String database = "jdbc:h2:file:" + home.resolve(".personnel-events").resolve("personnel-events");
        assertThat(created.err()).contains("Database: " + database);
        assertThat(listed.err()).contains("Database: " + database);
        try (var files = Files.list(second)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_mistyped_command_is_refused_with_the_commands_and_starts_no_server() throws Exception {
        CommandRun run = ApplicationProcess.command(temp, temp, "tokne", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown command 'tokne'").contains("Commands: token, user, audit");
        assertThat(run.err()).doesNotContain("Tomcat").doesNotContain("Started");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refuses_a_database_that_does_not_exist_yet_and_creates_nothing() {
        Path dataDir = temp.resolve("nowhere");

        CommandRun run = CommandRun.jar("token", "list", h2File(dataDir));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("There is no database at jdbc:h2:file:" + dataDir.resolve("personnel-events"))
                .contains("Start the service once to create it, or add --create-database to create it now.");
        assertNoStackTrace(run);
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void creates_the_database_when_told_to() {
        Path dataDir = temp.resolve("fresh");

        CommandRun created = CommandRun.jar(
                "token", "create", "--name", "First admin", "--scopes", "admin", "--create-database", h2File(dataDir));
        CommandRun listed = CommandRun.jar("token", "list", h2File(dataDir));

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().strip()).startsWith("pe_");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("\tFirst admin\tadmin\tactive");
    }

    @Test
    void refuses_a_database_that_exists_but_was_never_set_up() {
        String empty = "jdbc:h2:mem:empty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        CommandRun run = CommandRun.jar("token", "list", "--spring.datasource.url=" + empty);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds no Personnel Events schema").contains("add --create-database");
        assertNoStackTrace(run);
    }

    @Test
    void names_the_database_it_used_on_standard_error_without_its_settings() {
        CommandRun run = cli("token", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Database: " + datasourceUrl.split("[;?]")[0]);
        assertThat(run.err()).doesNotContain("DB_CLOSE_DELAY");
        assertThat(run.out()).doesNotContain("Database:");
    }

    @Test
    void settings_may_come_before_the_command() {
        String[] args = {
            "--spring.datasource.url=" + datasourceUrl,
            "--spring.datasource.username=" + datasourceUsername,
            "token",
            "list"
        };

        CommandRun run = CommandRun.jar(args);

        assertThat(Cli.isCommand(args)).isTrue();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Cli.isCommand(new String[] {"--server.port=9090"})).isFalse();
    }

    @Test
    void refuses_an_unknown_option_with_the_usage_and_exit_code_2() {
        CommandRun audit = cli("audit", "verify", "--event", "1");
        CommandRun list = cli("token", "list", "--all");

        assertThat(audit.exitCode()).isEqualTo(2);
        assertThat(audit.err())
                .contains("Unknown option '--event' for 'audit verify'")
                .contains("Usage:");
        assertThat(audit.out()).isEmpty();
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("Unknown option '--all'");
    }

    @Test
    void refuses_an_option_without_its_value_and_a_missing_argument() {
        CommandRun noValue = cli("token", "create", "--name", "--scopes", "admin");
        CommandRun noId = cli("token", "revoke");

        assertThat(noValue.exitCode()).isEqualTo(2);
        assertThat(noValue.err()).contains("Option '--name' needs a value");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("'token revoke' takes 1 value, not 0");
    }

    @Test
    void a_malformed_token_id_is_refused_in_one_line_without_a_stack_trace() {
        CommandRun run = cli("token", "revoke", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("TOKEN_ID: Token id must be a valid GUID");
        assertNoStackTrace(run);
    }

    @Test
    void an_unreachable_database_is_one_line_without_a_stack_trace() {
        CommandRun run = CommandRun.jar(
                "token",
                "list",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/personnel",
                "--spring.datasource.username=nobody");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/personnel");
        assertNoStackTrace(run);
    }

    /** The service's default kind of database, in a folder of this test's (the test run sets its own URL). */
    private static String h2File(Path dataDir) {
        return "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("personnel-events")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private CommandRun cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--spring.datasource.url=" + datasourceUrl;
        all[args.length + 1] = "--spring.datasource.username=" + datasourceUsername;
        return CommandRun.jar(all);
    }

    private static void assertNoStackTrace(CommandRun run) {
        assertThat(run.err())
                .doesNotContain("\tat ")
                .doesNotContain("Exception:")
                .doesNotContain("Caused by");
    }
}
