package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.CommandRun;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code token create|list|revoke} from the command line, run against the database of the test server
 * so that what the command does is seen over HTTP.
 */
class TokenCommandIT extends ApiIntegrationTest {

    @Value("${spring.datasource.url}")
    private String datasourceUrl;

    @Value("${spring.datasource.username:}")
    private String datasourceUsername;

    @Value("${spring.datasource.password:}")
    private String datasourcePassword;

    @Test
    void creates_a_token_and_prints_only_the_token() {
        CommandRun result = cli("create", "--name", "HR Integration", "--scopes", "events:write,events:read");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith(System.lineSeparator());
        assertThat(result.out().lines()).hasSize(1);
        assertThat(result.out().strip()).startsWith("pe_").doesNotContainAnyWhitespaces();
    }

    @Test
    void a_token_created_on_the_command_line_works_over_http() {
        CommandRun result = cli("create", "--name", "HR Integration", "--scopes", "events:write,events:read");
        String secret = result.out().strip();

        ApiResponse created = post("/api/personnel-events/onboard", secret, anOnboardRequest());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("reporter.name")).isEqualTo("HR Integration");
        assertThat(get("/api/personnel-events/" + created.text("id"), secret).status())
                .isEqualTo(200);
    }

    @Test
    void accepts_an_expiry_date() {
        String name = unique("Expiring");

        CommandRun result = cli("create", "--name", name, "--scopes", "events:read", "--expires-at", "2099-12-31");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(jdbc.sql("SELECT expires_at FROM api_token WHERE name = :name")
                        .param("name", name)
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2099-12-31T00:00:00Z"));
    }

    @Test
    void lists_the_tokens_with_id_name_scopes_and_state() {
        String name = unique("Listed");
        cli("create", "--name", name, "--scopes", "events:write,events:read");

        CommandRun result = cli("list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String line = lineFor(result, name);
        String[] columns = line.split("\t");
        assertThat(columns).hasSize(5);
        assertThat(UUID.fromString(columns[0]))
                .isEqualTo(jdbc.sql("SELECT id FROM api_token WHERE name = :name")
                        .param("name", name)
                        .query(UUID.class)
                        .single());
        assertThat(columns[1]).isEqualTo(name);
        assertThat(columns[2].split(",")).containsExactlyInAnyOrder("events:read", "events:write");
        assertThat(columns[3]).isEqualTo("active");
        assertThat(columns[4]).isEqualTo("integration");
        assertThat(result.out()).doesNotContain("pe_");
    }

    @Test
    void a_revoked_token_is_refused_over_http() {
        String name = unique("To revoke");
        String secret =
                cli("create", "--name", name, "--scopes", "events:read").out().strip();
        assertThat(get("/api/personnel-events", secret).status()).isEqualTo(200);
        String id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = :hash")
                .param("hash", TokenService.hash(secret))
                .query(UUID.class)
                .single()
                .toString();

        CommandRun result = cli("revoke", id);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("revoked " + id);
        ApiResponse refused = get("/api/personnel-events", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("error")).isEqualTo("unauthorized");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = :id AND revoked_at IS NOT NULL")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void revoking_an_unknown_token_fails_with_a_message() {
        UUID unknown = UUID.randomUUID();

        CommandRun result = cli("revoke", unknown.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Token with id " + unknown + " not found");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void rejects_an_unknown_scope_on_stderr_with_exit_code_1() {
        long before = storedTokens();

        CommandRun result = cli("create", "--name", unique("Bad scope"), "--scopes", "events:read,events:delete");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("scopes: Unknown scope 'events:delete'")
                .contains("events:write");
        assertThat(result.out()).isEmpty();
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void rejects_a_create_without_a_name() {
        long before = storedTokens();

        CommandRun result = cli("create", "--scopes", "events:read");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("name: Name is required");
        assertThat(result.out()).isEmpty();
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void prints_usage_and_exits_2_without_arguments() {
        CommandRun result = run("token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage:").contains("token create --name NAME");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void prints_usage_and_exits_2_for_an_unknown_subcommand() {
        CommandRun result = cli("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage:");
        assertThat(result.out()).isEmpty();
    }

    /** {@code token <args>} against the test server's database. */
    private CommandRun cli(String... args) {
        List<String> all = new ArrayList<>();
        all.add("token");
        all.addAll(Arrays.asList(args));
        all.add("--spring.datasource.url=" + datasourceUrl);
        all.add("--spring.datasource.username=" + datasourceUsername);
        all.add("--spring.datasource.password=" + datasourcePassword);
        all.add("--personnel-events.idempotency-cleanup-interval=1000h");
        return run(all.toArray(String[]::new));
    }

    private static CommandRun run(String... args) {
        return CommandRun.jar(args);
    }

    private static String lineFor(CommandRun list, String name) {
        return list.out()
                .lines()
                .filter(line -> line.contains("\t" + name + "\t"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in:\n" + list.out()));
    }

    private long storedTokens() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
