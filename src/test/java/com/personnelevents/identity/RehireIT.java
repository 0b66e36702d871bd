package com.personnelevents.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rehires return to their identity: an onboarding whose externalId, or else email, matches a Disabled or
 * Removed identity brings that identity back; a match with an Active one, or several matches, is refused.
 */
class RehireIT extends AccessWorkflowTest {

    private UUID imported(String externalId, String email, String status) {
        return givenIdentity(Map.of(
                "externalId",
                externalId,
                "firstName",
                "Rae",
                "lastName",
                "Turner",
                "email",
                email,
                "title",
                "Teller",
                "status",
                status));
    }

    @Test
    void an_onboarding_matching_a_leaver_by_external_id_reactivates_that_identity_at_approval() {
        String externalId = "HR-" + UUID.randomUUID();
        UUID leaver = imported(externalId, uniqueEmail("rturner"), "Disabled");

        ApiResponse created = post(
                "/api/personnel-events/onboard",
                admin,
                anOnboardRequest(12)
                        .with("identity.externalId", externalId)
                        .with("identity.firstName", "Rae")
                        .with("identity.lastName", "Turner")
                        .with("identity.title", "Head Teller"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("affectedIdentity.id")).isEqualTo(leaver.toString());
        assertThat(activity(created))
                .containsExactly("Created | Onboard event created via API: a rehire of Turner, Rae (" + leaver + ")");
        String id = created.text("id");
        runSchedulerOn(TODAY.plusDays(5));
        assertThat(post("/api/personnel-events/" + id + "/approve", approver, null)
                        .status())
                .isEqualTo(200);

        ApiResponse rehired = get("/api/identities/" + leaver, reader);
        assertThat(rehired.text("status")).isEqualTo("Disabled");
        assertThat(rehired.text("title")).isEqualTo("Head Teller");
        assertThat(rehired.text("externalId")).isEqualTo(externalId);
        assertThat(activity(event(id)))
                .anyMatch(line -> line.startsWith(
                                "Identity changed | Identity " + leaver + " rehired, Disabled until the start date: ")
                        && line.contains("title Teller → Head Teller"));
        runSchedulerOn(TODAY.plusDays(12));
        assertThat(get("/api/identities/" + leaver, reader).text("status")).isEqualTo("Active");
        assertThat(get("/api/identities?search=" + externalId, reader)
                        .at("totalCount")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void without_an_external_id_the_email_finds_the_leaver_and_the_next_import_by_email_still_works() {
        String email = uniqueEmail("rturner");
        UUID leaver = imported("HR-" + UUID.randomUUID(), email, "Removed");

        ApiResponse created = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.email", email));
        runSchedulerOn(TODAY.plusDays(5));
        post("/api/personnel-events/" + created.text("id") + "/approve", approver, null);

        assertThat(created.text("affectedIdentity.id")).isEqualTo(leaver.toString());
        ApiResponse byEmail = post(
                "/api/identities",
                token("identities:write"),
                JsonBody.json()
                        .with("identities", List.of(Map.of("firstName", "Rae", "lastName", "Turner", "email", email))));
        assertThat(byEmail.status()).as(byEmail.body().toString()).isEqualTo(200);
        assertThat(byEmail.text("items.0.id")).isEqualTo(leaver.toString());
    }

    @Test
    void an_onboarding_matching_an_active_identity_is_refused_naming_it() {
        String externalId = "HR-" + UUID.randomUUID();
        UUID active = imported(externalId, uniqueEmail("rturner"), "Active");

        ApiResponse refused = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.externalId", externalId));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("message"))
                .isEqualTo("Identity " + active + " (Turner, Rae) with externalId " + externalId
                        + " is Active; an onboarding brings in someone who is not");
    }

    @Test
    void an_email_matching_several_identities_asks_for_the_external_id() {
        String email = uniqueEmail("shared");
        imported("HR-" + UUID.randomUUID(), email, "Disabled");
        imported("HR-" + UUID.randomUUID(), email, "Removed");

        ApiResponse refused = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.email", email));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("message"))
                .isEqualTo("Email " + email + " matches 2 identities; give identity.externalId to say which one");
    }

    @Test
    void a_new_person_with_an_external_id_keeps_it_and_a_second_open_onboarding_for_it_is_refused() {
        String externalId = "HR-" + UUID.randomUUID();
        ApiResponse created = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.externalId", externalId));
        ApiResponse twice = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(20).with("identity.externalId", externalId));
        runSchedulerOn(TODAY.plusDays(5));
        post("/api/personnel-events/" + created.text("id") + "/approve", approver, null);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(twice.status()).as(twice.body().toString()).isEqualTo(409);
        assertThat(twice.text("message"))
                .isEqualTo("An onboarding of externalId " + externalId + " is already open: event #"
                        + created.text("number") + " (" + created.text("id") + ")");
        assertThat(get("/api/identities/" + created.text("affectedIdentity.id"), reader)
                        .text("externalId"))
                .isEqualTo(externalId);
    }

    @Test
    void canceling_a_rehire_puts_the_identity_back_as_it_was() {
        String externalId = "HR-" + UUID.randomUUID();
        UUID leaver = imported(externalId, uniqueEmail("rturner"), "Disabled");
        String id = create("onboard", anOnboardRequest(12).with("identity.externalId", externalId));
        runSchedulerOn(TODAY.plusDays(5));
        post("/api/personnel-events/" + id + "/approve", approver, null);

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                writer,
                JsonBody.json().with("reason", "No show"));

        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(get("/api/identities/" + leaver, reader).text("status")).isEqualTo("Disabled");
    }

    @Test
    void a_role_transition_cannot_change_the_external_id() {
        ApiResponse refused = post(
                "/api/personnel-events/role-transition",
                admin,
                aRoleTransitionRequest(givenIdentity("Ext", "Id"), 10).with("identity.externalId", "HR-1"));

        assertValidationError(
                refused,
                "identity.externalId",
                "A role transition keeps the external id; import the identity to change it");
    }
}
