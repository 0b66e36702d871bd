package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.CommandRun;
import com.personnelevents.support.Tampering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The tamper evidence covers what the API reports: every change of an event, its stages, its access
 * requests and its identity is in the event's hash chain, the event keeps its chain's head, and the
 * verification compares what the trail last recorded with what the database holds. Every test puts back
 * what it changed: all ITs share one database.
 */
class AuditCoverageIT extends AccessWorkflowTest {

    private static final String VERIFICATION = "/api/audit-trail/verification?eventId=";

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username:}")
    private String username;

    @Autowired
    private PlatformTransactionManager transactions;

    /** An offboarding whose Provision is done: its stages and requests are all in its trail. */
    private String provisionedOffboarding() {
        UUID person = givenIdentity("Audit", "Able");
        grant(person, "Teller", "Loans");
        String id = create("offboard", anOffboardRequest(person, 10));
        completeAll(toProvision(id, TODAY.plusDays(10)));
        return id;
    }

    private List<String> problems(String id) {
        ApiResponse result = get(VERIFICATION + id, admin);
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : result.at("problems")) {
            problems.add(problem.path("trail").asString() + ": "
                    + problem.path("problem").asString());
        }
        return problems;
    }

    @Test
    void an_untouched_event_verifies_with_its_stages_and_requests_covered() {
        String id = provisionedOffboarding();

        ApiResponse result = get(VERIFICATION + id, admin);

        assertThat(result.body().path("intact").asBoolean())
                .as(result.body().toString())
                .isTrue();
        assertThat(result.body().path("uncoveredEvents").asLong()).isZero();
    }

    @Test
    void a_stage_completed_by_someone_else_in_the_database_is_found() {
        String id = provisionedOffboarding();
        String where = " WHERE event_id = '" + id + "' AND name = 'Provision'";

        jdbc.sql("UPDATE event_stage SET completed_by = 'Mallory'" + where).update();
        try {
            assertThat(problems(id))
                    .containsExactly("state: stage:Provision differs from what the audit trail last recorded:"
                            + " completedBy is Mallory, recorded " + PROVISIONER);
        } finally {
            jdbc.sql("UPDATE event_stage SET completed_by = '" + PROVISIONER + "'" + where)
                    .update();
        }
        assertThat(problems(id)).isEmpty();
    }

    @Test
    void an_access_request_whose_status_was_changed_in_the_database_is_found() {
        String id = provisionedOffboarding();
        JsonNode request = stage(event(id), "Provision").path("accessRequests").get(0);
        String where = " WHERE id = '" + request.path("id").asString() + "'";

        jdbc.sql("UPDATE access_request SET status = 'Canceled'" + where).update();
        try {
            assertThat(problems(id))
                    .containsExactly("state: request:" + request.path("number").asLong()
                            + " differs from what the audit trail last recorded: status is Canceled, recorded"
                            + " Completed");
        } finally {
            jdbc.sql("UPDATE access_request SET status = 'Completed'" + where).update();
        }
    }

    @Test
    void an_event_whose_status_was_changed_in_the_database_is_found() {
        String id = create("onboard", anOnboardRequest(20));
        String where = " WHERE id = '" + id + "'";

        jdbc.sql("UPDATE personnel_event SET status = 'Completed'" + where).update();
        try {
            assertThat(problems(id))
                    .containsExactly("state: event differs from what the audit trail last recorded: status is"
                            + " Completed, recorded Scheduled");
        } finally {
            jdbc.sql("UPDATE personnel_event SET status = 'Scheduled'" + where).update();
        }
    }

    @Test
    void entries_cut_from_the_end_of_a_chain_are_found() {
        String id = provisionedOffboarding();
        Map<String, Object> last = jdbc.sql(
                        "SELECT * FROM event_activity WHERE event_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();

        tamper("DELETE FROM event_activity WHERE id = " + last.get("id"));
        try {
            assertThat(problems(id))
                    .contains("activity: The activity does not end where the event says it does: entries were"
                            + " removed from its end, or its head was changed");
        } finally {
            jdbc.sql("""
                            INSERT INTO event_activity (id, event_id, created_date, author, action, content, changes,
                                hash)
                            VALUES (:id, :event_id, :created_date, :author, :action, :content, :changes, :hash)
                            """).params(last).update();
        }
        assertThat(problems(id)).isEmpty();
    }

    @Test
    void the_audit_command_finds_a_changed_stage_too() {
        String id = provisionedOffboarding();
        String where = " WHERE event_id = '" + id + "' AND name = 'Approval'";
        jdbc.sql("UPDATE event_stage SET status = 'Canceled'" + where).update();
        try {
            CommandRun run = CommandRun.jar(
                    "audit",
                    "verify",
                    "--event-id",
                    id,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + username);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(AuditCommand.NOT_INTACT);
            assertThat(run.out()).contains("stage:Approval differs from what the audit trail last recorded");
        } finally {
            jdbc.sql("UPDATE event_stage SET status = 'Completed'" + where).update();
        }
    }

    @Test
    void identity_changes_are_recorded_with_their_values_before_and_after() {
        UUID person = givenIdentity("Tom", "Title");
        String id = create("role-transition", aRoleTransitionRequest(person, 10));
        toProvision(id, TODAY.plusDays(10));

        ApiResponse done = post("/api/personnel-events/" + id + "/stages/Provision/complete", provisioner, null);

        assertThat(activity(done))
                .contains("Identity changed | Identity " + person + ": title Loan Officer → Senior Loan Officer");
    }

    private void tamper(String sql) {
        Tampering.tamper(jdbc, transactions, url, sql);
    }
}
