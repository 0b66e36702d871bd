package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field rule of {@code POST /api/personnel-events/onboard} (spec 02 and 04). */
class OnboardValidationIT extends ApiIntegrationTest {

    private static final String ONBOARD = "/api/personnel-events/onboard";
    private static final String VALID_TYPES =
            "Employee, ServiceAccount, Vendor, Shared, Mailbox, Client, Temporary, Administrator, Auditor, Unknown";

    private ApiResponse onboard(JsonBody body) {
        return post(ONBOARD, token("events:write"), body);
    }

    private void enableCustomField(int slot) {
        ApiResponse saved = put(
                "/api/settings",
                token("admin"),
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with("customFields", List.of(Map.of("slot", slot, "label", "Cost Center", "enabled", true))));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private void setTimeZone(String zone) {
        ApiResponse saved = put(
                "/api/settings",
                token("admin"),
                JsonBody.json().with("timeZone", zone).with("leadTimeDays", 7));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    // identity and names

    @Test
    void rejects_a_request_without_identity() {
        ApiResponse response = onboard(anOnboardRequest().without("identity"));

        assertValidationError(response, "identity", "Identity is required");
    }

    @Test
    void rejects_identity_null() {
        ApiResponse response = onboard(anOnboardRequest().with("identity", null));

        assertValidationError(response, "identity", "Identity is required");
    }

    @Test
    void rejects_missing_first_name() {
        ApiResponse response = onboard(anOnboardRequest().without("identity.firstName"));

        assertValidationError(response, "identity.firstName", "First name is required");
    }

    @Test
    void rejects_null_first_name() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.firstName", null));

        assertValidationError(response, "identity.firstName", "First name is required");
    }

    @Test
    void rejects_blank_first_name() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.firstName", "   "));

        assertValidationError(response, "identity.firstName", "First name is required");
    }

    @Test
    void rejects_missing_last_name() {
        ApiResponse response = onboard(anOnboardRequest().without("identity.lastName"));

        assertValidationError(response, "identity.lastName", "Last name is required");
    }

    @Test
    void accepts_a_request_with_only_the_required_fields() {
        JsonBody minimal = JsonBody.json()
                .with("identity.firstName", "Jane")
                .with("identity.lastName", "Smith")
                .with("effectiveDate", TODAY.plusDays(12).toString());

        ApiResponse response = onboard(minimal);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.firstName")).isEqualTo("Jane");
        assertThat(response.at("affectedIdentity.emailAddress").isNull()).isTrue();
        assertThat(response.at("comments").isEmpty()).isTrue();
    }

    // maximum lengths

    @ParameterizedTest(name = "{0} of {1} characters is accepted")
    @CsvSource({
        "firstName, 256, firstName",
        "lastName, 256, lastName",
        "company, 256, company",
        "division, 256, division",
        "office, 256, office",
        "title, 256, title",
        "department, 128, department"
    })
    void accepts_a_field_exactly_at_its_maximum_length(String field, int max, String responseField) {
        String value = "x".repeat(max);

        ApiResponse response = onboard(anOnboardRequest().with("identity." + field, value));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity." + responseField)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} of {1}+1 characters is rejected")
    @CsvSource({
        "firstName, 256, First name",
        "lastName, 256, Last name",
        "company, 256, Company",
        "division, 256, Division",
        "office, 256, Office",
        "title, 256, Title",
        "department, 128, Department"
    })
    void rejects_a_field_one_character_over_its_maximum_length(String field, int max, String label) {
        long before = storedEvents();

        ApiResponse response = onboard(anOnboardRequest().with("identity." + field, "x".repeat(max + 1)));

        assertValidationError(response, "identity." + field, label + " must be at most " + max + " characters");
        assertThat(response.errorFields()).containsExactly("identity." + field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void accepts_an_email_of_exactly_256_characters() {
        String email = "a".repeat(256 - "@example.com".length()) + "@example.com";

        ApiResponse response = onboard(anOnboardRequest().with("identity.email", email));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.emailAddress")).isEqualTo(email);
    }

    @Test
    void rejects_an_email_of_257_characters() {
        String email = "a".repeat(257 - "@example.com".length()) + "@example.com";

        ApiResponse response = onboard(anOnboardRequest().with("identity.email", email));

        assertValidationError(response, "identity.email", "Email must be at most 256 characters");
    }

    // identity type

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Employee",
                "ServiceAccount",
                "Vendor",
                "Shared",
                "Mailbox",
                "Client",
                "Temporary",
                "Administrator",
                "Auditor",
                "Unknown"
            })
    void accepts_every_documented_identity_type(String type) {
        ApiResponse response = onboard(anOnboardRequest().with("identity.identityType", type));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.type")).isEqualTo(type);
    }

