package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/personnel-events/leave-of-absence} (spec 02, DESIGN.md and WORKFLOW.md). */
class LeaveOfAbsenceIT extends ApiIntegrationTest {

    private static final String LEAVE = "/api/personnel-events/leave-of-absence";

    private ApiResponse leave(JsonBody body) {
        return post(LEAVE, token("events:write"), body);
    }

    private static JsonBody aLeave(UUID identityId) {
        return JsonBody.json()
                .with("identityId", identityId.toString())
                .with("effectiveDate", "2026-05-01")
                .with("endDate", "2026-08-01")
                .with("comment", "FMLA leave");
    }

    @Test
    void creates_a_leave_of_absence_of_type_absence() {
        UUID jane = givenIdentity("Jane", "Smith");
        String token = token("HR Integration", List.of("events:write"));

        ApiResponse created = post(LEAVE, token, aLeave(jane));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Personnel Event");
        assertThat(created.text("type")).isEqualTo("Absence");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("reporter.name")).isEqualTo("HR Integration");
        assertThat(created.text("affectedIdentity.id")).isEqualTo(jane.toString());
        assertThat(created.text("neededOn")).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(created.text("neededUntil")).isEqualTo("2026-08-01T00:00:00Z");
        assertThat(created.text("activity.0.action")).isEqualTo("Created");
        assertThat(created.text("comments.0.content")).isEqualTo("FMLA leave");
    }

    @Test
    void plans_approval_provision_and_removal_on_the_return_date() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = leave(aLeave(jane));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.at("stages").size()).isEqualTo(3);
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-04-24T00:00:00Z");
        assertThat(created.text("stages.1.name")).isEqualTo("Provision");
        assertThat(created.text("stages.1.scheduledStart")).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(created.text("stages.2.name")).isEqualTo("Removal");
        assertThat(created.text("stages.2.status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.2.scheduledStart")).isEqualTo("2026-08-01T00:00:00Z");
    }

    @Test
    void snoozes_the_removal_stage_while_the_return_date_is_unknown() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse created = leave(aLeave(jane).without("endDate"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.at("neededUntil").isNull()).isTrue();
        assertThat(created.text("stages.2.name")).isEqualTo("Removal");
        assertThat(created.text("stages.2.status")).isEqualTo("Snoozed");
        assertThat(created.at("stages.2.scheduledStart").isNull()).isTrue();
    }

    @Test
    void rejects_an_end_date_equal_to_the_effective_date() {
        UUID jane = givenIdentity("Jane", "Smith");
        long before = storedEvents();

        ApiResponse response = leave(aLeave(jane).with("endDate", "2026-05-01"));

        assertValidationError(response, "endDate", "End date must be after effective date");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_an_end_date_before_the_effective_date() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = leave(aLeave(jane).with("endDate", "2026-04-30"));

        assertValidationError(response, "endDate", "End date must be after effective date");
    }

    @Test
    void rejects_an_effective_date_in_the_past() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response =
                leave(aLeave(jane).with("effectiveDate", TODAY.minusDays(1).toString()));

        assertValidationError(response, "effectiveDate", "Effective date must be today or later");
    }

    @Test
    void rejects_a_missing_effective_date() {
        UUID jane = givenIdentity("Jane", "Smith");

        ApiResponse response = leave(aLeave(jane).without("effectiveDate"));

        assertValidationError(response, "effectiveDate", "Effective date is required");
    }

    @Test
    void rejects_a_missing_identity_id() {
        ApiResponse response = leave(aLeave(UUID.randomUUID()).without("identityId"));

        assertValidationError(response, "identityId", "Identity id is required");
    }

    @Test
    void rejects_an_identity_id_that_is_not_a_guid() {
        ApiResponse response = leave(aLeave(UUID.randomUUID()).with("identityId", "12345"));

        assertValidationError(response, "identityId", "Identity id must be a valid GUID");
    }

    @Test
    void rejects_an_identity_id_of_no_existing_identity() {
        UUID unknown = UUID.randomUUID();
        long before = storedEvents();

        ApiResponse response = leave(aLeave(unknown));

        assertValidationError(response, "identityId", "Identity with id " + unknown + " not found");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
