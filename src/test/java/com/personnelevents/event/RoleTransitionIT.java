package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/personnel-events/role-transition} (spec 02). */
class RoleTransitionIT extends ApiIntegrationTest {

    private static final String ROLE_TRANSITION = "/api/personnel-events/role-transition";

    private ApiResponse transition(JsonBody body) {
        return post(ROLE_TRANSITION, token("events:write"), body);
    }

    private static JsonBody aRoleTransition(UUID identityId) {
        return JsonBody.json()
                .with("identityId", identityId.toString())
                .with("effectiveDate", "2026-04-01")
                .with("identity.title", "Senior Loan Officer")
                .with("identity.department", "Commercial Lending")
                .with("comment", "Promotion to Senior Loan Officer");
    }

    private Map<String, Object> requestedChanges(ApiResponse created) {
        return jdbc.sql("SELECT * FROM personnel_event_identity WHERE event_id = :id")
                .param("id", UUID.fromString(created.text("id")))
                .query()
                .singleRow();
    }

    @Test
    void creates_a_role_transition() {
        UUID jane = givenIdentity("Jane", "Smith");
        String token = token("HR Integration", List.of("events:write"));

        ApiResponse created = post(ROLE_TRANSITION, token, aRoleTransition(jane));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Personnel Event");
        assertThat(created.text("type")).isEqualTo("Role Transition");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("reporter.name")).isEqualTo("HR Integration");
        assertThat(created.text("affectedIdentity.id")).isEqualTo(jane.toString());
        assertThat(created.text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(created.at("neededUntil").isNull()).isTrue();
        assertThat(created.at("stages").size()).isEqualTo(3);
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-25T00:00:00Z");
        assertThat(created.text("stages.1.name")).isEqualTo("Provision");
        assertThat(created.text("stages.1.scheduledStart")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(created.text("stages.2.name")).isEqualTo("Verification");
        assertThat(created.text("activity.0.action")).isEqualTo("Created");
        assertThat(created.text("activity.0.author")).isEqualTo("HR Integration");
        assertThat(created.text("comments.0.content")).isEqualTo("Promotion to Senior Loan Officer");
    }

    @Test
    void stores_only_the_fields_that_change() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(aRoleTransition(jane).with("identity.office", null));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Map<String, Object> changes = requestedChanges(created);
        assertThat(changes.get("title")).isEqualTo("Senior Loan Officer");
        assertThat(changes.get("department")).isEqualTo("Commercial Lending");
        assertThat(changes.get("first_name")).isNull();
        assertThat(changes.get("last_name")).isNull();
        assertThat(changes.get("office")).isNull();
        assertThat(changes.get("identity_type")).isNull();
        assertThat(changes.get("supervisor_id")).isNull();
    }

