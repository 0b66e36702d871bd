package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/personnel-events/{id}/reschedule}: the dates move, and the stages with them, until the
 * access changes start.
 */
class RescheduleIT extends AccessWorkflowTest {

    private ApiResponse reschedule(String id, String token, JsonBody body) {
        return post("/api/personnel-events/" + id + "/reschedule", token, body);
    }

    @Test
    void moving_an_onboarding_replans_its_stages_and_records_both_dates() {
        String id = create("onboard", anOnboardRequest(12));

        ApiResponse moved = reschedule(
                id,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(30).toString())
                        .with("reason", "Start delayed"));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("neededOn")).isEqualTo("2026-04-19T00:00:00Z");
        assertThat(moved.text("status")).isEqualTo("Scheduled");
        assertThat(moved.text("stages.0.name")).isEqualTo("Approval");
        assertThat(moved.text("stages.0.scheduledStart")).isEqualTo("2026-04-12T00:00:00Z");
        assertThat(moved.text("stages.1.scheduledStart")).isEqualTo("2026-04-19T00:00:00Z");
        assertThat(activity(moved)).contains("Rescheduled | Effective date 2026-04-01 → 2026-04-19: Start delayed");
        assertThat(get("/api/personnel-events?identityId=" + moved.text("affectedIdentity.id"), reader)
                        .text("items.0.neededOn"))
                .isEqualTo("2026-04-19T00:00:00Z");
    }

    @Test
    void moving_an_approved_event_keeps_its_approval_and_starts_provision_on_the_new_day() {
        UUID person = givenIdentity("Mo", "Moved");
        grant(person, "Teller");
        String id = create("offboard", anOffboardRequest(person, 3));
        assertThat(post("/api/personnel-events/" + id + "/approve", approver, null)
                        .status())
                .isEqualTo(200);

        ApiResponse moved = reschedule(
                id,
                approver,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(6).toString())
                        .with("reason", "Notice period"));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("stages.0.status")).isEqualTo("Completed");
        assertThat(moved.text("stages.1.status")).isEqualTo("Scheduled");
        assertThat(moved.text("stages.1.scheduledStart")).isEqualTo("2026-03-26T00:00:00Z");
        runSchedulerOn(TODAY.plusDays(3));
        assertThat(event(id).text("stages.1.status")).isEqualTo("Scheduled");
        runSchedulerOn(TODAY.plusDays(6));
        assertThat(actions(stage(event(id), "Provision"))).containsExactly("Remove Teller");
    }

    @Test
    void a_leave_gets_its_return_date_and_a_role_transition_its_overlap_by_rescheduling() {
        UUID person = givenIdentity("Ray", "Return");
        String leave = create("leave-of-absence", aLeaveRequest(person, 10, null));
        String transition = create("role-transition", aRoleTransitionRequest(givenIdentity("Ola", "Overlap"), 10));

        ApiResponse withReturn = reschedule(
                leave,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(12).toString())
                        .with("endDate", TODAY.plusDays(40).toString())
                        .with("reason", "Dates confirmed"));
        ApiResponse withOverlap = reschedule(
                transition,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(10).toString())
                        .with("endDate", TODAY.plusDays(20).toString())
                        .with("reason", "Handover"));

        assertThat(withReturn.status()).as(withReturn.body().toString()).isEqualTo(200);
        assertThat(withReturn.text("neededUntil")).isEqualTo("2026-04-29T00:00:00Z");
        assertThat(stage(withReturn, "Removal").path("status").asString()).isEqualTo("Scheduled");
        assertThat(stage(withReturn, "Removal").path("scheduledStart").asString())
                .isEqualTo("2026-04-29T00:00:00Z");
        assertThat(activity(withReturn))
                .contains("Rescheduled | Effective date 2026-03-30 → 2026-04-01, end date none → 2026-04-29:"
                        + " Dates confirmed");
        assertThat(withOverlap.status()).as(withOverlap.body().toString()).isEqualTo(200);
        assertThat(withOverlap.at("stages").size()).isEqualTo(4);
        assertThat(withOverlap.text("stages.2.name")).isEqualTo("Removal");
        assertThat(withOverlap.text("stages.2.scheduledStart")).isEqualTo("2026-04-09T00:00:00Z");
        assertThat(withOverlap.text("stages.3.name")).isEqualTo("Verification");
        assertThat(event(transition).at("stages").size()).isEqualTo(4);
    }

    @Test
    void follows_the_date_rules_of_a_create() {
        String onboarding = create("onboard", anOnboardRequest(12));
        String leave = create("leave-of-absence", aLeaveRequest(givenIdentity("Dee", "Dates"), 10, 5));

        ApiResponse past = reschedule(
                onboarding,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.minusDays(1).toString())
                        .with("reason", "x"));
        ApiResponse noReason = reschedule(
                onboarding,
                writer,
                JsonBody.json().with("effectiveDate", TODAY.plusDays(20).toString()));
        ApiResponse endOnOnboarding = reschedule(
                onboarding,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(20).toString())
                        .with("endDate", TODAY.plusDays(30).toString())
                        .with("reason", "x"));
        ApiResponse endBeforeStart = reschedule(
                leave,
                writer,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(20).toString())
                        .with("endDate", TODAY.plusDays(20).toString())
                        .with("reason", "x"));
        ApiResponse noBody = reschedule(onboarding, writer, null);

        assertValidationError(past, "effectiveDate", "Effective date must be today or later");
        assertValidationError(noReason, "reason", "Reason is required");
        assertValidationError(endOnOnboarding, "endDate", "An onboarding has no end date");
        assertValidationError(endBeforeStart, "endDate", "End date must be after effective date");
        assertFieldError(noBody, "effectiveDate", "Effective date is required");
        assertThat(event(onboarding).text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
    }

    @Test
    void is_refused_once_provision_has_started() {
        UUID person = givenIdentity("Pia", "Provisioned");
        grant(person, "Teller");
        String id = create("offboard", anOffboardRequest(person, 10));
        toProvision(id, TODAY.plusDays(10));

        ApiResponse refused = reschedule(
                id,
                approver,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(40).toString())
                        .with("reason", "Later"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("message"))
                .isEqualTo("The dates of this event can no longer move: its Provision stage has started");
    }
}
