package com.personnelevents.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A cancel never leaves access behind: every completed change of the event is undone by a new request,
 * and the event is Canceled when nothing is left to undo.
 */
class CancelUndoIT extends AccessWorkflowTest {

    @Test
    void canceling_an_onboarding_whose_mailbox_was_created_removes_it_and_retires_the_identity() {
        model("Staff", Map.of("department", List.of(department)), "Mailbox", "Teller");
        String id = create("onboard", anOnboardRequest(12).with("identity.department", department));
        JsonNode provision = toProvision(id, TODAY.plusDays(12));
        String person = event(id).text("affectedIdentity.id");
        complete(request(provision, "Mailbox"));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                writer,
                JsonBody.json().with("reason", "Offer withdrawn"));

        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(canceled.text("status")).isEqualTo("Open");
        assertThat(activity(canceled))
                .contains("Canceled | Canceled: Offer withdrawn; its completed changes are undone");
        JsonNode removal = stage(canceled, "Removal");
        assertThat(removal.path("status").asString()).isEqualTo("Open");
        assertThat(actions(removal)).containsExactly("Remove Mailbox");
        assertThat(request(removal, "Mailbox").path("undoes").asString())
                .isEqualTo(request(provision, "Mailbox").path("id").asString());
        assertThat(stage(canceled, "Provision").path("status").asString()).isEqualTo("Canceled");
        assertThat(stage(canceled, "Verification").path("status").asString()).isEqualTo("Canceled");
        assertThat(get(
                                "/api/access-requests/"
                                        + request(provision, "Teller")
                                                .path("id")
                                                .asString(),
                                reader)
                        .text("status"))
                .isEqualTo("Canceled");
        assertThat(get("/api/access-requests?identityId=" + person + "&type=Remove&status=Open", reader)
                        .at("totalCount")
                        .asLong())
                .isEqualTo(1);
        ApiResponse identity = get("/api/identities/" + person, reader);
        assertThat(identity.text("status")).isEqualTo("Removed");
        assertThat(identity.at("inactivatedDate").isNull()).isFalse();
        assertThat(activity(canceled))
                .contains("Access requests raised | Undoing the event's completed changes: #"
                        + request(removal, "Mailbox").path("number").asLong() + " Remove Mailbox in " + app);

        completeAll(removal);

        ApiResponse done = event(id);
        assertThat(done.text("status")).isEqualTo("Canceled");
        assertThat(stage(done, "Removal").path("status").asString()).isEqualTo("Completed");
        assertThat(held(person)).isEmpty();
        assertThat(activity(done)).contains("Canceled | Every completed change of the event is undone");
        ApiResponse again = post(
                "/api/personnel-events/" + id + "/cancel",
                writer,
                JsonBody.json().with("reason", "Twice"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void canceling_an_offboarding_halfway_adds_back_what_was_removed() {
        UUID person = givenIdentity("Hal", "Halfway");
        grant(person, "Teller", "Loans");
        String id = create("offboard", anOffboardRequest(person, 10));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));
        complete(request(provision, "Teller"));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                approver,
                JsonBody.json().with("reason", "Stays on"));

        assertThat(canceled.text("status")).isEqualTo("Open");
        JsonNode removal = stage(canceled, "Removal");
        assertThat(actions(removal)).containsExactly("Add Teller");
        assertThat(held(person)).containsExactly("Loans Active");
        ApiResponse whileUndoing = post(
                "/api/personnel-events/" + id + "/snooze",
                approver,
                JsonBody.json().with("until", TODAY.plusDays(20).toString()).with("reason", "x"));
        assertThat(whileUndoing.status()).isEqualTo(409);

        completeAll(removal);

        assertThat(held(person)).containsExactlyInAnyOrder("Teller Active", "Loans Active");
        assertThat(event(id).text("status")).isEqualTo("Canceled");
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Active");
    }

    @Test
    void canceling_a_leave_halfway_restores_what_was_suspended() {
        UUID person = givenIdentity("Liv", "Leave");
        grant(person, "Teller", "Mailbox");
        String id = create("leave-of-absence", aLeaveRequest(person, 10, 30));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));
        complete(request(provision, "Teller"));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                writer,
                JsonBody.json().with("reason", "Not going"));

        JsonNode removal = stage(canceled, "Removal");
        assertThat(actions(removal)).containsExactly("Restore Teller");
        completeAll(removal);
        assertThat(held(person)).containsExactlyInAnyOrder("Teller Active", "Mailbox Active");
        assertThat(event(id).text("status")).isEqualTo("Canceled");
    }

    @Test
    void canceling_a_role_transition_halfway_takes_back_what_was_added() {
        String commercial = department + " Commercial";
        model("Commercial", Map.of("department", List.of(commercial)), "Head Teller", "Reports");
        UUID person = givenIdentity("Tia", "Transition", department);
        String id =
                create("role-transition", aRoleTransitionRequest(person, 10).with("identity.department", commercial));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));
        complete(request(provision, "Head Teller"));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                writer,
                JsonBody.json().with("reason", "Role frozen"));

        assertThat(actions(stage(canceled, "Removal"))).containsExactly("Remove Head Teller");
        completeAll(stage(canceled, "Removal"));
        assertThat(held(person)).isEmpty();
        assertThat(get("/api/identities/" + person, reader).text("department")).isEqualTo(department);
    }

    @Test
    void canceling_before_anything_was_carried_out_is_canceled_at_once() {
        UUID person = givenIdentity("Nat", "Nothing");
        grant(person, "Teller");
        String id = create("offboard", anOffboardRequest(person, 10));
        toProvision(id, TODAY.plusDays(10));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                approver,
                JsonBody.json().with("reason", "Stays"));

        assertThat(canceled.text("status")).isEqualTo("Canceled");
        assertThat(canceled.at("stages").size()).isEqualTo(3);
        assertThat(held(person)).containsExactly("Teller Active");
    }
}
