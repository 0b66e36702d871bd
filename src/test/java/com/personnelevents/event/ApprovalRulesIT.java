package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approval and verification rules: each role a type's rule names must respond once, by any one person who
 * holds it, and the step advances when the last is in; a person may reset their own response while the
 * step is open; any rejection rejects; integration tokens count only for the roles they stand in for.
 * Each response is shown on its stage with the person's name, and the trail names the person.
 */
class ApprovalRulesIT extends PeopleTest {

    private static final String EVENTS = "/api/personnel-events/";

    @Test
    void by_default_one_person_of_the_security_team_approves_and_is_named_on_the_stage_and_in_the_trail() {
        Person security = person("Grace", "Hopper", "Security Team");
        String id = pendingOnboarding(null);

        ApiResponse approved = post(EVENTS + id + "/approve", security.token(), null);

        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Scheduled");
        JsonNode approval = stage(approved, "Approval");
        assertThat(responses(approval)).containsExactly("Security Team by Person Hopper, Grace");
        assertThat(approval.path("responses")
                        .path(0)
                        .path("responder")
                        .path("id")
                        .asString())
                .isEqualTo(security.id().toString());
        assertThat(approval.path("completedBy").asString()).isEqualTo("Hopper, Grace");
        JsonNode entry = last(approved, "Approved");
        assertThat(entry.path("author").asString()).isEqualTo("Hopper, Grace");
        assertThat(entry.path("authorId").asString()).isEqualTo(security.id().toString());
    }

