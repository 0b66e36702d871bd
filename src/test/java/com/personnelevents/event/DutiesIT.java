package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The separations of duties hold for every caller: an integration token, and a person acting through their
 * personal token (the pages go through the same services). No administrator is exempt; each duty can be
 * relaxed by name in the settings, which the administrative trail records.
 */
class DutiesIT extends PeopleTest {

    private static final String EVENTS = "/api/personnel-events/";

    @Test
    void the_token_that_created_an_event_does_not_approve_or_reject_it() {
        String both = token("HR and approvals", List.of("events:write", "events:approve", "events:read"));
        String id = created(both);

        ApiResponse approve = post(EVENTS + id + "/approve", both, null);
        ApiResponse reject = post(EVENTS + id + "/reject", both, JsonBody.json().with("reason", "No"));

        assertRefused(approve, "reporter-does-not-respond", "this token created this event, so you cannot approve it");
        assertRefused(reject, "reporter-does-not-respond", "this token created this event, so you cannot reject it");
        assertThat(post(EVENTS + id + "/approve", approver, null).status()).isEqualTo(200);
    }

    @Test
    void a_person_who_reported_an_event_does_not_approve_it_not_even_an_administrator_of_the_security_team() {
        Person boss = person("Alan", "Turing", "Administrator", "Security Team", "Personnel Manager");
        String id = created(boss.token());

        ApiResponse approve = post(EVENTS + id + "/approve", boss.token(), null);

        assertRefused(approve, "reporter-does-not-respond", "you reported this event, so you cannot approve it");
        assertThat(event(id).text("status")).isEqualTo("Pending");
    }

    @Test
    void nobody_approves_an_event_about_themselves() {
        Person security = person("Grace", "Hopper", "Security Team");
        String id = post(EVENTS + "role-transition", writer, aRoleTransitionRequest(security.id(), 3))
                .text("id");

        ApiResponse approve = post(EVENTS + id + "/approve", security.token(), null);

        assertRefused(approve, "subject-does-not-respond", "this event is about you");
    }

    @Test
    void nobody_completes_or_rejects_an_access_request_about_their_own_access() {
        Person provisioning = person("Pat", "Provisioner", "Provision Team");
        grant(provisioning.id(), "Mailbox");
        String id = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(provisioning.id(), 12, 30))
                .text("id");
        JsonNode provision = toProvision(id, TODAY.plusDays(12));
        JsonNode own = request(provision, "Mailbox");

        ApiResponse complete =
                post("/api/access-requests/" + own.path("id").asString() + "/complete", provisioning.token(), null);
        ApiResponse reject = post(
                "/api/access-requests/" + own.path("id").asString() + "/reject",
                provisioning.token(),
                JsonBody.json().with("reason", "Mine"));

