package com.personnelevents.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityImportIT extends ApiIntegrationTest {

    private String writer;
    private String reader;

    @BeforeEach
    void tokens() {
        writer = token("identities:write");
        reader = token("identities:read");
    }

    @Test
    void creates_new_identities_as_active_employees_dated_now() {
        String ext = unique();

        ApiResponse imported = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Created", "email", ext + "@example.com"));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.at("created").asInt()).isEqualTo(1);
        assertThat(imported.at("updated").asInt()).isZero();
        assertThat(imported.at("unchanged").asInt()).isZero();
        assertThat(imported.at("items.0.index").asInt()).isZero();
        assertThat(imported.text("items.0.externalId")).isEqualTo(ext);
        assertThat(imported.text("items.0.email")).isEqualTo(ext + "@example.com");
        assertThat(imported.text("items.0.result")).isEqualTo("Created");
        ApiResponse stored = identity(imported.text("items.0.id"));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.text("status")).isEqualTo("Active");
        assertThat(stored.text("type")).isEqualTo("Employee");
        assertThat(stored.text("createdDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(stored.text("updatedDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(stored.text("firstSeenDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(stored.at("inactivatedDate").isNull()).isTrue();
    }

    @Test
    void reimporting_the_same_row_is_unchanged_and_keeps_the_updated_date() {
        Map<String, Object> row =
                row("externalId", unique(), "firstName", "Ann", "lastName", "Same", "title", "Teller");
        String id = importRows(row).text("items.0.id");
        clock.advance(Duration.ofDays(1));

        ApiResponse again = importRows(row);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("items.0.result")).isEqualTo("Unchanged");
        assertThat(again.text("items.0.id")).isEqualTo(id);
        assertThat(again.at("unchanged").asInt()).isEqualTo(1);
        assertThat(identity(id).text("updatedDate")).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void a_changed_row_is_updated_and_moves_only_the_updated_date() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Change", "title", "Teller"))
                .text("items.0.id");
        clock.advance(Duration.ofHours(2));

        ApiResponse changed =
                importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Change", "title", "Head Teller"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("items.0.result")).isEqualTo("Updated");
        assertThat(changed.at("updated").asInt()).isEqualTo(1);
        ApiResponse stored = identity(id);
        assertThat(stored.text("title")).isEqualTo("Head Teller");
        assertThat(stored.text("updatedDate")).isEqualTo("2026-03-20T14:00:00Z");
        assertThat(stored.text("createdDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(stored.text("firstSeenDate")).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void matches_a_stored_identity_by_external_id_even_when_name_and_email_change() {
        String ext = unique();
        String id = importRows(
                        row("externalId", ext, "firstName", "Ann", "lastName", "Maiden", "email", ext + "@old.example"))
                .text("items.0.id");

        ApiResponse renamed = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Married", "email", ext + "@new.example"));

        assertThat(renamed.text("items.0.id")).isEqualTo(id);
        assertThat(renamed.text("items.0.result")).isEqualTo("Updated");
        assertThat(identity(id).text("lastName")).isEqualTo("Married");
        assertThat(identity(id).text("emailAddress")).isEqualTo(ext + "@new.example");
        assertThat(storedCount(ext)).isEqualTo(1);
    }

    @Test
    void matches_by_email_ignoring_case_when_the_row_has_no_external_id() {
        String local = unique();
        String id = importRows(row("firstName", "Ann", "lastName", "Mail", "email", local + "@Example.com"))
                .text("items.0.id");

        ApiResponse again = importRows(row(
                "firstName", "Ann", "lastName", "Mail", "email", local.toUpperCase() + "@EXAMPLE.com", "title", "CFO"));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.text("items.0.id")).isEqualTo(id);
        assertThat(again.text("items.0.result")).isEqualTo("Updated");
        assertThat(identity(id).text("title")).isEqualTo("CFO");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE email_key = :key")
                        .param("key", local.toLowerCase() + "@example.com")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rejects_an_email_that_matches_two_identities() {
        String email = unique() + "@shared.example";
        importRows(
                row("externalId", unique(), "firstName", "Ann", "lastName", "One", "email", email),
                row("externalId", unique(), "firstName", "Bob", "lastName", "Two", "email", email));

        ApiResponse ambiguous = importRows(row("firstName", "Cat", "lastName", "Three", "email", email.toUpperCase()));

        assertFieldError(
                ambiguous, "identities[0].email", "Email matches 2 identities; give an externalId to choose one");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE first_name = 'Cat' AND email_key = :key")
                        .param("key", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejects_two_rows_that_match_the_same_stored_identity() {
        String ext = unique();
        String email = ext + "@example.com";
        importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Twice", "email", email));

        ApiResponse twice = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Twice", "email", email, "title", "A"),
                row("firstName", "Ann", "lastName", "Twice", "email", email, "title", "B"));

        assertThat(twice.status()).as(twice.body().toString()).isEqualTo(400);
        assertThat(twice.text("error")).isEqualTo("validation_error");
        assertThat(twice.errorFields()).contains("identities[1].email");
    }

    @Test
    void resolves_a_supervisor_external_id_listed_later_in_the_same_batch() {
        String bossExt = unique();
        String last = "Boss" + letters();

        ApiResponse imported = importRows(
                row("externalId", unique(), "firstName", "Ann", "lastName", "Report", "supervisorExternalId", bossExt),
                row("externalId", bossExt, "firstName", "Rita", "lastName", last));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        ApiResponse report = identity(imported.text("items.0.id"));
        assertThat(report.text("supervisorName")).isEqualTo(last + ", Rita");
        assertThat(report.text("supervisorId")).isEqualTo(imported.text("items.1.id"));
    }

    @Test
    void resolves_a_supervisor_external_id_to_a_stored_identity() {
        String bossExt = unique();
        String bossId = importRows(row("externalId", bossExt, "firstName", "Robert", "lastName", "Martinez"))
                .text("items.0.id");

        ApiResponse imported = importRows(
                row("externalId", unique(), "firstName", "Sarah", "lastName", "Chen", "supervisorExternalId", bossExt));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        ApiResponse report = identity(imported.text("items.0.id"));
        assertThat(report.text("supervisorName")).isEqualTo("Martinez, Robert");
        assertThat(report.text("supervisorId")).isEqualTo(bossId);
    }

    @Test
    void resolves_a_supervisor_id_of_a_stored_identity() {
        UUID boss = givenIdentity("Robert", "Martinez");

        ApiResponse imported = importRows(
                row("externalId", unique(), "firstName", "Sarah", "lastName", "Chen", "supervisorId", boss.toString()));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(identity(imported.text("items.0.id")).text("supervisorName")).isEqualTo("Martinez, Robert");
    }

    @Test
    void rejects_an_unknown_supervisor_id() {
        String ext = unique();
        UUID unknown = UUID.randomUUID();

        ApiResponse rejected = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Orphan", "supervisorId", unknown.toString()));

        assertFieldError(rejected, "identities[0].supervisorId", "Identity with id " + unknown + " not found");
        assertThat(storedCount(ext)).isZero();
    }

    @Test
    void rejects_an_unknown_supervisor_external_id() {
        String ext = unique();
        String missing = unique();

        ApiResponse rejected = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Orphan", "supervisorExternalId", missing));

        assertFieldError(
                rejected, "identities[0].supervisorExternalId", "Identity with externalId " + missing + " not found");
        assertThat(storedCount(ext)).isZero();
    }

    @Test
    void rejects_an_identity_that_supervises_itself_by_supervisor_id() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Self"))
                .text("items.0.id");

        ApiResponse rejected =
                importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Self", "supervisorId", id));

        assertFieldError(rejected, "identities[0].supervisorId", "An identity cannot be its own supervisor");
        assertThat(identity(id).at("supervisorId").isNull()).isTrue();
    }

    @Test
    void rejects_an_identity_that_supervises_itself_by_supervisor_external_id() {
        String ext = unique();

        ApiResponse rejected =
                importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Self", "supervisorExternalId", ext));

        assertFieldError(rejected, "identities[0].supervisorExternalId", "An identity cannot be its own supervisor");
        assertThat(storedCount(ext)).isZero();
    }

    @Test
    void rejects_the_same_external_id_twice_in_one_batch() {
        String ext = unique();

        ApiResponse rejected = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Dup"),
                row("externalId", ext, "firstName", "Bob", "lastName", "Dup"));

        assertFieldError(rejected, "identities[1].externalId", "Same externalId as identities[0]");
        assertThat(storedCount(ext)).isZero();
    }

    @Test
    void rejects_the_same_email_twice_in_one_batch_ignoring_case() {
        String local = unique();

        ApiResponse rejected = importRows(
                row("firstName", "Ann", "lastName", "Dup", "email", local + "@example.com"),
                row("firstName", "Bob", "lastName", "Dup", "email", local.toUpperCase() + "@EXAMPLE.COM"));

        assertFieldError(rejected, "identities[1].email", "Same email as identities[0]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE email_key = :key")
                        .param("key", local + "@example.com")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejects_a_row_with_neither_external_id_nor_email() {
        ApiResponse rejected = importRows(row("firstName", "Ann", "lastName", "Nobody"));

        assertFieldError(
                rejected, "identities[0].externalId", "External id or email is required to match the identity");
    }

    @Test
    void disabling_an_identity_sets_its_inactivated_date() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Leaver"))
                .text("items.0.id");
        clock.advance(Duration.ofDays(1));

        ApiResponse disabled =
                importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Leaver", "status", "Disabled"));

        assertThat(disabled.text("items.0.result")).isEqualTo("Updated");
        ApiResponse stored = identity(id);
        assertThat(stored.text("status")).isEqualTo("Disabled");
        assertThat(stored.text("inactivatedDate")).isEqualTo("2026-03-21T12:00:00Z");
    }

    @Test
    void returning_to_active_clears_the_inactivated_date() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Back", "status", "Disabled"))
                .text("items.0.id");
        assertThat(identity(id).text("inactivatedDate")).isEqualTo("2026-03-20T12:00:00Z");
        clock.advance(Duration.ofDays(3));

        importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Back", "status", "Active"));

        ApiResponse stored = identity(id);
        assertThat(stored.text("status")).isEqualTo("Active");
        assertThat(stored.at("inactivatedDate").isNull()).isTrue();
    }

    @Test
    void moving_from_disabled_to_removed_keeps_the_date_it_stopped_being_active() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Gone", "status", "Disabled"))
                .text("items.0.id");
        clock.advance(Duration.ofDays(30));

        importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Gone", "status", "Removed"));

        ApiResponse stored = identity(id);
        assertThat(stored.text("status")).isEqualTo("Removed");
        assertThat(stored.text("inactivatedDate")).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void rejects_an_unknown_status() {
        ApiResponse rejected =
                importRows(row("externalId", unique(), "firstName", "Ann", "lastName", "Odd", "status", "Terminated"));

        assertFieldError(rejected, "identities[0].status", "Status must be one of: Active, Disabled, Removed");
    }

    @Test
    void stores_nothing_when_one_row_of_three_is_invalid() {
        String prefix = unique();

        ApiResponse rejected = importRows(
                row("externalId", prefix + "-0", "firstName", "Ann", "lastName", "Batch"),
                row("externalId", prefix + "-1", "firstName", "Bob", "lastName", "Batch"),
                row("externalId", prefix + "-2", "lastName", "Batch"));

        assertFieldError(rejected, "identities[2].firstName", "First name is required");
        assertThat(rejected.errorFields()).containsExactly("identities[2].firstName");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE external_id LIKE :prefix")
                        .param("prefix", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void leaves_stored_identities_untouched_when_another_row_is_invalid() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Keep", "title", "Teller"))
                .text("items.0.id");

        ApiResponse rejected = importRows(
                row("externalId", ext, "firstName", "Ann", "lastName", "Keep", "title", "Manager"),
                row("externalId", unique(), "firstName", "Bob", "lastName", "Bad", "identityType", "Robot"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(identity(id).text("title")).isEqualTo("Teller");
    }

    @Test
    void reports_every_invalid_row_at_once() {
        ApiResponse rejected = importRows(
                row("externalId", unique(), "lastName", "First"),
                row("externalId", unique(), "firstName", "Ok", "lastName", "Second"),
                row("externalId", unique(), "firstName", "Bad", "lastName", "Third", "email", "not-an-email"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorFields()).containsExactlyInAnyOrder("identities[0].firstName", "identities[2].email");
        assertThat(rejected.errorFor("identities[2].email")).isEqualTo("Email must be a valid email address");
    }

    @Test
    void rejects_a_null_row() {
        ApiResponse rejected = post(
                "/api/identities",
                writer,
                JsonBody.json()
                        .with(
                                "identities",
                                Arrays.asList(row("externalId", unique(), "firstName", "Ann", "lastName", "X"), null)));

        assertFieldError(rejected, "identities[1]", "Identity must be an object");
    }

    @Test
    void rejects_more_than_1000_rows() {
        String prefix = unique();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            rows.add(row("externalId", prefix + "-" + i, "firstName", "F", "lastName", "L"));
        }

        ApiResponse rejected = post("/api/identities", writer, JsonBody.json().with("identities", rows));

        assertFieldError(rejected, "identities", "At most 1000 identities can be imported at once");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE external_id LIKE :prefix")
                        .param("prefix", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void imports_1000_rows_in_one_request() {
        String prefix = unique();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row("externalId", prefix + "-" + i, "firstName", "F" + i, "lastName", "Bulk"));
        }

        ApiResponse imported = post("/api/identities", writer, JsonBody.json().with("identities", rows));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.at("created").asInt()).isEqualTo(1000);
        assertThat(imported.at("items").size()).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity WHERE external_id LIKE :prefix")
                        .param("prefix", prefix + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1000);
    }

    @Test
    void rejects_an_empty_list() {
        ApiResponse rejected = post("/api/identities", writer, JsonBody.json().with("identities", List.of()));

        assertFieldError(rejected, "identities", "At least one identity is required");
    }

    @Test
    void rejects_a_missing_list() {
        ApiResponse rejected = post("/api/identities", writer, JsonBody.json());

        assertFieldError(rejected, "identities", "At least one identity is required");
    }

    @ParameterizedTest
    @CsvSource({
        "externalId, 256, External id",
        "firstName, 256, First name",
        "lastName, 256, Last name",
        "email, 256, Email",
        "company, 256, Company",
        "division, 256, Division",
        "department, 128, Department",
        "office, 256, Office",
        "title, 256, Title",
        "identityType, 50, Identity type",
        "supervisorExternalId, 256, Supervisor external id"
    })
    void rejects_a_value_longer_than_its_maximum(String field, int max, String label) {
        Map<String, Object> row = row("externalId", unique(), "firstName", "Ann", "lastName", "Long");
        row.put(field, tooLong(field, max));

        ApiResponse rejected = importRows(row);

        assertFieldError(rejected, "identities[0]." + field, label + " must be at most " + max + " characters");
    }

    @Test
    void accepts_every_field_at_its_maximum_length() {
        enableCustomField(9);
        String ext = (unique() + "x".repeat(256)).substring(0, 256);

        ApiResponse imported = importRows(row(
                "externalId", ext,
                "firstName", "f".repeat(256),
                "lastName", "l".repeat(256),
                "email", "a@" + "b".repeat(254),
                "company", "c".repeat(256),
                "division", "d".repeat(256),
                "department", "e".repeat(128),
                "office", "o".repeat(256),
                "title", "t".repeat(256),
                "customField9", "z".repeat(2048)));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        ApiResponse stored = identity(imported.text("items.0.id"));
        assertThat(stored.text("department")).hasSize(128);
        assertThat(stored.text("customFields.customField9")).hasSize(2048);
    }

    @Test
    void rejects_a_custom_field_value_longer_than_2048() {
        enableCustomField(4);

        ApiResponse rejected = importRows(
                row("externalId", unique(), "firstName", "Ann", "lastName", "Long", "customField4", "v".repeat(2049)));

        assertFieldError(rejected, "identities[0].customField4", "Custom field 4 must be at most 2048 characters");
    }

    @Test
    void rejects_a_custom_field_that_is_not_enabled() {
        String ext = unique();

        ApiResponse rejected =
                importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Custom", "customField3", "North"));

        assertFieldError(
                rejected, "identities[0].customField3", "Custom field 3 is not enabled in the system settings");
        assertThat(storedCount(ext)).isZero();
    }

    @Test
    void rejects_an_identity_type_outside_the_documented_values() {
        ApiResponse rejected = importRows(
                row("externalId", unique(), "firstName", "Ann", "lastName", "Type", "identityType", "Contractor"));

        assertFieldError(
                rejected,
                "identities[0].identityType",
                "Identity type must be one of: Employee, ServiceAccount, Vendor, Shared, Mailbox, Client, Temporary,"
                        + " Administrator, Auditor, Unknown");
    }

    @Test
    void accepts_every_documented_identity_type() {
        List<String> types = List.of(
                "Employee",
                "ServiceAccount",
                "Vendor",
                "Shared",
                "Mailbox",
                "Client",
                "Temporary",
                "Administrator",
                "Auditor",
                "Unknown");
        List<Map<String, Object>> rows = new ArrayList<>();
        types.forEach(type ->
                rows.add(row("externalId", unique(), "firstName", type, "lastName", "Typed", "identityType", type)));

        ApiResponse imported = post("/api/identities", writer, JsonBody.json().with("identities", rows));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        List<String> stored = new ArrayList<>();
        imported.at("items")
                .forEach(item -> stored.add(identity(item.path("id").asString()).text("type")));
        assertThat(stored).containsExactlyElementsOf(types);
    }

    @Test
    void keeps_the_stored_type_when_a_later_row_leaves_it_out() {
        String ext = unique();
        String id = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Vend", "identityType", "Vendor"))
                .text("items.0.id");

        ApiResponse again = importRows(row("externalId", ext, "firstName", "Ann", "lastName", "Vend"));

        assertThat(again.text("items.0.result")).isEqualTo("Unchanged");
        assertThat(identity(id).text("type")).isEqualTo("Vendor");
    }

    @Test
    void refuses_a_token_without_the_identities_write_scope() {
        String ext = unique();

        ApiResponse refused = post(
                "/api/identities",
                reader,
                JsonBody.json().with("identities", List.of(row("externalId", ext, "firstName", "A", "lastName", "B"))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
        assertThat(storedCount(ext)).isZero();
    }

    // --- helpers ---

    @SafeVarargs
    private ApiResponse importRows(Map<String, Object>... rows) {
        return post("/api/identities", writer, JsonBody.json().with("identities", List.of(rows)));
    }

    private ApiResponse identity(String id) {
        return get("/api/identities/" + id, reader);
    }

    private long storedCount(String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM identity WHERE external_id = :ext")
                .param("ext", externalId)
                .query(Long.class)
                .single();
    }

    private void enableCustomField(int slot) {
        ApiResponse saved = put(
                "/api/settings",
                token("admin"),
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with(
                                "customFields",
                                List.of(Map.of("slot", slot, "label", "Field " + slot, "enabled", true))));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private static String tooLong(String field, int max) {
        if (field.equals("email")) {
            return "a@" + "b".repeat(max - 1);
        }
        return "x".repeat(max + 1);
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String unique() {
        return "ext-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        UUID.randomUUID().toString().chars().limit(10).forEach(c -> s.append((char) ('a' + c % 26)));
        return s.toString();
    }
}