    @Test
    void an_onboarding_waits_for_the_supervisor_and_the_security_team_and_advances_by_itself_when_both_are_in() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of("Security Team"));
        Person manager = person("Ada", "Lovelace");
        Person security = person("Grace", "Hopper", "Security Team");
        String id = pendingOnboarding(manager);

        ApiResponse first = post(EVENTS + id + "/approve", security.token(), null);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("Pending");
        assertThat(stage(first, "Approval").path("awaiting").toString()).isEqualTo("[\"Supervisor\"]");
        assertThat(activity(first)).contains("Approved | Approval given as Security Team; awaiting Supervisor");

        ApiResponse second = post(EVENTS + id + "/approve", manager.token(), null);

        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("Scheduled");
        assertThat(responses(stage(second, "Approval")))
                .containsExactly("Security Team by Person Hopper, Grace", "Supervisor by Person Lovelace, Ada");
        assertThat(stage(second, "Approval").path("awaiting").size()).isZero();
        assertThat(stage(second, "Approval").path("completedBy").asString()).isEqualTo("Lovelace, Ada");
    }

    @Test
    void someone_without_a_role_the_rule_names_is_refused_with_the_roles_named() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person provisioning = person("Pat", "Provisioner", "Provision Team");
        String id = pendingOnboarding(person("Ada", "Lovelace"));

        ApiResponse refused = post(EVENTS + id + "/approve", provisioning.token(), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
        assertThat(refused.text("message"))
                .isEqualTo("Approving an onboarding needs one of the roles its rule names: Supervisor, Security Team");
    }

    @Test
    void a_person_resets_their_own_vote_while_the_step_is_open_and_the_step_awaits_them_again() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person manager = person("Ada", "Lovelace");
        Person security = person("Grace", "Hopper", "Security Team");
        String id = pendingOnboarding(manager);
        assertThat(post(EVENTS + id + "/approve", security.token(), null).status())
                .isEqualTo(200);

        ApiResponse reset = post(EVENTS + id + "/reset-vote", security.token(), null);

        assertThat(reset.status()).as(reset.body().toString()).isEqualTo(200);
        assertThat(stage(reset, "Approval").path("responses").size()).isZero();
        assertThat(stage(reset, "Approval").path("awaiting").toString())
                .isEqualTo("[\"Supervisor\",\"Security Team\"]");
        assertThat(activity(reset)).contains("Vote reset | Approval response as Security Team withdrawn");
        ApiResponse nothingToReset = post(EVENTS + id + "/reset-vote", manager.token(), null);
        assertThat(nothingToReset.status()).isEqualTo(409);
        assertThat(nothingToReset.text("message"))
                .isEqualTo("You have given no response to the Approval step to reset");
    }

    @Test
    void any_rejection_rejects_even_after_another_role_approved() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person manager = person("Ada", "Lovelace");
        Person security = person("Grace", "Hopper", "Security Team");
        String id = pendingOnboarding(manager);
        assertThat(post(EVENTS + id + "/approve", security.token(), null).status())
                .isEqualTo(200);

        ApiResponse rejected =
                post(EVENTS + id + "/reject", manager.token(), JsonBody.json().with("reason", "Wrong team"));

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("Canceled");
        assertThat(last(rejected, "Rejected").path("author").asString()).isEqualTo("Lovelace, Ada");
    }

    @Test
    void once_a_rule_names_roles_an_integration_token_counts_only_for_the_roles_it_stands_in_for() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person security = person("Grace", "Hopper", "Security Team");
        String id = pendingOnboarding(person("Ada", "Lovelace"));
        String feed = token("Manager approvals", List.of("events:approve", "events:read"));

        ApiResponse refused = post(EVENTS + id + "/approve", feed, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("message"))
                .isEqualTo("Approving an onboarding needs a token that stands in for one of the roles its rule names:"
                        + " Supervisor, Security Team");

        String tokenId = tokenId("Manager approvals");
        ApiResponse standsIn = put(
                "/api/tokens/" + tokenId + "/stands-in-for",
                admin,
                JsonBody.json().with("roles", List.of("Supervisor")));
        assertThat(standsIn.status()).as(standsIn.body().toString()).isEqualTo(200);
        assertThat(standsIn.at("standsInFor").toString()).isEqualTo("[\"Supervisor\"]");

        ApiResponse asSupervisor = post(EVENTS + id + "/approve", feed, null);
        assertThat(asSupervisor.status()).as(asSupervisor.body().toString()).isEqualTo(200);
        assertThat(responses(stage(asSupervisor, "Approval"))).containsExactly("Supervisor by Token Manager approvals");
        assertThat(last(asSupervisor, "Approved").path("authorId").isNull()).isTrue();
        assertThat(post(EVENTS + id + "/approve", security.token(), null).text("status"))
                .isEqualTo("Scheduled");
    }

    @Test
    void one_person_holding_two_required_roles_answers_for_one_unless_the_duty_is_relaxed() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person both = person("Ada", "Lovelace", "Security Team");
        String id = pendingOnboarding(both);

        ApiResponse first = post(EVENTS + id + "/approve", both.token(), null);
        assertThat(responses(stage(first, "Approval"))).containsExactly("Supervisor by Person Lovelace, Ada");
        ApiResponse again = post(EVENTS + id + "/approve", both.token(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message"))
                .isEqualTo("You already responded to the Approval step as Supervisor; one person's response counts"
                        + " for one role (reset your vote to change it)");

        relax("one-response-per-person");
        ApiResponse second = post(EVENTS + id + "/approve", both.token(), null);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(second.text("status")).isEqualTo("Scheduled");
        assertThat(responses(stage(second, "Approval")))
                .containsExactly("Supervisor by Person Lovelace, Ada", "Security Team by Person Lovelace, Ada");
    }

    @Test
    void a_response_may_name_the_role_it_answers_for() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person both = person("Ada", "Lovelace", "Security Team");
        String id = pendingOnboarding(both);

        ApiResponse approved =
                post(EVENTS + id + "/approve", both.token(), JsonBody.json().with("role", "Security Team"));

        assertThat(responses(stage(approved, "Approval"))).containsExactly("Security Team by Person Lovelace, Ada");
        ApiResponse notHeld = post(
                EVENTS + pendingOnboarding(null) + "/approve",
                both.token(),
                JsonBody.json().with("role", "Supervisor"));
        assertThat(notHeld.status()).isEqualTo(403);
        assertThat(notHeld.text("message")).isEqualTo("You do not hold the Supervisor role for this event");
    }

    @Test
    void verification_completes_when_each_role_its_rule_names_has_verified() {
        rule("Onboard", List.of(), List.of("Security Team", "Administrator"));
        Person security = person("Grace", "Hopper", "Security Team");
        Person administrator = person("Alan", "Turing", "Administrator");
        String id = create("onboard", anOnboardRequest(12));
        toProvision(id, TODAY.plusDays(12));
        ApiResponse provisioned = post(EVENTS + id + "/stages/Provision/complete", provisioner, null);
        assertThat(provisioned.text("status")).as(provisioned.body().toString()).isEqualTo("Resolved");

        ApiResponse first = post(EVENTS + id + "/stages/Verification/complete", security.token(), null);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("Resolved");
        assertThat(stage(first, "Verification").path("awaiting").toString()).isEqualTo("[\"Administrator\"]");
        assertThat(activity(first)).contains("Verified | Verification given as Security Team; awaiting Administrator");

        ApiResponse second = post(EVENTS + id + "/stages/Verification/complete", administrator.token(), null);
        assertThat(second.text("status")).isEqualTo("Completed");
        assertThat(responses(stage(second, "Verification")))
                .containsExactly("Security Team by Person Hopper, Grace", "Administrator by Person Turing, Alan");
    }

    @Test
    void the_rules_are_settings_changes_on_the_administrative_trail() {
        rule("Offboard", List.of("Supervisor", "Security Team"), List.of("Security Team"));

        ApiResponse settings = get("/api/settings", admin);
        JsonNode offboard = null;
        for (JsonNode r : settings.at("approvalRules")) {
            if (r.path("eventType").asString().equals("Offboard")) {
                offboard = r;
            }
        }
        assertThat(offboard.path("approvers").toString()).isEqualTo("[\"Supervisor\",\"Security Team\"]");
        ApiResponse trail = get("/api/admin-activity", admin);
        assertThat(trail.text("items.0.content"))
                .contains("Offboard approvers [default: Security Team] → [Supervisor, Security Team]")
                .contains("Offboard verifiers [default: Security Team] → [Security Team]");
    }

    @Test
    void a_rule_may_not_name_reporting_only_or_an_unknown_role() {
        ApiResponse refused = put(
                "/api/settings",
                admin,
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with(
                                "approvalRules",
                                List.of(Map.of(
                                        "eventType",
                                        "Onboard",
                                        "approvers",
                                        List.of("Reporting Only", "Boss"),
                                        "verifiers",
                                        List.of()))));

        assertFieldError(
                refused,
                "approvalRules[0].approvers[0]",
                "Role must be one of: Administrator, Security Team, Personnel Manager, Provision Team, Supervisor");
        assertThat(refused.errorFields()).contains("approvalRules[0].approvers[1]");
    }

    /** An onboarding created by the HR feed, its approval window open; {@code supervisor} may be null. */
    private String pendingOnboarding(Person supervisor) {
        JsonBody body = anOnboardRequest(3);
        if (supervisor != null) {
            body = body.with("identity.supervisorId", supervisor.id().toString());
        }
        ApiResponse created = post(EVENTS + "onboard", writer, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("Pending");
        return created.text("id");
    }

    private void relax(String duty) {
        ApiResponse saved = put(
                "/api/settings",
                admin,
                JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 7).with("relaxedDuties", List.of(duty)));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private String tokenId(String name) {
        for (JsonNode token : get("/api/tokens", admin).body()) {
            if (token.path("name").asString().equals(name)) {
                return token.path("id").asString();
            }
        }
        throw new AssertionError("No token " + name);
    }

    /** "Security Team by Person Hopper, Grace" for each response of the stage. */
    private static List<String> responses(JsonNode stage) {
        List<String> responses = new ArrayList<>();
        stage.path("responses")
                .forEach(r -> responses.add(r.path("role").asString() + " by "
                        + r.path("responder").path("kind").asString() + " "
                        + r.path("responder").path("name").asString()));
        return responses;
    }

    private static JsonNode last(ApiResponse event, String action) {
        JsonNode found = null;
        for (JsonNode entry : event.at("activity")) {
            if (entry.path("action").asString().equals(action)) {
                found = entry;
            }
        }
        assertThat(found).as(action + " in " + event.at("activity")).isNotNull();
        return found;
    }
}