        assertRefused(complete, "no-work-on-own-access", "this request is about your own access");
        assertRefused(reject, "no-work-on-own-access", "this request is about your own access");
    }

    @Test
    void whoever_provisioned_an_event_does_not_verify_it_person_or_token() {
        // everyone of this test's department gets a mailbox (the database is shared: never everyone)
        model("Mailboxes", Map.of("department", List.of(department)), "Mailbox");
        Person pat = person("Pat", "Provisioner", "Provision Team", "Security Team");
        String id = create("onboard", anOnboardRequest(12).with("identity.department", department));
        completeAll(toProvision(id, TODAY.plusDays(12)), pat);

        ApiResponse byPerson = post(EVENTS + id + "/stages/Verification/complete", pat.token(), null);
        assertRefused(byPerson, "provisioner-does-not-verify", "you carried out access changes of this event");

        String both = token("Provision and verify", List.of("events:provision", "events:verify", "events:read"));
        String other = create("onboard", anOnboardRequest(12).with("identity.department", department));
        completeAll(toProvision(other, TODAY.plusDays(12)), both);
        ApiResponse byToken = post(EVENTS + other + "/stages/Verification/complete", both, null);
        assertRefused(byToken, "provisioner-does-not-verify", "you carried out access changes of this event");
    }

    @Test
    void a_relaxed_duty_no_longer_refuses_and_the_relaxation_is_on_the_administrative_trail() {
        String both = token("HR and approvals", List.of("events:write", "events:approve", "events:read"));
        String id = created(both);
        ApiResponse relaxed = put(
                "/api/settings",
                admin,
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with("relaxedDuties", List.of("reporter-does-not-respond")));
        assertThat(relaxed.status()).as(relaxed.body().toString()).isEqualTo(200);
        assertThat(duty(relaxed, "reporter-does-not-respond").path("relaxed").asBoolean())
                .isTrue();

        assertThat(post(EVENTS + id + "/approve", both, null).status()).isEqualTo(200);
        assertThat(get("/api/admin-activity", admin).text("items.0.content"))
                .contains("duty reporter-does-not-respond relaxed");
    }

    @Test
    void an_unknown_duty_cannot_be_relaxed() {
        ApiResponse refused = put(
                "/api/settings",
                admin,
                JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 7).with("relaxedDuties", List.of("all")));

        assertValidationError(
                refused,
                "relaxedDuties[0]",
                "Duty must be one of: reporter-does-not-respond, subject-does-not-respond, no-work-on-own-access,"
                        + " provisioner-does-not-verify, one-response-per-person, refuser-does-not-decide");
    }

    @Test
    void a_person_who_reported_a_leaver_does_not_hold_it_back_alone() {
        Person manager = person("Mary", "Manager", "Personnel Manager", "Security Team");
        Person leaver = person("Lee", "Leaver");
        ApiResponse created = post(EVENTS + "offboard", manager.token(), anOffboardRequest(leaver.id(), 10));
        String id = created.text("id");

        ApiResponse snooze = post(
                EVENTS + id + "/snooze",
                manager.token(),
                JsonBody.json().with("until", TODAY.plusDays(5).toString()).with("reason", "Wait"));
        ApiResponse cancel =
                post(EVENTS + id + "/cancel", manager.token(), JsonBody.json().with("reason", "Stays"));

        assertRefused(snooze, "reporter-does-not-respond", "you reported this event, so you cannot hold it back");
        assertRefused(cancel, "reporter-does-not-respond", "you reported this event, so you cannot hold it back");
        assertThat(event(id).text("status")).isEqualTo(created.text("status"));
    }

    @Test
    void moving_a_leaver_sooner_needs_a_role_that_approves_it_not_only_the_scope_every_person_has() {
        Person supervisor = person("Sue", "Supervisor");
        Person leaver = person("Lee", "Leaver", supervisor);
        String id = post(EVENTS + "offboard", writer, anOffboardRequest(leaver.id(), 20))
                .text("id");
        JsonBody sooner = JsonBody.json()
                .with("effectiveDate", TODAY.plusDays(15).toString())
                .with("reason", "Leaves sooner");

        ApiResponse refused = post(EVENTS + id + "/reschedule", supervisor.token(), sooner);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        assertThat(refused.text("message")).contains("events:write");

        rule("Offboard", List.of("Supervisor"), List.of());
        ApiResponse moved = post(EVENTS + id + "/reschedule", supervisor.token(), sooner);
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
    }

    @Test
    void nobody_decides_a_refused_suspension_of_their_own_access() {
        Person security = person("Sam", "Security", "Security Team");
        grant(security.id(), "Mailbox");
        String id = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(security.id(), 12, 30))
                .text("id");
        JsonNode refused = request(toProvision(id, TODAY.plusDays(12)), "Mailbox");
        assertThat(reject(refused, "Cannot suspend").status()).isEqualTo(200);

        ApiResponse accept = post(
                "/api/access-requests/" + refused.path("id").asString() + "/accept-exception",
                security.token(),
                JsonBody.json().with("reason", "I need it"));

        assertRefused(accept, "subject-does-not-respond", "this event is about you");
    }

    @Test
    void whoever_refused_a_removal_does_not_decide_to_keep_the_access_but_may_raise_it_again() {
        Person pat = person("Pat", "Provisioner", "Provision Team", "Security Team");
        Person holder = person("Hal", "Holder");
        grant(holder.id(), "Mailbox");
        String id = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(holder.id(), 12, 30))
                .text("id");
        JsonNode request = request(toProvision(id, TODAY.plusDays(12)), "Mailbox");
        String path = "/api/access-requests/" + request.path("id").asString();
        ApiResponse rejected =
                post(path + "/reject", pat.token(), JsonBody.json().with("reason", "Cannot"));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);

        ApiResponse accept =
                post(path + "/accept-exception", pat.token(), JsonBody.json().with("reason", "Keep it"));
        assertRefused(accept, "refuser-does-not-decide", "you refused to carry out this request");

        ApiResponse retry = post(path + "/retry", pat.token(), JsonBody.json().with("reason", "Try again"));
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(201);
    }

    @Test
    void an_integration_token_a_person_created_answers_to_the_same_duties_as_they_do() {
        Person admin = person("Ada", "Administrator", "Administrator", "Security Team");
        ApiResponse created = post(
                "/api/tokens",
                admin.token(),
                JsonBody.json()
                        .with("name", "Ada's approvals")
                        .with("scopes", List.of("events:read", "events:approve")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String integration = created.text("token");
        String aboutAda = post(EVENTS + "role-transition", writer, aRoleTransitionRequest(admin.id(), 3))
                .text("id");
        String reportedByAda = created(admin.token());

        assertRefused(
                post(EVENTS + aboutAda + "/approve", integration, null),
                "subject-does-not-respond",
                "this event is about the person behind this token");
        assertRefused(
                post(EVENTS + reportedByAda + "/approve", integration, null),
                "reporter-does-not-respond",
                "the person behind this token reported this event, so you cannot approve it");
    }

    @Test
    void a_rule_the_responses_given_already_satisfy_is_completed_by_the_next_response() {
        Person security = person("Sid", "Security", "Security Team");
        Person manager = person("Mo", "Manager", "Personnel Manager", "Security Team");
        rule("Onboard", List.of("Security Team", "Personnel Manager"), List.of());
        String id = created(writer);
        ApiResponse first = post(EVENTS + id + "/approve", security.token(), null);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("Pending");

        rule("Onboard", List.of("Security Team"), List.of());
        ApiResponse completing = post(EVENTS + id + "/approve", manager.token(), null);

        assertThat(completing.status()).as(completing.body().toString()).isEqualTo(200);
        assertThat(completing.text("status")).isNotEqualTo("Pending");
    }

    private String created(String token) {
        ApiResponse created = post(EVENTS + "onboard", token, anOnboardRequest(3));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private void completeAll(JsonNode stage, Person by) {
        completeAll(stage, by.token());
    }

    private void completeAll(JsonNode stage, String token) {
        for (JsonNode request : stage.path("accessRequests")) {
            if (request.path("status").asString().equals("Open")) {
                ApiResponse done =
                        post("/api/access-requests/" + request.path("id").asString() + "/complete", token, null);
                assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
            }
        }
    }

    private static JsonNode duty(ApiResponse settings, String name) {
        for (JsonNode duty : settings.at("duties")) {
            if (duty.path("name").asString().equals(name)) {
                return duty;
            }
        }
        throw new AssertionError("No duty " + name);
    }

    private static void assertRefused(ApiResponse response, String duty, String because) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.text("error")).isEqualTo("forbidden");
        assertThat(response.text("message"))
                .startsWith("Separation of duties (" + duty + "): ")
                .endsWith(because);
    }
}
