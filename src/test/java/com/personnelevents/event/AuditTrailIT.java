package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The event's activity log: every action and automatic step adds an entry (who, when, what, and the
 * status change), oldest first; and the audit trail (activity and comments) is append-only in the
 * database and through the API.
 */
class AuditTrailIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events/";

    private String admin;
    private String reader;

    @BeforeEach
    void tokens() {
        admin = token("admin");
        reader = token("events:read");
    }

    @Test
    void approving_records_the_approver_and_the_status_change() {
        UUID id = onboarding(7);
        int before = activitySize(id);

        ApiResponse approved = post(EVENTS + id + "/approve", token("Jane Approver", List.of("events:approve")), "{}");

        assertThat(newEntries(approved, before))
                .containsExactly(
                        "Jane Approver | Approved | Approval completed (Pending → Scheduled)",
                        "System | Identity changed | Identity " + approved.text("affectedIdentity.id")
                                + " created, Disabled until the start date");
        assertThat(approved.text("activity." + before + ".createdDate")).isEqualTo(NOW.toString());
    }

    @Test
    void rejecting_and_canceling_record_the_reason_and_the_status_change() {
        UUID pending = onboarding(7);
        UUID scheduled = onboarding(12);
        int pendingBefore = activitySize(pending);
        int scheduledBefore = activitySize(scheduled);

        ApiResponse rejected = post(
                EVENTS + pending + "/reject",
                token("Risk Office", List.of("events:approve")),
                JsonBody.json().with("reason", "Duplicate request"));
        ApiResponse canceled =
                post(EVENTS + scheduled + "/cancel", hr(), JsonBody.json().with("reason", "Offer withdrawn"));

        assertThat(newEntries(rejected, pendingBefore))
                .containsExactly("Risk Office | Rejected | Rejected: Duplicate request (Pending → Canceled)");
        assertThat(newEntries(canceled, scheduledBefore))
                .containsExactly("HR Desk | Canceled | Canceled: Offer withdrawn (Scheduled → Canceled)");
    }

    @Test
    void snoozing_records_the_day_the_reason_and_the_status_change() {
        UUID id = onboarding(7);
        int before = activitySize(id);

        ApiResponse snoozed = post(
                EVENTS + id + "/snooze",
                hr(),
                JsonBody.json().with("until", "2026-03-25").with("reason", "Waiting for paperwork"));

        assertThat(newEntries(snoozed, before))
                .containsExactly(
                        "HR Desk | Snoozed | Snoozed until 2026-03-25: Waiting for paperwork (Pending → Snoozed)");
    }

    @Test
    void completing_provision_records_who_did_it_and_the_start_of_verification() {
        UUID id = openOnboarding();
        int before = activitySize(id);

        ApiResponse completed = post(
                EVENTS + id + "/stages/Provision/complete", token("Provision Team", List.of("events:provision")), "{}");

        assertThat(newEntries(completed, before))
                .containsExactly(
                        "Provision Team | Stage completed | Provision completed (Open → Resolved)",
                        "System | Stage started | Verification started");
    }

    @Test
    void completing_verification_records_the_verifier_and_the_completion() {
        UUID id = openOnboarding();
        post(EVENTS + id + "/stages/Provision/complete", admin, "{}");
        int before = activitySize(id);

        ApiResponse completed =
                post(EVENTS + id + "/stages/Verification/complete", token("Verifier", List.of("events:verify")), "{}");

        assertThat(newEntries(completed, before))
                .containsExactly(
                        "Verifier | Stage completed | Verification completed (Resolved → Completed)",
                        "System | Completed | Onboard event completed");
    }

    @Test
    void recording_a_return_records_the_day_and_the_status_change() {
        UUID person = givenIdentity("Back", "FromLeave");
        UUID id = created(post(
                EVENTS + "leave-of-absence",
                admin,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", TODAY.toString())));
        // not admin: the token that created the event may not approve it
        post(EVENTS + id + "/approve", token("Approver", List.of("events:approve")), "{}");
        ApiResponse suspended = post(EVENTS + id + "/stages/Provision/complete", admin, "{}");
        assertThat(suspended.text("status")).isEqualTo("Snoozed");
        int before = activitySize(id);

        ApiResponse returned =
                post(EVENTS + id + "/return", hr(), JsonBody.json().with("returnDate", "2026-04-10"));

        assertThat(newEntries(returned, before))
                .containsExactly("HR Desk | Return recorded | Returns on 2026-04-10 (Snoozed → Scheduled)");
    }

    @Test
    void assigning_and_unassigning_are_recorded() {
        UUID id = onboarding(12);
        UUID jane = givenIdentity("Jane", "Assignee");
        int before = activitySize(id);

        put(EVENTS + id + "/assignee", hr(), JsonBody.json().with("assigneeId", jane.toString()));
        ApiResponse unassigned =
                put(EVENTS + id + "/assignee", hr(), JsonBody.json().with("assigneeId", null));

        assertThat(newEntries(unassigned, before))
                .containsExactly(
                        "HR Desk | Assigned | Assigned to Assignee, Jane", "HR Desk | Unassigned | Assignee removed");
    }

    @Test
    void commenting_is_recorded() {
        UUID id = onboarding(12);
        int before = activitySize(id);

        ApiResponse commented =
                post(EVENTS + id + "/comments", hr(), JsonBody.json().with("content", "Badge ready"));

        assertThat(newEntries(commented, before)).containsExactly("HR Desk | Commented | Comment added");
    }

    @Test
    void steps_taken_by_the_scheduler_are_recorded_as_system() {
        UUID id = onboarding(12);
        int before = activitySize(id);

        runSchedulerOn(TODAY.plusDays(5));

        ApiResponse event = event(id);
        assertThat(newEntries(event, before))
                .containsExactly(
                        "System | Scheduled step | Advanced by date (Scheduled → Pending)",
                        "System | Stage started | Approval started");
        assertThat(event.text("activity." + before + ".createdDate")).isEqualTo("2026-03-25T09:00:00Z");
    }

    @Test
    void returns_the_activity_oldest_first() {
        UUID id = onboarding(12);
        runSchedulerOn(TODAY.plusDays(5));
        clock.advance(Duration.ofHours(2));
        post(EVENTS + id + "/approve", token("Approver", List.of("events:approve")), "{}");
        clock.advance(Duration.ofMinutes(30));
        post(EVENTS + id + "/comments", hr(), JsonBody.json().with("content", "Welcome pack sent"));

        ApiResponse event = event(id);

        List<String> actions = new ArrayList<>();
        List<Instant> dates = new ArrayList<>();
        event.at("activity").forEach(entry -> {
            actions.add(entry.path("action").asString());
            dates.add(Instant.parse(entry.path("createdDate").asString()));
        });
        assertThat(actions)
                .containsExactly(
                        "Created", "Scheduled step", "Stage started", "Approved", "Identity changed", "Commented");
        assertThat(dates).isSorted();
        assertThat(dates.get(0)).isEqualTo(NOW);
        assertThat(dates.get(dates.size() - 1)).isEqualTo("2026-03-25T11:30:00Z");
    }

    // --- append-only in the database ---

    @Test
    void refuses_to_update_activity_in_the_database() {
        UUID id = onboarding(12);
        List<String> before = storedActivity(id);

        assertThatThrownBy(() -> jdbc.sql("UPDATE event_activity SET content = 'x' WHERE event_id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");

        assertThat(storedActivity(id)).isEqualTo(before).isNotEmpty();
    }

    @Test
    void refuses_to_delete_activity_in_the_database() {
        UUID id = onboarding(12);
        List<String> before = storedActivity(id);
        long total = count("event_activity");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM event_activity").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM event_activity WHERE event_id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");

        assertThat(storedActivity(id)).isEqualTo(before).isNotEmpty();
        assertThat(count("event_activity")).isEqualTo(total);
    }

    @Test
    void refuses_to_update_or_delete_comments_in_the_database() {
        UUID id = onboarding(12);
        List<String> before = storedComments(id);
        long total = count("event_comment");

        assertThatThrownBy(() -> jdbc.sql("UPDATE event_comment SET content = 'x' WHERE event_id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM event_comment").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");

        assertThat(storedComments(id)).isEqualTo(before).isNotEmpty();
        assertThat(count("event_comment")).isEqualTo(total);
    }

    // --- append-only through the API ---

    @Test
    void offers_no_endpoint_that_changes_or_deletes_comments_or_activity() {
        UUID id = onboarding(12);
        ApiResponse before = event(id);

        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            ApiResponse response = call(
                    method,
                    EVENTS + id + "/comments",
                    admin,
                    JsonBody.json().with("content", "rewritten").toString(),
                    Map.of());
            assertThat(response.status()).as(method + " " + response.body()).isEqualTo(405);
            assertThat(response.text("error")).isEqualTo("method_not_allowed");
            assertThat(response.header("Allow")).isEqualTo("POST");
        }
        ApiResponse deleteEvent = call(HttpMethod.DELETE, EVENTS + id, admin, null, Map.of());

        assertThat(deleteEvent.status()).as(deleteEvent.body().toString()).isEqualTo(405);
        assertThat(deleteEvent.text("error")).isEqualTo("method_not_allowed");
        assertThat(event(id).body()).isEqualTo(before.body());
    }

    // --- helpers ---

    /** The entries added after the first {@code before}, as "author | action | content". */
    private static List<String> newEntries(ApiResponse response, int before) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        JsonNode activity = response.at("activity");
        for (int i = before; i < activity.size(); i++) {
            JsonNode entry = activity.get(i);
            entries.add(entry.path("author").asString() + " | "
                    + entry.path("action").asString() + " | "
                    + entry.path("content").asString());
        }
        return entries;
    }

    private String hr() {
        return token("HR Desk", List.of("events:write"));
    }

    private static UUID created(ApiResponse created) {
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** An onboarding starting {@code days} from today, with a comment. */
    private UUID onboarding(int days) {
        return created(post(EVENTS + "onboard", admin, anOnboardRequest(days)));
    }

    /** Starts today and approved: Provision is open. */
    private UUID openOnboarding() {
        UUID id = onboarding(0);
        // not admin: the token that created the event may not approve it
        assertThat(post(EVENTS + id + "/approve", token("Approver", List.of("events:approve")), "{}")
                        .text("status"))
                .isEqualTo("Open");
        return id;
    }

    private ApiResponse event(UUID id) {
        ApiResponse response = get(EVENTS + id, reader);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private int activitySize(UUID id) {
        return event(id).at("activity").size();
    }

    private List<String> storedActivity(UUID id) {
        return jdbc.sql("SELECT id, author, action, content FROM event_activity WHERE event_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
    }

    private List<String> storedComments(UUID id) {
        return jdbc.sql("SELECT id, author, content FROM event_comment WHERE event_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
