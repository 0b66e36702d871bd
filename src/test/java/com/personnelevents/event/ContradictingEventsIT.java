package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events that contradict another open event of the same person are refused, naming it. */
class ContradictingEventsIT extends AccessWorkflowTest {

    @Test
    void an_event_dated_after_an_open_offboarding_is_refused() {
        UUID person = givenIdentity("Lee", "Leaving");
        ApiResponse offboarding = post("/api/personnel-events/offboard", admin, anOffboardRequest(person, 10));

        ApiResponse transition =
                post("/api/personnel-events/role-transition", admin, aRoleTransitionRequest(person, 11));
        ApiResponse leave = post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 20, 5));
        ApiResponse sameDay = post("/api/personnel-events/role-transition", admin, aRoleTransitionRequest(person, 10));

        String named = "event #" + offboarding.text("number") + " (" + offboarding.text("id") + ")";
        assertThat(transition.status()).as(transition.body().toString()).isEqualTo(409);
        assertThat(transition.text("message"))
                .isEqualTo("Identity " + person + " leaves on 2026-03-30 (offboarding " + named
                        + "); an event dated after that contradicts it");
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.text("message")).contains(named);
        assertThat(sameDay.status()).as(sameDay.body().toString()).isEqualTo(201);
    }

    @Test
    void an_offboarding_dated_before_an_open_event_is_refused() {
        UUID person = givenIdentity("Pat", "Promoted");
        ApiResponse transition =
                post("/api/personnel-events/role-transition", admin, aRoleTransitionRequest(person, 20));

        ApiResponse offboarding = post("/api/personnel-events/offboard", admin, anOffboardRequest(person, 10));

        assertThat(offboarding.status()).as(offboarding.body().toString()).isEqualTo(409);
        assertThat(offboarding.text("message"))
                .isEqualTo("Identity " + person + " has an open RoleTransition dated 2026-04-09 (event #"
                        + transition.text("number") + " (" + transition.text("id")
                        + ")), after this offboarding; cancel or move it first");
    }

    @Test
    void a_leave_overlapping_another_open_leave_is_refused() {
        UUID person = givenIdentity("Oli", "Overlap");
        ApiResponse first = post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 10, 10));

        ApiResponse overlapping = post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 15, 10));
        ApiResponse afterReturn = post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 20, 5));

        assertThat(overlapping.status()).as(overlapping.body().toString()).isEqualTo(409);
        assertThat(overlapping.text("message"))
                .isEqualTo("Identity " + person + " is on leave from 2026-03-30 to 2026-04-09 (event #"
                        + first.text("number") + " (" + first.text("id") + ")); leaves cannot overlap");
        assertThat(afterReturn.status()).as(afterReturn.body().toString()).isEqualTo(201);
    }

    @Test
    void a_leave_without_a_return_date_overlaps_every_later_leave() {
        UUID person = givenIdentity("Una", "Unknown");
        post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 10, null));

        ApiResponse later = post("/api/personnel-events/leave-of-absence", admin, aLeaveRequest(person, 100, 5));

        assertThat(later.status()).as(later.body().toString()).isEqualTo(409);
        assertThat(later.text("message")).contains("is on leave from 2026-03-30 with no return date");
    }

    @Test
    void rescheduling_into_a_contradiction_is_refused_too() {
        UUID person = givenIdentity("Rex", "Resched");
        post("/api/personnel-events/offboard", admin, anOffboardRequest(person, 10));
        String transition = create("role-transition", aRoleTransitionRequest(person, 5));

        ApiResponse moved = post(
                "/api/personnel-events/" + transition + "/reschedule",
                admin,
                JsonBody.json()
                        .with("effectiveDate", TODAY.plusDays(15).toString())
                        .with("reason", "Later"));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(409);
        assertThat(moved.text("message")).contains("leaves on 2026-03-30");
    }
}
