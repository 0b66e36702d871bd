package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which scope each workflow action needs: a token without it gets 403 {@code forbidden} and the event
 * stays as it was; a token with it succeeds; {@code admin} may do everything. Completing a stage needs
 * {@code events:provision} (Provision, Removal) or {@code events:verify} (Verification).
 */
class ActionScopesIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events/";
    private static final String SCOPES_DENIED = "This token's scopes do not allow this request";

    private String admin;
    /** A second admin token: the token that created an event may not approve, reject or verify it. */
    private String otherAdmin;

    private String reader;

    @BeforeEach
    void tokens() {
        admin = token("admin");
        otherAdmin = token("admin");
        reader = token("events:read");
    }

    @Test
    void approve_needs_the_approve_scope() {
        UUID id = pendingOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/approve", token("events:write", "events:read"), "{}");

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse approved = post(EVENTS + id + "/approve", token("events:approve"), "{}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Scheduled");
    }

    @Test
    void reject_needs_the_approve_scope() {
        UUID id = pendingOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied =
                post(EVENTS + id + "/reject", token("events:write", "events:provision"), reason("Duplicate"));

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse rejected = post(EVENTS + id + "/reject", token("events:approve"), reason("Duplicate"));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("Canceled");
    }

    @Test
    void completing_provision_needs_the_provision_scope() {
        UUID id = openOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied =
                post(EVENTS + id + "/stages/Provision/complete", token("events:write", "events:approve"), "{}");

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse completed = post(EVENTS + id + "/stages/Provision/complete", token("events:provision"), "{}");
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("Resolved");
    }

    @Test
    void completing_verification_needs_the_verify_scope() {
        UUID id = resolvedOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/stages/Verification/complete", token("events:write"), "{}");

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse completed = post(EVENTS + id + "/stages/Verification/complete", token("events:verify"), "{}");
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("Completed");
    }

    @Test
    void completing_verification_with_only_the_provision_scope_names_the_verify_scope() {
        UUID id = resolvedOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/stages/Verification/complete", token("events:provision"), "{}");

        assertForbidden(denied, "Completing the Verification stage needs the events:verify scope");
        assertThat(event(id).body()).isEqualTo(before.body());
    }

    @Test
    void completing_provision_with_only_the_verify_scope_names_the_provision_scope() {
        UUID id = openOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/stages/Provision/complete", token("events:verify"), "{}");

        assertForbidden(denied, "Completing the Provision stage needs the events:provision scope");
        assertThat(event(id).body()).isEqualTo(before.body());
    }

    @Test
    void completing_removal_with_only_the_verify_scope_names_the_provision_scope() {
        UUID id = roleTransitionAtRemoval();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/stages/Removal/complete", token("events:verify"), "{}");

        assertForbidden(denied, "Completing the Removal stage needs the events:provision scope");
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse completed = post(EVENTS + id + "/stages/Removal/complete", token("events:provision"), "{}");
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("Resolved");
    }

    @Test
    void cancel_needs_the_write_scope() {
        UUID id = pendingOnboarding();
        ApiResponse before = event(id);

        ApiResponse denied = post(EVENTS + id + "/cancel", token("events:approve", "events:read"), reason("Withdrawn"));

        // events:approve gets past the door (it cancels offboardings), the workflow refuses it here
        assertForbidden(denied, "Canceling an event needs the events:write scope");
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse canceled = post(EVENTS + id + "/cancel", token("events:write"), reason("Withdrawn"));
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(canceled.text("status")).isEqualTo("Canceled");
    }

    @Test
    void snooze_needs_the_write_scope() {
        UUID id = pendingOnboarding();
        ApiResponse before = event(id);
        JsonBody until = JsonBody.json().with("until", TODAY.plusDays(3).toString());

        ApiResponse denied = post(EVENTS + id + "/snooze", token("events:approve", "events:verify"), until);

        assertForbidden(denied, "Snoozing an event needs the events:write scope");
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse snoozed = post(EVENTS + id + "/snooze", token("events:write"), until);
        assertThat(snoozed.status()).as(snoozed.body().toString()).isEqualTo(200);
        assertThat(snoozed.text("status")).isEqualTo("Snoozed");
    }

    @Test
    void recording_a_return_needs_the_write_scope() {
        UUID id = leaveWithoutReturnDate();
        ApiResponse before = event(id);
        JsonBody returnDate = JsonBody.json().with("returnDate", "2026-07-20");

        ApiResponse denied = post(EVENTS + id + "/return", token("events:provision", "events:approve"), returnDate);

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse returned = post(EVENTS + id + "/return", token("events:write"), returnDate);
        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        assertThat(returned.text("neededUntil")).isEqualTo("2026-07-20T00:00:00Z");
    }

    @Test
    void assigning_needs_the_write_scope() {
        UUID id = pendingOnboarding();
        UUID jane = givenIdentity("Jane", "Scoped");
        ApiResponse before = event(id);
        JsonBody assignee = JsonBody.json().with("assigneeId", jane.toString());

        ApiResponse denied = put(EVENTS + id + "/assignee", token("events:read", "events:approve"), assignee);

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse assigned = put(EVENTS + id + "/assignee", token("events:write"), assignee);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.text("assignee.id")).isEqualTo(jane.toString());
    }

    @Test
    void commenting_needs_the_write_scope() {
        UUID id = pendingOnboarding();
        ApiResponse before = event(id);
        JsonBody comment = JsonBody.json().with("content", "Badge requested");

        ApiResponse denied = post(EVENTS + id + "/comments", token("events:read", "identities:write"), comment);

        assertForbidden(denied, SCOPES_DENIED);
        assertThat(event(id).body()).isEqualTo(before.body());
        ApiResponse commented = post(EVENTS + id + "/comments", token("events:write"), comment);
        assertThat(commented.status()).as(commented.body().toString()).isEqualTo(200);
        assertThat(commented.text("comments.1.content")).isEqualTo("Badge requested");
    }

    @Test
    void admin_can_take_an_event_through_its_whole_workflow() {
        UUID jane = givenIdentity("Jane", "Admin");
        UUID id = id(post(EVENTS + "onboard", admin, anOnboardRequest(0)));

        assertOk(put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", jane.toString())));
        assertOk(post(EVENTS + id + "/comments", admin, JsonBody.json().with("content", "On it")));
        // separation of duties: the creating token may not approve or verify, the provisioning one not
        // verify; so a second admin token approves and verifies, and admin does everything else
        assertThat(assertOk(post(EVENTS + id + "/approve", otherAdmin, "{}")).text("status"))
                .isEqualTo("Open");
        assertThat(assertOk(post(EVENTS + id + "/stages/Provision/complete", admin, "{}"))
                        .text("status"))
                .isEqualTo("Resolved");
        ApiResponse done = assertOk(post(EVENTS + id + "/stages/Verification/complete", otherAdmin, "{}"));

        assertThat(done.text("status")).isEqualTo("Completed");
        assertThat(done.text("assignee.name")).isEqualTo("Admin, Jane");
    }

    @Test
    void admin_can_reject_cancel_snooze_and_record_a_return() {
        UUID rejected = pendingOnboarding();
        UUID canceled = pendingOnboarding();
        UUID snoozed = pendingOnboarding();
        UUID onLeave = leaveWithoutReturnDate();

        // the creating token (admin) may not reject its own event: a second admin token does
        assertThat(assertOk(post(EVENTS + rejected + "/reject", otherAdmin, reason("No")))
                        .text("status"))
                .isEqualTo("Canceled");
        assertThat(assertOk(post(EVENTS + canceled + "/cancel", admin, reason("No")))
                        .text("status"))
                .isEqualTo("Canceled");
        assertThat(assertOk(post(
                                EVENTS + snoozed + "/snooze",
                                admin,
                                JsonBody.json().with("until", TODAY.plusDays(2).toString())))
                        .text("status"))
                .isEqualTo("Snoozed");
        assertThat(assertOk(post(
                                EVENTS + onLeave + "/return",
                                admin,
                                JsonBody.json().with("returnDate", "2026-07-20")))
                        .text("neededUntil"))
                .isEqualTo("2026-07-20T00:00:00Z");
    }

    // --- helpers ---

    private static void assertForbidden(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.text("error")).isEqualTo("forbidden");
        assertThat(response.text("message")).isEqualTo(message);
    }

    private static ApiResponse assertOk(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    private static UUID id(ApiResponse created) {
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static JsonBody reason(String reason) {
        return JsonBody.json().with("reason", reason);
    }

    /** Starts in 7 days: its approval window is open. */
    private UUID pendingOnboarding() {
        UUID id = id(post(EVENTS + "onboard", admin, anOnboardRequest(7)));
        assertThat(event(id).text("status")).isEqualTo("Pending");
        return id;
    }

    /** Starts today and approved: Provision is open. */
    private UUID openOnboarding() {
        UUID id = id(post(EVENTS + "onboard", admin, anOnboardRequest(0)));
        assertThat(assertOk(post(EVENTS + id + "/approve", otherAdmin, "{}")).text("status"))
                .isEqualTo("Open");
        return id;
    }

    /** Provision done: awaiting Verification. */
    private UUID resolvedOnboarding() {
        UUID id = openOnboarding();
        assertThat(assertOk(post(EVENTS + id + "/stages/Provision/complete", admin, "{}"))
                        .text("status"))
                .isEqualTo("Resolved");
        return id;
    }

    /** A role transition with an overlap until tomorrow, on that day: its Removal stage is open. */
    private UUID roleTransitionAtRemoval() {
        UUID person = givenIdentity("Moving", "Roles");
        UUID id = id(post(
                EVENTS + "role-transition",
                admin,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", TODAY.toString())
                        .with("endDate", TODAY.plusDays(1).toString())
                        .with("identity.title", "Branch Manager")));
        assertOk(post(EVENTS + id + "/approve", otherAdmin, "{}"));
        assertOk(post(EVENTS + id + "/stages/Provision/complete", admin, "{}"));
        runSchedulerOn(TODAY.plusDays(1));
        ApiResponse atRemoval = event(id);
        assertThat(atRemoval.text("status")).isEqualTo("Open");
        assertThat(atRemoval.text("stages.2.name")).isEqualTo("Removal");
        assertThat(atRemoval.text("stages.2.status")).isEqualTo("Open");
        return id;
    }

    private UUID leaveWithoutReturnDate() {
        UUID person = givenIdentity("Leave", "Taker");
        return id(post(
                EVENTS + "leave-of-absence",
                admin,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-05-01")));
    }

    private ApiResponse event(UUID id) {
        return assertOk(get(EVENTS + id, reader));
    }
}
