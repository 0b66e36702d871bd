package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.Tampering;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each audit-trail entry carries a hash chained to the one before it; the verification recomputes the
 * chain and names the first entry that no longer fits. Tampering is done the way an insider with database
 * rights would: around the append-only trigger. Every test puts the trail back as it was, since all ITs
 * share one database.
 */
class AuditChainIT extends ApiIntegrationTest {

    private static final String VERIFICATION = "/api/audit-trail/verification";

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username:}")
    private String username;

    @Autowired
    private PlatformTransactionManager transactions;

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = token("admin");
    }

    @Test
    void an_untouched_audit_trail_verifies_as_intact() {
        UUID id = approvedOnboardingWithComments();

        ApiResponse whole = get(VERIFICATION, admin);
        ApiResponse one = get(VERIFICATION + "?eventId=" + id, admin);

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body().path("intact").asBoolean())
                .as(whole.body().toString())
                .isTrue();
        assertThat(whole.body().path("problemCount").asLong()).isZero();
        assertThat(whole.body().path("events").asLong()).isPositive();
        assertThat(one.body().path("intact").asBoolean()).isTrue();
        assertThat(one.body().path("events").asLong()).isEqualTo(1);
        assertThat(one.body().path("activityEntries").asLong())
                .isEqualTo(activityIds(id).size());
        assertThat(one.body().path("comments").asLong()).isEqualTo(2);
    }

    @Test
    void an_entry_changed_in_the_database_is_named_by_the_verification() {
        UUID id = approvedOnboardingWithComments();
        long approval = activityIds(id).get(1);
        String original = content("event_activity", approval);

        tamper("UPDATE event_activity SET content = 'Approved by nobody' WHERE id = " + approval);
        try {
            ApiResponse result = get(VERIFICATION + "?eventId=" + id, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            assertThat(result.body().path("problemCount").asLong()).isEqualTo(1);
            assertThat(result.text("problems.0.trail")).isEqualTo("activity");
            assertThat(result.body().path("problems").path(0).path("entryId").asLong())
                    .isEqualTo(approval);
            assertThat(get(VERIFICATION, admin).body().path("intact").asBoolean())
                    .isFalse();
        } finally {
            tamper("UPDATE event_activity SET content = '" + original.replace("'", "''") + "' WHERE id = " + approval);
        }
        assertThat(get(VERIFICATION + "?eventId=" + id, admin)
                        .body()
                        .path("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void an_entry_removed_from_the_database_breaks_the_chain_at_the_entry_after_it() {
        UUID id = approvedOnboardingWithComments();
        List<Long> entries = activityIds(id);
        long removed = entries.get(1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM event_activity WHERE id = :id")
                .param("id", removed)
                .query()
                .singleRow();

        tamper("DELETE FROM event_activity WHERE id = " + removed);
        try {
            ApiResponse result = get(VERIFICATION + "?eventId=" + id, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            assertThat(result.body().path("problems").path(0).path("entryId").asLong())
                    .isEqualTo(entries.get(2));
        } finally {
            jdbc.sql("""
                            INSERT INTO event_activity (id, event_id, created_date, author, action, content, changes,
                                hash)
                            VALUES (:id, :event_id, :created_date, :author, :action, :content, :changes, :hash)
                            """).params(row).update();
        }
        assertThat(get(VERIFICATION + "?eventId=" + id, admin)
                        .body()
                        .path("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void an_entry_added_behind_the_applications_back_is_named_by_the_verification() {
        UUID id = approvedOnboardingWithComments();
        jdbc.sql("""
                        INSERT INTO event_activity (event_id, created_date, author, action, content, hash)
                        VALUES (:id, CURRENT_TIMESTAMP, 'Sarah Chen', 'Approved', 'Approved by Sarah Chen', :hash)
                        """).param("id", id).param("hash", "0".repeat(64)).update();
        List<Long> entries = activityIds(id);
        long forged = entries.get(entries.size() - 1);
        try {
            ApiResponse result = get(VERIFICATION + "?eventId=" + id, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            assertThat(result.body().path("problems").path(0).path("entryId").asLong())
                    .isEqualTo(forged);
        } finally {
            tamper("DELETE FROM event_activity WHERE id = " + forged);
        }
    }

    @Test
    void a_comment_changed_in_the_database_is_named_by_the_verification() {
        UUID id = approvedOnboardingWithComments();
        long comment = jdbc.sql("SELECT MIN(id) FROM event_comment WHERE event_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        String original = content("event_comment", comment);

        tamper("UPDATE event_comment SET content = 'Nothing to see' WHERE id = " + comment);
        try {
            ApiResponse result = get(VERIFICATION + "?eventId=" + id, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            assertThat(result.text("problems.0.trail")).isEqualTo("comments");
            assertThat(result.body().path("problems").path(0).path("entryId").asLong())
                    .isEqualTo(comment);
        } finally {
            tamper("UPDATE event_comment SET content = '" + original.replace("'", "''") + "' WHERE id = " + comment);
        }
    }

    @Test
    void a_removed_event_shows_as_a_missing_number() {
        approvedOnboardingWithComments();
        long last = jdbc.sql("SELECT last_number FROM personnel_event_number")
                .query(Long.class)
                .single();
        // As if the newest event, its stages and its whole trail had been deleted.
        jdbc.sql("UPDATE personnel_event_number SET last_number = last_number + 1")
                .update();
        try {
            ApiResponse result = get(VERIFICATION, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            assertThat(result.text("problems.0.problem"))
                    .isEqualTo("Personnel event number " + (last + 1) + " is missing");
        } finally {
            jdbc.sql("UPDATE personnel_event_number SET last_number = last_number - 1")
                    .update();
        }
    }

    @Test
    void an_event_renumbered_behind_the_applications_back_shows_a_gap_and_a_number_never_handed_out() {
        UUID id = approvedOnboardingWithComments();
        long number = jdbc.sql("SELECT number FROM personnel_event WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE personnel_event SET number = :forged WHERE id = :id")
                .param("forged", number + 1_000_000)
                .param("id", id)
                .update();
        try {
            ApiResponse result = get(VERIFICATION, admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            List<String> problems = new java.util.ArrayList<>();
            result.at("problems").forEach(p -> problems.add(p.path("problem").asString()));
            assertThat(problems)
                    .contains(
                            "Personnel event number " + number + " is missing",
                            "Personnel event number " + (number + 1_000_000) + " was never handed out");
        } finally {
            jdbc.sql("UPDATE personnel_event SET number = :number WHERE id = :id")
                    .param("number", number)
                    .param("id", id)
                    .update();
        }
    }

    @Test
    void the_audit_command_exits_3_and_lists_the_problem_when_the_trail_is_not_intact() {
        UUID id = approvedOnboardingWithComments();
        long approval = activityIds(id).get(1);
        String original = content("event_activity", approval);

        CommandRun intact = audit("verify", "--event-id", id.toString());
        tamper("UPDATE event_activity SET author = 'Someone else' WHERE id = " + approval);
        CommandRun broken;
        try {
            broken = audit("verify", "--event-id", id.toString());
        } finally {
            tamper("UPDATE event_activity SET author = 'Test admin' WHERE id = " + approval);
        }

        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).startsWith("intact: 1 events");
        assertThat(broken.exitCode()).isEqualTo(AuditCommand.NOT_INTACT);
        assertThat(broken.out()).startsWith("NOT INTACT").contains(id + "\tactivity\t" + approval);
        assertThat(original).isNotBlank();
    }

    @Test
    void the_audit_command_refuses_a_malformed_event_id_without_a_stack_trace() {
        CommandRun result = audit("verify", "--event-id", "not-an-id");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--event-id").doesNotContain("Exception", "\tat ");
    }

    @Test
    void verification_needs_the_admin_scope_and_a_known_well_formed_event_id() {
        assertThat(get(VERIFICATION, token("events:read")).status()).isEqualTo(403);
        assertThat(get(VERIFICATION, null).status()).isEqualTo(401);
        assertThat(get(VERIFICATION + "?eventId=" + UUID.randomUUID(), admin).status())
                .isEqualTo(404);
        ApiResponse malformed = get(VERIFICATION + "?eventId=not-an-id", admin);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("eventId");
    }

    /** An onboarding created with a comment, approved with a comment: four activity entries, two comments. */
    private UUID approvedOnboardingWithComments() {
        ApiResponse created = post(
                "/api/personnel-events/onboard",
                token("events:write"),
                anOnboardRequest(3).with("comment", "Starts in the Fargo branch"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        ApiResponse approved = post(
                "/api/personnel-events/" + id + "/approve",
                token("Test admin", List.of("admin")),
                JsonBody.json().with("comment", "Approved: O'Brien's team"));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return id;
    }

    private List<Long> activityIds(UUID event) {
        return jdbc.sql("SELECT id FROM event_activity WHERE event_id = :id ORDER BY id")
                .param("id", event)
                .query(Long.class)
                .list();
    }

    private String content(String table, long id) {
        return jdbc.sql("SELECT content FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** A change the append-only trigger would refuse, made around it as a database superuser could. */
    private void tamper(String sql) {
        Tampering.tamper(jdbc, transactions, url, sql);
    }

    private CommandRun audit(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--spring.datasource.url=" + url;
        all[args.length + 2] = "--spring.datasource.username=" + username;
        return CommandRun.jar(all);
    }
}
