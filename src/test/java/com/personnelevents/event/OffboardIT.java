package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/personnel-events/offboard} (spec 02 and 05). */
class OffboardIT extends ApiIntegrationTest {

    private static final String OFFBOARD = "/api/personnel-events/offboard";

    private ApiResponse offboard(JsonBody body) {
        return post(OFFBOARD, token("events:write"), body);
    }

    private static JsonBody anOffboardRequest(UUID identityId) {
        return JsonBody.json()
                .with("identityId", identityId.toString())
                .with("effectiveDate", "2026-04-15T00:00:00Z")
                .with("comment", "Employee resignation effective April 15");
    }

    @Test
    void creates_an_offboarding_shaped_as_the_reference_sample() {
        UUID sarah = givenIdentity("Sarah", "Chen");
        String token = token("HR Integration", List.of("events:write"));

        ApiResponse created = post(OFFBOARD, token, anOffboardRequest(sarah));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Personnel Event");
        assertThat(created.text("type")).isEqualTo("Offboard");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("reporter.name")).isEqualTo("HR Integration");
        assertThat(created.at("assignee").isNull()).isTrue();
        assertThat(created.text("neededOn")).isEqualTo("2026-04-15T00:00:00Z");
        assertThat(created.at("neededUntil").isNull()).isTrue();
        assertThat(created.at("completedOn").isNull()).isTrue();
        assertThat(created.at("stages").size()).isEqualTo(3);
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-04-08T00:00:00Z");
        assertThat(created.text("stages.1.name")).isEqualTo("Provision");
        assertThat(created.text("stages.1.status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.1.scheduledStart")).isEqualTo("2026-04-15T00:00:00Z");
        assertThat(created.text("stages.2.name")).isEqualTo("Verification");
        assertThat(created.text("stages.2.status")).isEqualTo("Scheduled");
        assertThat(created.at("stages.2.scheduledStart").isNull()).isTrue();
        assertThat(created.text("activity.0.action")).isEqualTo("Created");
        assertThat(created.text("activity.0.author")).isEqualTo("HR Integration");
        assertThat(created.text("activity.0.content")).isEqualTo("Offboard event created via API");
        assertThat(created.text("comments.0.author")).isEqualTo("HR Integration");
        assertThat(created.text("comments.0.content")).isEqualTo("Employee resignation effective April 15");
    }

    @Test
    void shows_the_existing_identity_as_affected_identity() {
        UUID sarah = givenIdentity("Sarah", "Chen");

        ApiResponse created = offboard(anOffboardRequest(sarah));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("affectedIdentity.id")).isEqualTo(sarah.toString());
        assertThat(created.text("affectedIdentity.kind")).isEqualTo("Identity");
        assertThat(created.text("affectedIdentity.firstName")).isEqualTo("Sarah");
        assertThat(created.text("affectedIdentity.lastName")).isEqualTo("Chen");
        assertThat(created.text("affectedIdentity.title")).isEqualTo("Loan Officer");
        assertThat(created.text("affectedIdentity.status")).isEqualTo("Active");
        assertThat(jdbc.sql("SELECT identity_id FROM personnel_event WHERE id = :id")
                        .param("id", UUID.fromString(created.text("id")))
                        .query(UUID.class)
                        .single())
                .isEqualTo(sarah);
    }

    @Test
    void accepts_an_offboarding_without_comment_and_records_no_comment() {
        UUID sarah = givenIdentity("Sarah", "Chen");

        ApiResponse created = offboard(anOffboardRequest(sarah).without("comment"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.at("comments").isArray()).isTrue();
        assertThat(created.at("comments").isEmpty()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_comment WHERE event_id = :id")
                        .param("id", UUID.fromString(created.text("id")))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejects_a_missing_identity_id() {
        long before = storedEvents();

        ApiResponse response = offboard(anOffboardRequest(UUID.randomUUID()).without("identityId"));

        assertValidationError(response, "identityId", "Identity id is required");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_an_identity_id_that_is_not_a_guid() {
        ApiResponse response = offboard(anOffboardRequest(UUID.randomUUID()).with("identityId", "EMP-1001"));

        assertValidationError(response, "identityId", "Identity id must be a valid GUID");
    }

    @Test
    void rejects_an_identity_id_of_no_existing_identity() {
        UUID unknown = UUID.randomUUID();
        long before = storedEvents();

        ApiResponse response = offboard(anOffboardRequest(unknown));

        assertValidationError(response, "identityId", "Identity with id " + unknown + " not found");
        assertThat(response.errorFields()).containsExactly("identityId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_a_missing_effective_date() {
        UUID sarah = givenIdentity("Sarah", "Chen");

        ApiResponse response = offboard(anOffboardRequest(sarah).without("effectiveDate"));

        assertValidationError(response, "effectiveDate", "Effective date is required");
    }

    @Test
    void rejects_an_effective_date_in_the_past() {
        UUID sarah = givenIdentity("Sarah", "Chen");
        long before = storedEvents();

        ApiResponse response = offboard(anOffboardRequest(sarah)
                .with("effectiveDate", TODAY.minusDays(1).toString()));

        assertValidationError(response, "effectiveDate", "Effective date must be today or later");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejects_an_effective_date_that_is_not_a_valid_date() {
        UUID sarah = givenIdentity("Sarah", "Chen");

        ApiResponse response = offboard(anOffboardRequest(sarah).with("effectiveDate", "15/04/2026"));

        assertValidationError(
                response, "effectiveDate", "Effective date must be a valid date in YYYY-MM-DD or ISO 8601 format");
    }

    @Test
    void accepts_an_effective_date_of_today_in_plain_date_form() {
        UUID sarah = givenIdentity("Sarah", "Chen");

        ApiResponse created = offboard(anOffboardRequest(sarah).with("effectiveDate", TODAY.toString()));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("neededOn")).isEqualTo("2026-03-20T00:00:00Z");
    }

    @Test
    void reports_an_unknown_identity_and_a_past_date_together() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = offboard(anOffboardRequest(unknown)
                .with("effectiveDate", TODAY.minusDays(1).toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("identityId", "effectiveDate");
    }
}
