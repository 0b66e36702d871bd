package com.personnelevents.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsIT extends ApiIntegrationTest {

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = token("admin");
    }

    @Test
    void shows_the_defaults_to_any_valid_token() {
        ApiResponse settings = get("/api/settings", token("events:read"));

        assertThat(settings.status()).as(settings.body().toString()).isEqualTo(200);
        assertThat(settings.text("timeZone")).isEqualTo("UTC");
        assertThat(settings.at("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(settings.at("customFields").size()).isEqualTo(9);
        List<Integer> slots = new ArrayList<>();
        settings.at("customFields").forEach(field -> {
            slots.add(field.path("slot").asInt());
            assertThat(field.path("enabled").asBoolean()).isFalse();
            assertThat(field.path("label").isNull()).isTrue();
        });
        assertThat(slots).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void an_administrator_replaces_the_settings() {
        ApiResponse saved = put(
                "/api/settings",
                admin,
                settings("America/Chicago", 10)
                        .with("customFields", List.of(field(1, "Branch", true), field(2, "Cost Center", false))));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        ApiResponse shown = get("/api/settings", token("identities:read"));
        assertThat(shown.text("timeZone")).isEqualTo("America/Chicago");
        assertThat(shown.at("leadTimeDays").asInt()).isEqualTo(10);
        assertThat(shown.text("customFields.0.label")).isEqualTo("Branch");
        assertThat(shown.at("customFields.0.enabled").asBoolean()).isTrue();
        assertThat(shown.text("customFields.1.label")).isEqualTo("Cost Center");
        assertThat(shown.at("customFields.1.enabled").asBoolean()).isFalse();
        assertThat(shown.at("customFields.2.enabled").asBoolean()).isFalse();
        assertThat(saved.body()).isEqualTo(shown.body());
    }

    @Test
    void refuses_changes_from_a_token_without_the_admin_scope() {
        ApiResponse refused = put("/api/settings", token("events:write"), settings("America/Chicago", 10));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
        assertThat(current().text("timeZone")).isEqualTo("UTC");
        assertThat(current().at("leadTimeDays").asInt()).isEqualTo(7);
    }

    @Test
    void rejects_an_unknown_time_zone() {
        ApiResponse rejected = put("/api/settings", admin, settings("Mars/Olympus_Mons", 7));

        assertFieldError(
                rejected,
                "timeZone",
                "Time zone 'Mars/Olympus_Mons' is not a known IANA time zone (e.g. America/Chicago)");
        assertThat(current().text("timeZone")).isEqualTo("UTC");
    }

    @Test
    void rejects_a_missing_time_zone() {
        ApiResponse rejected = put("/api/settings", admin, JsonBody.json().with("leadTimeDays", 7));

        assertFieldError(rejected, "timeZone", "Time zone is required");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, -1})
    void rejects_a_lead_time_outside_1_to_99_days(int days) {
        ApiResponse rejected = put("/api/settings", admin, settings("UTC", days));

        assertFieldError(rejected, "leadTimeDays", "Lead time must be between 1 and 99 days");
        assertThat(current().at("leadTimeDays").asInt()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 99})
    void accepts_a_lead_time_at_either_bound(int days) {
        ApiResponse saved = put("/api/settings", admin, settings("UTC", days));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(current().at("leadTimeDays").asInt()).isEqualTo(days);
    }

    @Test
    void rejects_a_missing_lead_time() {
        ApiResponse rejected = put("/api/settings", admin, JsonBody.json().with("timeZone", "UTC"));

        assertFieldError(rejected, "leadTimeDays", "Lead time is required");
    }

    @Test
    void rejects_a_label_longer_than_16_characters() {
        ApiResponse rejected = put(
                "/api/settings",
                admin,
                settings("UTC", 7).with("customFields", List.of(field(1, "Seventeen chars!!", true))));

        assertFieldError(rejected, "customFields[0].label", "Label must be at most 16 characters");
        assertThat(current().at("customFields.0.enabled").asBoolean()).isFalse();
    }

    @Test
    void accepts_a_label_of_16_characters() {
        ApiResponse saved = put(
                "/api/settings",
                admin,
                settings("UTC", 7).with("customFields", List.of(field(1, "Sixteen chars!!!", true))));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(current().text("customFields.0.label")).isEqualTo("Sixteen chars!!!");
    }

    @Test
    void rejects_enabling_a_field_without_a_label() {
        ApiResponse rejected =
                put("/api/settings", admin, settings("UTC", 7).with("customFields", List.of(field(5, null, true))));

        assertFieldError(rejected, "customFields[0].label", "Label is required when the field is enabled");
        assertThat(current().at("customFields.4.enabled").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10})
    void rejects_a_slot_outside_1_to_9(int slot) {
        ApiResponse rejected = put(
                "/api/settings", admin, settings("UTC", 7).with("customFields", List.of(field(slot, "Label", true))));

        assertFieldError(rejected, "customFields[0].slot", "Slot must be between 1 and 9");
    }

    @Test
    void rejects_the_same_slot_twice() {
        ApiResponse rejected = put(
                "/api/settings",
                admin,
                settings("UTC", 7).with("customFields", List.of(field(3, "Branch", true), field(3, "Region", true))));

        assertFieldError(rejected, "customFields[1].slot", "Slot 3 appears more than once");
        assertThat(current().at("customFields.2.enabled").asBoolean()).isFalse();
    }

    @Test
    void reports_every_violation_at_once_and_stores_nothing() {
        ApiResponse rejected = put(
                "/api/settings",
                admin,
                settings("Nowhere/Town", 0)
                        .with("customFields", List.of(field(1, "Branch", true), field(0, "X", true))));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorFields())
                .containsExactlyInAnyOrder("timeZone", "leadTimeDays", "customFields[1].slot");
        ApiResponse unchanged = current();
        assertThat(unchanged.text("timeZone")).isEqualTo("UTC");
        assertThat(unchanged.at("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(unchanged.at("customFields.0.enabled").asBoolean()).isFalse();
    }

    @Test
    void an_onboarding_may_carry_a_custom_field_once_it_is_enabled() {
        String events = token("events:write");
        ApiResponse before = post(
                "/api/personnel-events/onboard", events, anOnboardRequest().with("identity.customField1", "North"));
        assertFieldError(before, "identity.customField1", "Custom field 1 is not enabled in the system settings");

        enable(1);
        ApiResponse after = post(
                "/api/personnel-events/onboard", events, anOnboardRequest().with("identity.customField1", "North"));

        assertThat(after.status()).as(after.body().toString()).isEqualTo(201);
    }

    @Test
    void an_import_may_carry_a_custom_field_once_it_is_enabled() {
        enable(1);

        String id = importWithCustomFields(Map.of("customField1", "North"));

        assertThat(get("/api/identities/" + id, token("identities:read")).text("customFields.customField1"))
                .isEqualTo("North");
    }

    @Test
    void disabling_a_custom_field_deletes_its_stored_values_only() {
        enable(1, 2);
        String id = importWithCustomFields(Map.of("customField1", "North", "customField2", "Blue"));

        ApiResponse saved = put(
                "/api/settings",
                admin,
                settings("UTC", 7)
                        .with("customFields", List.of(field(1, "Field 1", false), field(2, "Field 2", true))));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        ApiResponse identity = get("/api/identities/" + id, token("identities:read"));
        assertThat(identity.at("customFields.customField1").isMissingNode()).isTrue();
        assertThat(identity.text("customFields.customField2")).isEqualTo("Blue");
        Map<String, Object> stored = jdbc.sql("SELECT custom_field_1, custom_field_2 FROM identity WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        assertThat(stored.get("custom_field_1")).isNull();
        assertThat(stored.get("custom_field_2")).isEqualTo("Blue");
    }

    @Test
    void the_lead_time_sets_when_approval_of_a_new_event_starts() {
        save(settings("UTC", 3));

        ApiResponse created = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(12));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-29T00:00:00Z");
        assertThat(created.text("status")).isEqualTo("Scheduled");
    }

    @Test
    void a_lead_time_reaching_today_opens_approval_at_once() {
        save(settings("UTC", 14));

        ApiResponse created = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(12));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-18T00:00:00Z");
        assertThat(created.text("status")).isEqualTo("Pending");
    }

    @Test
    void the_time_zone_decides_which_day_is_today() {
        // At 12:00 UTC on 20 March it is already 21 March in Kiritimati (UTC+14).
        save(settings("Pacific/Kiritimati", 7));

        ApiResponse rejected = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(0));

        assertFieldError(rejected, "effectiveDate", "Effective date must be today or later");
    }

    // --- helpers ---

    private ApiResponse current() {
        return get("/api/settings", admin);
    }

    private void enable(int... slots) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int slot : slots) {
            fields.add(field(slot, "Field " + slot, true));
        }
        save(settings("UTC", 7).with("customFields", fields));
    }

    private void save(JsonBody settings) {
        ApiResponse saved = put("/api/settings", admin, settings);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private String importWithCustomFields(Map<String, String> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("externalId", "ext-" + UUID.randomUUID());
        row.put("firstName", "Ann");
        row.put("lastName", "Custom");
        row.putAll(values);
        ApiResponse imported = post(
                "/api/identities", token("identities:write"), JsonBody.json().with("identities", List.of(row)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        return imported.text("items.0.id");
    }

    private static JsonBody settings(String timeZone, int leadTimeDays) {
        return JsonBody.json().with("timeZone", timeZone).with("leadTimeDays", leadTimeDays);
    }

    private static Map<String, Object> field(int slot, String label, boolean enabled) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("slot", slot);
        field.put("label", label);
        field.put("enabled", enabled);
        return field;
    }
}
