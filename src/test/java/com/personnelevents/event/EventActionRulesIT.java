package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow actions' validation and state rules, through HTTP: what each refuses (400 for a bad
 * body, 409 for a transition the event's state does not allow, 404 for an unknown event), that a
 * refused action stores nothing, and that a successful one answers the event as a following GET shows it.
 */
class EventActionRulesIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events/";

    private String admin;
    /**
     * A second admin token, which approves, rejects and verifies: the token that created an event (admin)
     * may not (separation of duties), nor may the one that provisioned it verify it.
     */
    private String otherAdmin;

    private String reader;

    @BeforeEach
    void tokens() {
        admin = token("admin");
        otherAdmin = token("admin");
        reader = token("events:read");
    }

    // --- approve ---

    @Test
    void refuses_to_approve_while_the_approval_window_is_not_open() {
        UUID id = onboarding(12);
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/approve", admin, "{}");

        assertConflict(response, "Cannot approve an event that is Scheduled");
        assertThat(event(id).text("status")).isEqualTo("Scheduled");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_to_approve_an_event_a_second_time() {
        UUID id = onboarding(7);
        assertThat(post(EVENTS + id + "/approve", otherAdmin, "{}").status()).isEqualTo(200);
        long activity = activityCount(id);

        ApiResponse second = post(EVENTS + id + "/approve", otherAdmin, "{}");

        assertConflict(second, "Cannot approve an event that is Scheduled");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void approve_answers_the_event_as_a_following_get_shows_it() {
        UUID id = onboarding(7);

        ApiResponse approved =
                post(EVENTS + id + "/approve", otherAdmin, JsonBody.json().with("comment", "Looks good"));

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Scheduled");
        assertThat(approved.text("stages.0.status")).isEqualTo("Completed");
        assertThat(approved.text("comments.1.content")).isEqualTo("Looks good");
        assertThat(approved.body()).isEqualTo(event(id).body());
    }

    // --- complete a stage ---

    @Test
    void refuses_to_complete_verification_while_provision_is_the_current_stage() {
        UUID id = openOnboarding();
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/stages/Verification/complete", admin, "{}");

        assertConflict(response, "Cannot complete the Verification stage of an event that is Open");
        assertThat(event(id).text("stages.1.status")).isEqualTo("Open");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_to_complete_a_stage_the_event_type_does_not_have() {
        UUID id = openOnboarding();
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/stages/Removal/complete", admin, "{}");

        assertConflict(response, "The Removal stage is not the current stage; the event is at Provision");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_to_complete_the_approval_stage_through_the_stage_endpoint() {
        UUID id = onboarding(7);
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/stages/Approval/complete", admin, "{}");

        assertValidationError(response, "stage", "The Approval stage is completed by approving the event");
        assertThat(event(id).text("status")).isEqualTo("Pending");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void rejects_an_unknown_stage_name_listing_the_valid_stages() {
        UUID id = openOnboarding();

        ApiResponse response = post(EVENTS + id + "/stages/Deprovision/complete", admin, "{}");

        assertValidationError(response, "stage", "Stage must be one of: Provision, Removal, Verification");
    }

    @Test
    void takes_the_stage_name_in_any_case() {
        UUID id = openOnboarding();
        String provisioner = token("Provision Team", List.of("events:provision"));

        ApiResponse response = post(EVENTS + id + "/stages/provision/complete", provisioner, "{}");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("Resolved");
        assertThat(response.text("stages.1.name")).isEqualTo("Provision");
        assertThat(response.text("stages.1.status")).isEqualTo("Completed");
        assertThat(response.text("stages.1.completedBy")).isEqualTo("Provision Team");
        assertThat(response.body()).isEqualTo(event(id).body());
    }

    // --- reject and cancel ---

    @Test
    void rejects_a_rejection_without_a_reason() {
        UUID id = onboarding(7);
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/reject", admin, "{}");

        assertValidationError(response, "reason", "Reason is required");
        assertThat(event(id).text("status")).isEqualTo("Pending");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void rejects_a_cancellation_without_a_body() {
        UUID id = onboarding(12);
        long activity = activityCount(id);

        ApiResponse response = post(EVENTS + id + "/cancel", admin, null);

        assertValidationError(response, "reason", "Reason is required");
        assertThat(event(id).text("status")).isEqualTo("Scheduled");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void reject_cancels_the_event_and_answers_it_as_a_following_get_shows_it() {
        UUID id = onboarding(7);

        ApiResponse rejected =
                post(EVENTS + id + "/reject", otherAdmin, JsonBody.json().with("reason", "Duplicate"));

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("Canceled");
        List<String> stages = new ArrayList<>();
        rejected.at("stages").forEach(stage -> stages.add(stage.path("status").asString()));
        assertThat(stages).containsExactly("Canceled", "Canceled", "Canceled");
        assertThat(rejected.body()).isEqualTo(event(id).body());
    }

    @Test
    void cancel_answers_the_event_as_a_following_get_shows_it() {
        UUID id = onboarding(12);

        ApiResponse canceled =
                post(EVENTS + id + "/cancel", admin, JsonBody.json().with("reason", "Offer withdrawn"));

        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(canceled.text("status")).isEqualTo("Canceled");
        assertThat(canceled.body()).isEqualTo(event(id).body());
    }

    @Test
    void refuses_to_cancel_once_the_access_changes_are_made() {
        UUID id = openOnboarding();
        complete(id, "Provision");
        long activity = activityCount(id);

        ApiResponse response =
                post(EVENTS + id + "/cancel", admin, JsonBody.json().with("reason", "Too late"));

        assertConflict(response, "Access changes of this event are already made; it can no longer be canceled");
        assertThat(event(id).text("status")).isEqualTo("Resolved");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    // --- snooze ---

    @Test
    void rejects_a_snooze_without_a_day() {
        UUID id = onboarding(7);
        long activity = activityCount(id);

        ApiResponse response =
                post(EVENTS + id + "/snooze", admin, JsonBody.json().with("reason", "Waiting"));

        assertValidationError(response, "until", "Until is required");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_a_snooze_until_today() {
        UUID id = onboarding(7);
        long activity = activityCount(id);

        ApiResponse response =
                post(EVENTS + id + "/snooze", admin, JsonBody.json().with("until", TODAY.toString()));

        assertConflict(response, "An event can only be snoozed until a day after today");
        assertThat(event(id).text("status")).isEqualTo("Pending");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_a_snooze_until_a_day_in_the_past() {
        UUID id = onboarding(7);

        ApiResponse response = post(
                EVENTS + id + "/snooze",
                admin,
                JsonBody.json().with("until", TODAY.minusDays(3).toString()));

        assertConflict(response, "An event can only be snoozed until a day after today");
        assertThat(event(id).text("status")).isEqualTo("Pending");
    }

    @Test
    void rejects_a_snooze_until_an_invalid_date() {
        UUID id = onboarding(7);
        long activity = activityCount(id);

        ApiResponse response =
                post(EVENTS + id + "/snooze", admin, JsonBody.json().with("until", "2026-02-30"));

        assertValidationError(response, "until", "Until must be a valid date in YYYY-MM-DD or ISO 8601 format");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_to_snooze_an_event_that_is_already_snoozed() {
        UUID id = onboarding(7);
        snooze(id, TODAY.plusDays(3).toString());
        long activity = activityCount(id);

        ApiResponse response = post(
                EVENTS + id + "/snooze",
                admin,
                JsonBody.json().with("until", TODAY.plusDays(5).toString()));

        assertConflict(response, "Cannot snooze an event that is Snoozed");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void snooze_answers_the_event_as_a_following_get_shows_it() {
        UUID id = onboarding(7);

        ApiResponse snoozed = post(
                EVENTS + id + "/snooze",
                admin,
                JsonBody.json().with("until", TODAY.plusDays(3).toString()).with("reason", "Paperwork"));

        assertThat(snoozed.status()).as(snoozed.body().toString()).isEqualTo(200);
        assertThat(snoozed.text("status")).isEqualTo("Snoozed");
        assertThat(snoozed.text("stages.0.status")).isEqualTo("Snoozed");
        assertThat(snoozed.body()).isEqualTo(event(id).body());
    }

    // --- return from leave ---

    @Test
    void refuses_a_return_on_an_event_that_is_not_a_leave() {
        UUID id = offboarding(givenIdentity("Not", "OnLeave"), 12);
        long activity = activityCount(id);

        ApiResponse response = post(
                EVENTS + id + "/return",
                admin,
                JsonBody.json().with("returnDate", TODAY.plusDays(20).toString()));

        assertConflict(response, "Only a leave of absence has a return");
        assertThat(event(id).at("neededUntil").isNull()).isTrue();
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void refuses_a_return_without_a_date_on_an_event_that_is_not_a_leave_as_not_a_leave() {
        UUID id = offboarding(givenIdentity("Also", "NotOnLeave"), 12);

        ApiResponse response = post(EVENTS + id + "/return", admin, "{}");

        assertConflict(response, "Only a leave of absence has a return");
    }

    @Test
    void refuses_a_return_date_on_or_before_the_first_day_of_leave() {
        UUID id = leave(givenIdentity("Early", "Return"), "2026-05-01", null);
        long activity = activityCount(id);

        ApiResponse response =
                post(EVENTS + id + "/return", admin, JsonBody.json().with("returnDate", "2026-05-01"));

        assertConflict(
                response,
                "The return date must be after the first day of leave (2026-05-01) while nothing is suspended yet;"
                        + " cancel the leave instead");
        assertThat(event(id).at("neededUntil").isNull()).isTrue();
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void rejects_a_return_date_in_the_past() {
        UUID id = leave(givenIdentity("Past", "Return"), "2026-05-01", null);
        long activity = activityCount(id);

        ApiResponse response = post(
                EVENTS + id + "/return",
                admin,
                JsonBody.json().with("returnDate", TODAY.minusDays(1).toString()));

        assertValidationError(response, "returnDate", "Return date must be today or later");
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void return_answers_the_event_as_a_following_get_shows_it() {
        UUID id = leave(givenIdentity("Known", "Return"), "2026-05-01", null);

        ApiResponse returned =
                post(EVENTS + id + "/return", admin, JsonBody.json().with("returnDate", "2026-07-20"));

        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        assertThat(returned.text("neededUntil")).isEqualTo("2026-07-20T00:00:00Z");
        assertThat(returned.text("stages.2.name")).isEqualTo("Removal");
        assertThat(returned.text("stages.2.status")).isEqualTo("Scheduled");
        assertThat(returned.text("stages.2.scheduledStart")).isEqualTo("2026-07-20T00:00:00Z");
        assertThat(returned.body()).isEqualTo(event(id).body());
    }

    // --- assignee ---

    @Test
    void assigns_an_existing_identity_by_its_display_name() {
        UUID id = onboarding(12);
        UUID jane = givenIdentity("Jane", "Assignee");

        ApiResponse assigned =
                put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", jane.toString()));

        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.text("assignee.id")).isEqualTo(jane.toString());
        assertThat(assigned.text("assignee.name")).isEqualTo("Assignee, Jane");
        assertThat(assigned.body()).isEqualTo(event(id).body());
    }

    @Test
    void rejects_an_assignee_that_is_no_existing_identity() {
        UUID id = onboarding(12);
        UUID unknown = UUID.randomUUID();
        long activity = activityCount(id);

        ApiResponse response =
                put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", unknown.toString()));

        assertValidationError(response, "assigneeId", "Identity with id " + unknown + " not found");
        assertThat(event(id).at("assignee").isNull()).isTrue();
        assertThat(activityCount(id)).isEqualTo(activity);
    }

    @Test
    void rejects_an_assignee_id_that_is_not_a_guid() {
        UUID id = onboarding(12);

        ApiResponse response =
                put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", "12345"));

        assertValidationError(response, "assigneeId", "Assignee id must be a valid GUID");
    }

    @Test
    void unassigns_with_a_null_assignee_id() {
        UUID id = onboarding(12);
        UUID jane = givenIdentity("Jane", "Unassigned");
        put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", jane.toString()));

        ApiResponse unassigned =
                put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", null));

        assertThat(unassigned.status()).as(unassigned.body().toString()).isEqualTo(200);
        assertThat(unassigned.at("assignee").isNull()).isTrue();
        assertThat(unassigned.body()).isEqualTo(event(id).body());
    }

    // --- comments ---

    @Test
    void adds_a_comment_by_the_token_and_an_activity_entry() {
        UUID id = onboarding(12);
        String hr = token("HR Desk", List.of("events:write"));
        int comments = event(id).at("comments").size();
        int activity = event(id).at("activity").size();

        ApiResponse commented =
                post(EVENTS + id + "/comments", hr, JsonBody.json().with("content", "Laptop ordered\nDesk 4B"));

        assertThat(commented.status()).as(commented.body().toString()).isEqualTo(200);
        assertThat(commented.at("comments").size()).isEqualTo(comments + 1);
        assertThat(commented.text("comments." + comments + ".author")).isEqualTo("HR Desk");
        assertThat(commented.text("comments." + comments + ".content")).isEqualTo("Laptop ordered\nDesk 4B");
        assertThat(commented.text("comments." + comments + ".createdDate")).isEqualTo(NOW.toString());
        assertThat(commented.at("activity").size()).isEqualTo(activity + 1);
        assertThat(commented.text("activity." + activity + ".author")).isEqualTo("HR Desk");
        assertThat(commented.text("activity." + activity + ".action")).isEqualTo("Commented");
        assertThat(commented.body()).isEqualTo(event(id).body());
    }

    @Test
    void rejects_an_empty_comment() {
        UUID id = onboarding(12);
        long activity = activityCount(id);
        long comments = commentCount(id);

        ApiResponse response =
                post(EVENTS + id + "/comments", admin, JsonBody.json().with("content", ""));

        assertValidationError(response, "content", "Content is required");
        assertThat(activityCount(id)).isEqualTo(activity);
        assertThat(commentCount(id)).isEqualTo(comments);
    }

    // --- finished events ---

    @Test
    void refuses_every_action_on_a_completed_event() {
        UUID id = openOnboarding();
        complete(id, "Provision");
        complete(id, "Verification");
        assertThat(event(id).text("status")).isEqualTo("Completed");

        assertRefusedOnFinished(id, "Completed");
    }

    @Test
    void refuses_every_action_on_a_canceled_event() {
        UUID id = onboarding(12);
        assertThat(post(EVENTS + id + "/cancel", admin, JsonBody.json().with("reason", "Offer withdrawn"))
                        .status())
                .isEqualTo(200);

        assertRefusedOnFinished(id, "Canceled");
    }

    private void assertRefusedOnFinished(UUID id, String status) {
        UUID someone = givenIdentity("Late", "Assignee");
        long activity = activityCount(id);
        long comments = commentCount(id);
        ApiResponse before = event(id);
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("approve", post(EVENTS + id + "/approve", admin, "{}"));
        answers.put(
                "cancel", post(EVENTS + id + "/cancel", admin, JsonBody.json().with("reason", "Again")));
        answers.put(
                "snooze",
                post(
                        EVENTS + id + "/snooze",
                        admin,
                        JsonBody.json().with("until", TODAY.plusDays(3).toString())));
        answers.put(
                "assign",
                put(EVENTS + id + "/assignee", admin, JsonBody.json().with("assigneeId", someone.toString())));
        answers.put(
                "comment on",
                post(EVENTS + id + "/comments", admin, JsonBody.json().with("content", "Late")));
        answers.put(
                "complete the Verification stage of", post(EVENTS + id + "/stages/Verification/complete", admin, "{}"));

        answers.forEach((verb, answer) -> assertConflict(answer, "Cannot " + verb + " an event that is " + status));
        assertThat(activityCount(id)).isEqualTo(activity);
        assertThat(commentCount(id)).isEqualTo(comments);
        assertThat(event(id).body()).isEqualTo(before.body());
    }

    // --- unknown event ---

    @Test
    void answers_404_for_every_action_on_an_unknown_event() {
        UUID unknown = UUID.randomUUID();
        UUID someone = givenIdentity("Assignee", "OfNothing");
        String path = EVENTS + unknown;
        List<Function<String, ApiResponse>> actions = List.of(
                p -> post(p + "/approve", admin, "{}"),
                p -> post(p + "/reject", admin, JsonBody.json().with("reason", "No")),
                p -> post(p + "/stages/Provision/complete", admin, "{}"),
                p -> post(p + "/stages/Verification/complete", admin, "{}"),
                p -> post(p + "/cancel", admin, JsonBody.json().with("reason", "No")),
                p -> post(
                        p + "/snooze",
                        admin,
                        JsonBody.json().with("until", TODAY.plusDays(3).toString())),
                p -> post(p + "/return", admin, "{}"),
                p -> put(p + "/assignee", admin, JsonBody.json().with("assigneeId", someone.toString())),
                p -> put(p + "/assignee", admin, JsonBody.json().with("assigneeId", null)),
                p -> post(p + "/comments", admin, JsonBody.json().with("content", "Hello")));

        for (Function<String, ApiResponse> action : actions) {
            ApiResponse response = action.apply(path);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(404);
            assertThat(response.text("error")).isEqualTo("not_found");
            assertThat(response.text("message")).isEqualTo("Personnel event with id " + unknown + " not found");
        }
    }

    // --- helpers ---

    private static void assertConflict(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.text("error")).isEqualTo("conflict");
        assertThat(response.text("message")).isEqualTo(message);
    }

    /** An onboarding starting {@code days} from today: Pending from 7 days on, Scheduled before. */
    private UUID onboarding(int days) {
        ApiResponse created = post(EVENTS + "onboard", admin, anOnboardRequest(days));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** An onboarding starting today, approved: its Provision stage is open. */
    private UUID openOnboarding() {
        UUID id = onboarding(0);
        ApiResponse approved = post(EVENTS + id + "/approve", otherAdmin, "{}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Open");
        return id;
    }

    private UUID offboarding(UUID identity, int days) {
        ApiResponse created = post(
                EVENTS + "offboard",
                admin,
                JsonBody.json()
                        .with("identityId", identity.toString())
                        .with("effectiveDate", TODAY.plusDays(days).toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private UUID leave(UUID identity, String from, String until) {
        JsonBody body = JsonBody.json().with("identityId", identity.toString()).with("effectiveDate", from);
        if (until != null) {
            body.with("endDate", until);
        }
        ApiResponse created = post(EVENTS + "leave-of-absence", admin, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** Provision by admin; Verification by the other admin token (not the creator, not the provisioner). */
    private void complete(UUID id, String stage) {
        String by = stage.equals("Verification") ? otherAdmin : admin;
        ApiResponse completed = post(EVENTS + id + "/stages/" + stage + "/complete", by, "{}");
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
    }

    private void snooze(UUID id, String until) {
        ApiResponse snoozed =
                post(EVENTS + id + "/snooze", admin, JsonBody.json().with("until", until));
        assertThat(snoozed.status()).as(snoozed.body().toString()).isEqualTo(200);
    }

    private ApiResponse event(UUID id) {
        ApiResponse response = get(EVENTS + id, reader);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private long activityCount(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_activity WHERE event_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long commentCount(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_comment WHERE event_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
