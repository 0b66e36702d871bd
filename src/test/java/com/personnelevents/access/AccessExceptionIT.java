package com.personnelevents.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refused removal or suspension is an exception, not a pass: its stage stays open until an approver
 * raises the request again or accepts the exception with a reason.
 */
class AccessExceptionIT extends AccessWorkflowTest {

    private String offboardingInProvision(UUID person) {
        String id = create("offboard", anOffboardRequest(person, 10));
        toProvision(id, TODAY.plusDays(10));
        return id;
    }

    @Test
    void a_rejected_removal_keeps_provision_open_and_the_person_keeps_nothing_quietly() {
        UUID person = givenIdentity("Kip", "Keeps");
        grant(person, "Teller", "Loans");
        String id = offboardingInProvision(person);
        JsonNode provision = stage(event(id), "Provision");
        complete(request(provision, "Teller"));

        ApiResponse rejected = reject(request(provision, "Loans"), "Loans system is down");

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("Canceled");
        assertThat(rejected.text("reason")).isEqualTo("Rejected: Loans system is down");
        assertThat(rejected.text("exception.status")).isEqualTo("Undecided");
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Open");
        assertThat(stage(after, "Provision").path("status").asString()).isEqualTo("Open");
        assertThat(activity(after))
                .contains("Access request rejected | #" + rejected.text("number") + " Remove Loans in " + app
                        + ": Rejected: Loans system is down");
        assertThat(activity(after)).noneMatch(line -> line.contains("Rejected: Rejected:"));
        ApiResponse byHand = post("/api/personnel-events/" + id + "/stages/Provision/complete", provisioner, null);
        assertThat(byHand.status()).isEqualTo(409);
        assertThat(byHand.text("message"))
                .isEqualTo("The Provision stage has 1 refused access request awaiting a decision: raise it again or"
                        + " accept the exception");
        assertThat(held(person)).containsExactly("Loans Active");
    }

    @Test
    void raising_a_refused_removal_again_opens_a_new_request_that_completes_the_stage() {
        UUID person = givenIdentity("Ria", "Retry");
        grant(person, "Loans");
        String id = offboardingInProvision(person);
        JsonNode refused = request(stage(event(id), "Provision"), "Loans");
        reject(refused, "Account locked");

        ApiResponse provisionerCannot = post(
                "/api/access-requests/" + refused.path("id").asString() + "/retry",
                provisioner,
                JsonBody.json().with("reason", "Unlocked now"));
        ApiResponse noReason =
                post("/api/access-requests/" + refused.path("id").asString() + "/retry", approver, JsonBody.json());
        ApiResponse retried = post(
                "/api/access-requests/" + refused.path("id").asString() + "/retry",
                approver,
                JsonBody.json().with("reason", "Unlocked now"));

        assertThat(provisionerCannot.status()).isEqualTo(403);
        assertValidationError(noReason, "reason", "Reason is required");
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
        assertThat(retried.headers().getLocation()).hasToString("/api/access-requests/" + retried.text("id"));
        assertThat(retried.text("status")).isEqualTo("Open");
        assertThat(retried.text("action")).isEqualTo("Remove");
        assertThat(retried.text("retryOf")).isEqualTo(refused.path("id").asString());
        ApiResponse old = get("/api/access-requests/" + refused.path("id").asString(), reader);
        assertThat(old.text("exception.status")).isEqualTo("Retried");
        assertThat(old.text("exception.decidedBy")).isEqualTo(APPROVER);
        assertThat(old.text("exception.reason")).isEqualTo("Unlocked now");
        assertThat(get("/api/access-requests?identityId=" + person + "&status=Open", reader)
                        .at("totalCount")
                        .asLong())
                .isEqualTo(1);
        assertThat(activity(event(id)))
                .contains("Access request raised again | #"
                        + refused.path("number").asLong() + " Remove Loans in " + app + " raised again as #"
                        + retried.text("number") + ": Unlocked now");

        post("/api/access-requests/" + retried.text("id") + "/complete", provisioner, null);

        assertThat(event(id).text("status")).isEqualTo("Resolved");
        assertThat(held(person)).isEmpty();
    }

    @Test
    void accepting_the_exception_with_a_reason_completes_the_stage_and_is_on_record() {
        UUID person = givenIdentity("Ace", "Accepted");
        grant(person, "Loans", "Teller");
        String id = offboardingInProvision(person);
        JsonNode provision = stage(event(id), "Provision");
        complete(request(provision, "Teller"));
        JsonNode refused = request(provision, "Loans");
        reject(refused, "Needed for the loan book handover");
        String accept = "/api/access-requests/" + refused.path("id").asString() + "/accept-exception";

        ApiResponse noReason = post(accept, approver, null);
        ApiResponse accepted = post(accept, approver, JsonBody.json().with("reason", "Handover until Friday"));
        ApiResponse again = post(accept, approver, JsonBody.json().with("reason", "Twice"));

        assertValidationError(noReason, "reason", "Reason is required");
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.text("exception.status")).isEqualTo("Accepted");
        assertThat(accepted.text("exception.decidedBy")).isEqualTo(APPROVER);
        assertThat(accepted.text("exception.reason")).isEqualTo("Handover until Friday");
        assertThat(again.status()).isEqualTo(409);
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Resolved");
        assertThat(stage(after, "Provision").path("completedBy").asString()).isEqualTo(APPROVER);
        assertThat(activity(after))
                .contains("Exception accepted | #" + refused.path("number").asLong() + " Remove Loans in " + app
                        + " not carried out: Handover until Friday");
        assertThat(held(person)).containsExactly("Loans Active");
    }

    @Test
    void a_rejected_suspension_holds_the_leave_until_decided() {
        UUID person = givenIdentity("Sue", "Suspend");
        grant(person, "Mailbox");
        String id = create("leave-of-absence", aLeaveRequest(person, 10, 30));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));

        reject(request(provision, "Mailbox"), "Needed for HR mail");

        assertThat(event(id).text("status")).isEqualTo("Open");
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Active");
    }

    @Test
    void rejecting_an_addition_still_closes_it_without_an_exception() {
        model("Tellers", java.util.Map.of("department", List.of(department)), "Teller");
        String id = create("onboard", anOnboardRequest(12).with("identity.department", department));
        JsonNode provision = toProvision(id, TODAY.plusDays(12));

        ApiResponse rejected = reject(request(provision, "Teller"), "Not licensed yet");

        assertThat(rejected.at("exception").isNull()).isTrue();
        assertThat(event(id).text("status")).isEqualTo("Resolved");
    }

    @Test
    void only_an_undecided_exception_can_be_retried_or_accepted() {
        UUID person = givenIdentity("Nia", "Nothing");
        grant(person, "Loans");
        String id = offboardingInProvision(person);
        JsonNode open = request(stage(event(id), "Provision"), "Loans");

        ApiResponse retryOpen = post(
                "/api/access-requests/" + open.path("id").asString() + "/retry",
                approver,
                JsonBody.json().with("reason", "x"));

        assertThat(retryOpen.status()).isEqualTo(409);
        assertThat(retryOpen.text("message"))
                .isEqualTo("Access request #" + open.path("number").asLong()
                        + " is not a refused removal or suspension awaiting a decision");
    }
}