    @Test
    void accepts_an_identity_type_in_other_capitalisation_and_answers_the_documented_spelling() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.identityType", "serviceaccount"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.type")).isEqualTo("ServiceAccount");
    }

    @Test
    void defaults_the_identity_type_to_employee_when_omitted() {
        ApiResponse response = onboard(anOnboardRequest().without("identity.identityType"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.type")).isEqualTo("Employee");
        assertThat(jdbc.sql("SELECT identity_type FROM personnel_event_identity WHERE event_id = :id")
                        .param("id", UUID.fromString(response.text("id")))
                        .query(String.class)
                        .single())
                .isEqualTo("Employee");
    }

    @Test
    void defaults_the_identity_type_to_employee_when_null() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.identityType", null));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.type")).isEqualTo("Employee");
    }

    @Test
    void rejects_an_unknown_identity_type_listing_the_valid_values() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.identityType", "Contractor"));

        assertValidationError(response, "identity.identityType", "Identity type must be one of: " + VALID_TYPES);
    }

    @Test
    void rejects_an_identity_type_longer_than_50_characters() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.identityType", "E".repeat(51)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.errorFields()).containsExactly("identity.identityType");
    }

    // supervisor

    @Test
    void rejects_a_supervisor_id_that_is_not_a_guid() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.supervisorId", "robert-chen"));

        assertValidationError(response, "identity.supervisorId", "Supervisor id must be a valid GUID");
    }

    @Test
    void rejects_a_supervisor_id_of_no_existing_identity() {
        UUID unknown = UUID.randomUUID();
        long before = storedEvents();

        ApiResponse response = onboard(anOnboardRequest().with("identity.supervisorId", unknown.toString()));

        assertValidationError(response, "identity.supervisorId", "Identity with id " + unknown + " not found");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shows_an_existing_supervisor_as_last_comma_first() {
        UUID supervisor = givenIdentity("Robert", "Martinez");

        ApiResponse response = onboard(anOnboardRequest().with("identity.supervisorId", supervisor.toString()));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("affectedIdentity.supervisorName")).isEqualTo("Martinez, Robert");
    }

    // custom fields

    @Test
    void rejects_a_custom_field_that_is_not_enabled() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.customField1", "CC-1001"));

        assertValidationError(
                response, "identity.customField1", "Custom field 1 is not enabled in the system settings");
    }

    @Test
    void accepts_a_null_value_for_a_custom_field_that_is_not_enabled() {
        ApiResponse response = onboard(anOnboardRequest().with("identity.customField1", null));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    @Test
    void rejects_a_custom_field_when_only_another_slot_is_enabled() {
        enableCustomField(1);

        ApiResponse response = onboard(anOnboardRequest().with("identity.customField9", "CC-1001"));

        assertValidationError(
                response, "identity.customField9", "Custom field 9 is not enabled in the system settings");
    }

    @Test
    void accepts_an_enabled_custom_field_of_2048_characters() {
        enableCustomField(3);
        String value = "c".repeat(2048);

        ApiResponse response = onboard(anOnboardRequest().with("identity.customField3", value));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT custom_field_3 FROM personnel_event_identity WHERE event_id = :id")
                        .param("id", UUID.fromString(response.text("id")))
                        .query(String.class)
                        .single())
                .isEqualTo(value);
    }

    @Test
    void rejects_an_enabled_custom_field_of_2049_characters() {
        enableCustomField(3);

        ApiResponse response = onboard(anOnboardRequest().with("identity.customField3", "c".repeat(2049)));

        assertValidationError(response, "identity.customField3", "Custom field 3 must be at most 2048 characters");
    }

    // effective date

    @Test
    void rejects_a_missing_effective_date() {
        ApiResponse response = onboard(anOnboardRequest().without("effectiveDate"));

        assertValidationError(response, "effectiveDate", "Effective date is required");
    }

    @Test
    void accepts_an_effective_date_as_a_full_iso_instant() {
        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", "2026-04-01T00:00:00Z"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(response.text("stages.1.scheduledStart")).isEqualTo("2026-04-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-04-01",
                "2026-04-01T00:00:00Z",
                "2026-04-01T00:00:00.000Z",
                "2026-04-01T00:00:00-05:00",
                "2026-04-01T00:00:00+14:00",
                "2026-04-01T00:00:00"
            })
    void accepts_iso_8601_forms_of_the_effective_date(String value) {
        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", value));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
    }

    @Test
    void takes_the_day_as_written_from_an_effective_date_with_an_offset() {
        // 22:00 at -05:00 on April 1st is already April 2nd in UTC; the day written is April 1st.
        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", "2026-04-01T22:00:00-05:00"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(response.text("stages.1.scheduledStart")).isEqualTo("2026-04-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "04/01/2026", "next tuesday", "2026-13-01", "2026-04-01T25:00:00Z"})
    void rejects_an_effective_date_that_is_not_a_valid_date(String value) {
        long before = storedEvents();

        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", value));

        assertValidationError(
                response, "effectiveDate", "Effective date must be a valid date in YYYY-MM-DD or ISO 8601 format");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void accepts_an_effective_date_of_today() {
        ApiResponse response = onboard(anOnboardRequest(0));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("neededOn")).isEqualTo(TODAY + "T00:00:00Z");
    }

    @Test
    void rejects_an_effective_date_of_yesterday() {
        long before = storedEvents();

        ApiResponse response = onboard(anOnboardRequest(-1));

        assertValidationError(response, "effectiveDate", "Effective date must be today or later");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void judges_today_in_the_organisation_time_zone_when_it_is_already_tomorrow_there() {
        // At 2026-03-20T12:00Z it is already 2026-03-21 02:00 in Kiritimati (UTC+14).
        setTimeZone("Pacific/Kiritimati");

        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", "2026-03-20"));

        assertValidationError(response, "effectiveDate", "Effective date must be today or later");
    }

    @Test
    void judges_today_in_the_organisation_time_zone_when_it_is_still_yesterday_there() {
        // At 2026-03-20T03:00Z it is still 2026-03-19 22:00 in Chicago (UTC-5).
        clock.set(Instant.parse("2026-03-20T03:00:00Z"));
        setTimeZone("America/Chicago");

        ApiResponse response = onboard(anOnboardRequest().with("effectiveDate", "2026-03-19"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("neededOn")).isEqualTo("2026-03-19T00:00:00Z");
    }

    // the request as a whole

    @Test
    void reports_every_field_error_of_a_request_together() {
        ApiResponse response = onboard(anOnboardRequest()
                .without("identity.firstName")
                .with("identity.department", "d".repeat(129))
                .with("effectiveDate", "04/01/2026"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.text("message")).isEqualTo("One or more validation errors occurred");
        assertThat(response.errorFields())
                .containsExactlyInAnyOrder("identity.firstName", "identity.department", "effectiveDate");
        assertThat(response.errorFor("identity.firstName")).isEqualTo("First name is required");
    }

    @Test
    void stores_nothing_for_a_rejected_request() {
        UUID unknownSupervisor = UUID.randomUUID();
        long events = storedEvents();
        long identityData = jdbc.sql("SELECT COUNT(*) FROM personnel_event_identity")
                .query(Long.class)
                .single();
        long identities =
                jdbc.sql("SELECT COUNT(*) FROM identity").query(Long.class).single();

        ApiResponse response = onboard(anOnboardRequest()
                .with("identity.supervisorId", unknownSupervisor.toString())
                .with("effectiveDate", TODAY.minusDays(3).toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("identity.supervisorId", "effectiveDate");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personnel_event_identity")
                        .query(Long.class)
                        .single())
                .isEqualTo(identityData);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity").query(Long.class).single())
                .isEqualTo(identities);
    }
}
