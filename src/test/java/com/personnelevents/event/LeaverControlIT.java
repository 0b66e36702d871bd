package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A leaver cannot be postponed or dropped by one hand: snoozing or canceling an offboarding needs the
 * events:approve scope and a reason; a snooze lasts at most 90 days; the person is disabled as soon as
 * their access is removed.
 */
class LeaverControlIT extends AccessWorkflowTest {

    @Test
    void an_events_write_token_cannot_snooze_a_same_day_offboarding() {
        String id = create("offboard", anOffboardRequest(givenIdentity("Sam", "Sameday"), 0));

        ApiResponse refused = post(
                "/api/personnel-events/" + id + "/snooze",
                writer,
                JsonBody.json().with("until", TODAY.plusDays(60).toString()).with("reason", "Later"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
        assertThat(refused.text("message")).isEqualTo("Snoozing an offboarding needs the events:approve scope");
        assertThat(event(id).text("status")).isEqualTo("Pending");
    }

    @Test
    void snoozing_an_offboarding_needs_a_reason_from_an_approver() {
        String id = create("offboard", anOffboardRequest(givenIdentity("Rhea", "Reason"), 0));
        String path = "/api/personnel-events/" + id + "/snooze";

        ApiResponse noReason = post(
                path, approver, JsonBody.json().with("until", TODAY.plusDays(5).toString()));
        ApiResponse snoozed = post(
                path,
                approver,
                JsonBody.json().with("until", TODAY.plusDays(5).toString()).with("reason", "Notice period extended"));

        assertValidationError(noReason, "reason", "A reason is required to snooze an offboarding");
        assertThat(snoozed.status()).as(snoozed.body().toString()).isEqualTo(200);
        assertThat(snoozed.text("status")).isEqualTo("Snoozed");
        assertThat(activity(snoozed))
                .contains("Snoozed | Snoozed until 2026-03-25: Notice period extended (Pending → Snoozed)");
    }

    @Test
    void canceling_an_offboarding_needs_the_events_approve_scope() {
        String id = create("offboard", anOffboardRequest(givenIdentity("Cass", "Cancel"), 10));
        String path = "/api/personnel-events/" + id + "/cancel";

        ApiResponse refused = post(path, writer, JsonBody.json().with("reason", "Changed their mind"));
        ApiResponse canceled = post(path, approver, JsonBody.json().with("reason", "Changed their mind"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        assertThat(refused.text("message")).isEqualTo("Canceling an offboarding needs the events:approve scope");
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(canceled.text("status")).isEqualTo("Canceled");
    }

    @Test
    void other_events_are_still_snoozed_and_canceled_with_events_write() {
        UUID person = givenIdentity("Otto", "Other");
        String leave = create("leave-of-absence", aLeaveRequest(person, 10, 20));
        String onboarding = create("onboard", anOnboardRequest(20));

        ApiResponse snoozed = post(
                "/api/personnel-events/" + leave + "/snooze",
                writer,
                JsonBody.json().with("until", TODAY.plusDays(5).toString()));
        ApiResponse canceled = post(
                "/api/personnel-events/" + onboarding + "/cancel",
                writer,
                JsonBody.json().with("reason", "No hire"));

        assertThat(snoozed.status()).as(snoozed.body().toString()).isEqualTo(200);
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
    }

    @Test
    void a_snooze_lasts_at_most_90_days() {
        String id = create("onboard", anOnboardRequest(5));
        String path = "/api/personnel-events/" + id + "/snooze";

        ApiResponse tooLong = post(
                path, writer, JsonBody.json().with("until", TODAY.plusDays(91).toString()));
        ApiResponse longest = post(
                path, writer, JsonBody.json().with("until", TODAY.plusDays(90).toString()));

        assertValidationError(
                tooLong, "until", "An event can be snoozed for at most 90 days: until 2026-06-18 at the latest");
        assertThat(longest.status()).as(longest.body().toString()).isEqualTo(200);
        assertThat(longest.text("status")).isEqualTo("Snoozed");
    }

    @Test
    void the_leaver_is_disabled_when_their_access_removal_completes_not_after_verification() {
        UUID person = givenIdentity("Dana", "Departing");
        grant(person, "Teller", "Reports");
        String id = create("offboard", anOffboardRequest(person, 14));
        JsonNode provision = toProvision(id, TODAY.plusDays(14));
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Active");

        completeAll(provision);

        ApiResponse resolved = event(id);
        ApiResponse identity = get("/api/identities/" + person, reader);
        assertThat(resolved.text("status")).isEqualTo("Resolved");
        assertThat(identity.text("status")).isEqualTo("Disabled");
        assertThat(identity.text("inactivatedDate")).isEqualTo(clock.instant().toString());
        assertThat(held(person)).isEmpty();
    }

    @Test
    void an_offboarding_moved_to_a_later_date_needs_an_approver() {
        String id = create("offboard", anOffboardRequest(givenIdentity("Lana", "Later"), 10));
        String path = "/api/personnel-events/" + id + "/reschedule";
        LocalDate later = TODAY.plusDays(30);
        LocalDate earlier = TODAY.plusDays(8);

        ApiResponse refused = post(
                path,
                writer,
                JsonBody.json().with("effectiveDate", later.toString()).with("reason", "Notice"));
        ApiResponse sooner = post(
                path,
                writer,
                JsonBody.json().with("effectiveDate", earlier.toString()).with("reason", "Left early"));
        ApiResponse moved = post(
                path,
                approver,
                JsonBody.json().with("effectiveDate", later.toString()).with("reason", "Notice"));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        assertThat(refused.text("message"))
                .isEqualTo("Moving an offboarding to a later date needs the events:approve scope");
        assertThat(sooner.status()).as(sooner.body().toString()).isEqualTo(200);
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("neededOn")).isEqualTo(later + "T00:00:00Z");
    }

    @Test
    void a_leave_ends_when_the_person_leaves_during_it_and_nothing_is_restored_to_a_leaver() {
        UUID person = givenIdentity("Rosa", "Resigned");
        grant(person, "Teller");
        String leave = create("leave-of-absence", aLeaveRequest(person, 5, 30));
        completeAll(toProvision(leave, TODAY.plusDays(5)));
        String offboarding = create("offboard", anOffboardRequest(person, 10));
        JsonNode removal = toProvision(offboarding, TODAY.plusDays(10));

        completeAll(removal);

        ApiResponse ended = event(leave);
        assertThat(ended.text("status")).isEqualTo("Canceled");
        assertThat(stage(ended, "Removal").path("status").asString()).isEqualTo("Canceled");
        assertThat(activity(ended))
                .contains("Canceled | Ended: the person left (offboarding #"
                        + event(offboarding).text("number")
                        + "); nothing of this leave is restored (Scheduled → Canceled)");
        runSchedulerOn(TODAY.plusDays(35));
        assertThat(held(person)).isEmpty();
        assertThat(get("/api/access-requests?identityId=" + person + "&type=Restore", reader)
                        .at("totalCount")
                        .asLong())
                .isZero();
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Disabled");
    }
}