    @Test
    void shows_the_current_identity_values_at_creation() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(aRoleTransition(jane));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("affectedIdentity.firstName")).isEqualTo("Jane");
        assertThat(created.text("affectedIdentity.title")).isEqualTo("Loan Officer");
        assertThat(created.text("affectedIdentity.department")).isEqualTo("Lending");
    }

    @Test
    void leaves_the_identity_unchanged_until_the_workflow_applies_the_changes() {
        UUID jane = givenIdentity("Jane", "Smith");
        ApiResponse before = get("/api/identities/" + jane, token("identities:read"));

        ApiResponse created = transition(aRoleTransition(jane));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        ApiResponse after = get("/api/identities/" + jane, token("identities:read"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("title")).isEqualTo("Loan Officer");
        assertThat(after.text("department")).isEqualTo("Lending");
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void stores_a_new_supervisor_and_keeps_showing_the_current_one() {
        UUID jane = givenIdentity("Jane", "Smith");
        UUID newSupervisor = givenIdentity("Robert", "Martinez");

        ApiResponse created = transition(aRoleTransition(jane).with("identity.supervisorId", newSupervisor.toString()));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.at("affectedIdentity.supervisorName").isNull()).isTrue();
        assertThat(requestedChanges(created).get("supervisor_id")).isEqualTo(newSupervisor);
    }

    @Test
    void accepts_a_role_transition_without_identity_object() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(aRoleTransition(jane).without("identity"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("affectedIdentity.title")).isEqualTo("Loan Officer");
    }

    @Test
    void accepts_an_identity_object_without_names() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(JsonBody.json()
                .with("identityId", jane.toString())
                .with("effectiveDate", "2026-04-01")
                .with("identity.title", "Branch Manager"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(requestedChanges(created).get("title")).isEqualTo("Branch Manager");
    }

    @Test
    void adds_a_removal_stage_on_the_end_date_between_provision_and_verification() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(aRoleTransition(jane).with("endDate", "2026-04-30"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("neededUntil")).isEqualTo("2026-04-30T00:00:00Z");
        assertThat(created.at("stages").size()).isEqualTo(4);
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.1.name")).isEqualTo("Provision");
        assertThat(created.text("stages.2.name")).isEqualTo("Removal");
        assertThat(created.text("stages.2.status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.2.scheduledStart")).isEqualTo("2026-04-30T00:00:00Z");
        assertThat(created.text("stages.3.name")).isEqualTo("Verification");
    }

    @Test
    void rejects_an_end_date_equal_to_the_effective_date() {
        UUID jane = givenIdentity("Jane", "Smith");
        long before = storedEvents();

        ApiResponse response = transition(aRoleTransition(jane).with("endDate", "2026-04-01"));

        assertValidationError(response, "endDate", "End date must be after effective date");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_an_end_date_before_the_effective_date() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = transition(aRoleTransition(jane).with("endDate", "2026-03-31"));

        assertValidationError(response, "endDate", "End date must be after effective date");
    }

    @Test
    void rejects_an_end_date_that_is_not_a_valid_date() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = transition(aRoleTransition(jane).with("endDate", "2026-04-31"));

        assertValidationError(response, "endDate", "End date must be a valid date in YYYY-MM-DD or ISO 8601 format");
    }

    @Test
    void rejects_an_effective_date_in_the_past() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = transition(
                aRoleTransition(jane).with("effectiveDate", TODAY.minusDays(1).toString()));

        assertValidationError(response, "effectiveDate", "Effective date must be today or later");
    }

    @Test
    void applies_the_field_limits_to_the_identity_changes() {
        UUID jane = givenIdentity("Jane", "Smith");
        long before = storedEvents();

        ApiResponse response = transition(aRoleTransition(jane)
                .with("identity.department", "d".repeat(129))
                .with("identity.title", "t".repeat(257))
                .with("identity.firstName", "f".repeat(257)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.errorFields())
                .containsExactlyInAnyOrder("identity.department", "identity.title", "identity.firstName");
        assertThat(response.errorFor("identity.department")).isEqualTo("Department must be at most 128 characters");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void accepts_identity_changes_exactly_at_the_limits() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = transition(aRoleTransition(jane)
                .with("identity.department", "d".repeat(128))
                .with("identity.title", "t".repeat(256)));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(requestedChanges(created).get("department")).isEqualTo("d".repeat(128));
    }

    @Test
    void rejects_a_custom_field_that_is_not_enabled() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = transition(aRoleTransition(jane).with("identity.customField2", "CC-1"));

        assertValidationError(
                response, "identity.customField2", "Custom field 2 is not enabled in the system settings");
    }

    @Test
    void rejects_a_supervisor_of_no_existing_identity() {
        UUID jane = givenIdentity("Jane", "Smith");
        UUID unknown = UUID.randomUUID();

        ApiResponse response = transition(aRoleTransition(jane).with("identity.supervisorId", unknown.toString()));

        assertValidationError(response, "identity.supervisorId", "Identity with id " + unknown + " not found");
    }

    @Test
    void rejects_a_missing_identity_id() {
        ApiResponse response = transition(aRoleTransition(UUID.randomUUID()).without("identityId"));

        assertValidationError(response, "identityId", "Identity id is required");
    }

    @Test
    void rejects_an_identity_id_that_is_not_a_guid() {
        ApiResponse response = transition(aRoleTransition(UUID.randomUUID()).with("identityId", "jane.smith"));

        assertValidationError(response, "identityId", "Identity id must be a valid GUID");
    }

    @Test
    void rejects_an_identity_id_of_no_existing_identity() {
        UUID unknown = UUID.randomUUID();
        long before = storedEvents();

        ApiResponse response = transition(aRoleTransition(unknown));

        assertValidationError(response, "identityId", "Identity with id " + unknown + " not found");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
