package com.personnelevents.access;

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
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Applications, access models and what people hold, through HTTP. The database is shared with every
 * other IT, so every name and every criterion value carries a per-test suffix, and models that would
 * match people of other tests are disabled before the test ends.
 */
class AccessManagementIT extends ApiIntegrationTest {

    private static final String VALID_ATTRIBUTES = "company, division, department, title, office, identityType,"
            + " customField1, customField2, customField3, customField4, customField5, customField6, customField7,"
            + " customField8, customField9";

    private String writer;
    private String reader;
    private String unique;
    private String app;
    private String department;

    @BeforeEach
    void setUp() {
        writer = token("access:write");
        reader = token("access:read");
        unique = UUID.randomUUID().toString().substring(0, 8);
        app = "Core Banking " + unique;
        department = "Lending " + unique;
    }

    // --- applications ---

    @Test
    void creates_an_application_with_its_permissions_and_answers_201_with_its_location() {
        ApiResponse created = post(
                "/api/applications",
                writer,
                JsonBody.json()
                        .with("name", app)
                        .with("description", "Teller and loan platform")
                        .with(
                                "permissions",
                                List.of(
                                        Map.of("name", "Teller", "description", "Cash drawer"),
                                        Map.of("name", "Head Teller"))));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/applications/" + id);
        assertThat(created.text("name")).isEqualTo(app);
        assertThat(created.text("description")).isEqualTo("Teller and loan platform");
        assertThat(created.text("status")).isEqualTo("Active");
        assertThat(permissionNames(created.at("permissions"))).containsExactly("Head Teller", "Teller");
        assertThat(created.text("permissions.1.description")).isEqualTo("Cash drawer");
        assertThat(created.text("permissions.0.id")).isNotBlank();
        ApiResponse fetched = get(created.header("Location"), reader);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void lists_applications_with_their_permissions() {
        String id = givenApplication(app, "Teller").text("id");
        String other = givenApplication("Mortgage " + unique, "Underwriter").text("id");

        ApiResponse listed = get("/api/applications", reader);

        assertThat(listed.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        listed.body().forEach(a -> byId.put(a.path("id").asString(), a));
        assertThat(byId).containsKeys(id, other);
        assertThat(byId.get(id).path("name").asString()).isEqualTo(app);
        assertThat(permissionNames(byId.get(other).path("permissions"))).containsExactly("Underwriter");
    }

    @Test
    void a_second_application_with_the_same_name_is_a_conflict() {
        givenApplication(app, "Teller");

        ApiResponse duplicate =
                post("/api/applications", writer, JsonBody.json().with("name", app));

        assertThat(duplicate.status()).as(duplicate.body().toString()).isEqualTo(409);
        assertThat(duplicate.text("error")).isEqualTo("conflict");
        assertThat(duplicate.text("message")).isEqualTo("An application named '" + app + "' already exists");
        assertThat(applicationsNamed(app)).isEqualTo(1);
    }

    @Test
    void an_application_needs_a_name_and_every_error_is_reported_at_once() {
        ApiResponse rejected = post(
                "/api/applications",
                writer,
                JsonBody.json()
                        .with("description", "Nameless " + unique)
                        .with("permissions", List.of(Map.of("description", "no name either"))));

        assertFieldError(rejected, "name", "Name is required");
        assertFieldError(rejected, "permissions[0].name", "Name is required");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE description = :d")
                        .param("d", "Nameless " + unique)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_permission_listed_twice_is_rejected_and_nothing_is_stored() {
        ApiResponse rejected = post(
                "/api/applications",
                writer,
                JsonBody.json()
                        .with("name", app)
                        .with(
                                "permissions",
                                List.of(Map.of("name", "Teller"), Map.of("name", "Loans"), Map.of("name", "Teller"))));

        assertValidationError(rejected, "permissions[2].name", "Permission 'Teller' is listed twice");
        assertThat(rejected.errorFields()).containsExactly("permissions[2].name");
        assertThat(applicationsNamed(app)).isZero();
    }

    @Test
    void update_renames_the_application_adds_permissions_and_keeps_the_unlisted_ones() {
        ApiResponse created = givenApplication(app, "Teller", "Loans");
        String id = created.text("id");
        String tellerId = permissionId(created.at("permissions"), "Teller");
        String renamed = "Core Banking NG " + unique;

        ApiResponse updated = put(
                "/api/applications/" + id,
                writer,
                JsonBody.json()
                        .with("name", renamed)
                        .with("description", "Renamed")
                        .with(
                                "permissions",
                                List.of(
                                        Map.of("name", "Teller", "description", "Cash drawer"),
                                        Map.of("name", "Wire Transfers"))));

        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo(renamed);
        assertThat(updated.text("description")).isEqualTo("Renamed");
        assertThat(updated.text("status")).isEqualTo("Active");
        assertThat(permissionNames(updated.at("permissions"))).containsExactly("Loans", "Teller", "Wire Transfers");
        assertThat(permissionId(updated.at("permissions"), "Teller")).isEqualTo(tellerId);
        ApiResponse fetched = get("/api/applications/" + id, reader);
        assertThat(fetched.text("name")).isEqualTo(renamed);
        assertThat(fetched.text("permissions.1.description")).isEqualTo("Cash drawer");
        assertThat(applicationsNamed(app)).isZero();
    }

    @Test
    void renaming_an_application_to_another_ones_name_is_a_conflict() {
        String id = givenApplication(app, "Teller").text("id");
        String other = "Mortgage " + unique;
        givenApplication(other, "Underwriter");

        ApiResponse rejected =
                put("/api/applications/" + id, writer, JsonBody.json().with("name", other));

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(409);
        assertThat(rejected.text("error")).isEqualTo("conflict");
        assertThat(rejected.text("message")).isEqualTo("An application named '" + other + "' already exists");
        assertThat(get("/api/applications/" + id, reader).text("name")).isEqualTo(app);
    }

    @Test
    void retiring_an_application_marks_it_retired() {
        String id = givenApplication(app, "Teller").text("id");

        ApiResponse retired = post("/api/applications/" + id + "/retire", writer, null);

        assertThat(retired.status()).as(retired.body().toString()).isEqualTo(200);
        assertThat(retired.text("status")).isEqualTo("Retired");
        assertThat(retired.text("name")).isEqualTo(app);
        assertThat(get("/api/applications/" + id, reader).text("status")).isEqualTo("Retired");
    }

    @Test
    void a_retired_applications_permissions_are_no_longer_granted_by_models() {
        String other = "Mortgage " + unique;
        String retiring = givenApplication(app, "Teller").text("id");
        givenApplication(other, "Underwriter");
        givenModel(
                "Tellers " + unique,
                Map.of("department", List.of(department)),
                List.of(grant(app, "Teller"), grant(other, "Underwriter")));
        UUID person = person(department, "Teller");
        assertThat(previewPermissions(person)).containsExactlyInAnyOrder(app + "/Teller", other + "/Underwriter");

        post("/api/applications/" + retiring + "/retire", writer, null);

        assertThat(previewPermissions(person)).containsExactly(other + "/Underwriter");
    }

    @Test
    void a_retired_applications_permission_cannot_be_used_in_a_new_model() {
        String id = givenApplication(app, "Teller").text("id");
        post("/api/applications/" + id + "/retire", writer, null);
        String name = "Tellers " + unique;

        ApiResponse rejected = post("/api/access-models", writer, model(name, Map.of(), grant(app, "Teller")));

        assertValidationError(
                rejected, "permissions[0]", "No permission 'Teller' in an active application '" + app + "'");
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void a_retired_applications_permission_cannot_be_granted() {
        String id = givenApplication(app, "Teller").text("id");
        post("/api/applications/" + id + "/retire", writer, null);
        UUID person = person(department, "Teller");

        ApiResponse rejected = importGrants(grantRow("identityId", person.toString(), "Teller", null));

        assertValidationError(
                rejected, "grants[0].permission", "No permission 'Teller' in an active application '" + app + "'");
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void an_unknown_application_id_is_not_found() {
        UUID unknown = UUID.randomUUID();
        String message = "Application with id " + unknown + " not found";

        ApiResponse fetched = get("/api/applications/" + unknown, reader);
        ApiResponse updated =
                put("/api/applications/" + unknown, writer, JsonBody.json().with("name", app));
        ApiResponse retired = post("/api/applications/" + unknown + "/retire", writer, null);

        for (ApiResponse response : List.of(fetched, updated, retired)) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(404);
            assertThat(response.text("error")).isEqualTo("not_found");
            assertThat(response.text("message")).isEqualTo(message);
        }
        assertThat(applicationsNamed(app)).isZero();
    }

    // --- access models ---

    @Test
    void creates_an_access_model_and_reads_it_back() {
        givenApplication(app, "Teller", "Head Teller", "Loans");
        String name = "Tellers " + unique;

        ApiResponse created = post(
                "/api/access-models",
                writer,
                model(
                                name,
                                Map.of("department", List.of(department), "title", List.of("Teller", "Head Teller")),
                                grant(app, "Teller"),
                                grant(app, "Head Teller"))
                        .with("description", "Everyone at the counter")
                        .with("enabled", true));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).isEqualTo("/api/access-models/" + id);
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.text("description")).isEqualTo("Everyone at the counter");
        assertThat(created.at("enabled").asBoolean()).isTrue();
        assertThat(values(created.at("criteria.department"))).containsExactly(department);
        assertThat(values(created.at("criteria.title"))).containsExactly("Teller", "Head Teller");
        assertThat(granted(created.at("permissions"))).containsExactly(app + "/Head Teller", app + "/Teller");
        assertThat(created.text("permissions.0.application.id")).isNotBlank();
        assertThat(created.text("permissions.0.permission.id")).isNotBlank();
        ApiResponse fetched = get(created.header("Location"), reader);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
        ApiResponse listed = get("/api/access-models", reader);
        assertThat(listed.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.body().forEach(m -> ids.add(m.path("id").asString()));
        assertThat(ids).contains(id);
    }

    @Test
    void a_model_is_enabled_unless_told_otherwise() {
        givenApplication(app, "Teller");

        ApiResponse created = post(
                "/api/access-models",
                writer,
                model("Tellers " + unique, Map.of("department", List.of(department)), grant(app, "Teller")));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.at("enabled").asBoolean()).isTrue();
    }

    @Test
    void update_replaces_the_models_name_criteria_permissions_and_switch() {
        givenApplication(app, "Teller", "Loans");
        String id = givenModel("Tellers " + unique, Map.of("title", List.of("Teller")), List.of(grant(app, "Teller")))
                .text("id");
        String renamed = "Loan officers " + unique;

        ApiResponse updated = put(
                "/api/access-models/" + id,
                writer,
                model(renamed, Map.of("department", List.of(department)), grant(app, "Loans"))
                        .with("enabled", false));

        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.text("id")).isEqualTo(id);
        assertThat(updated.text("name")).isEqualTo(renamed);
        assertThat(updated.at("enabled").asBoolean()).isFalse();
        assertThat(fieldNames(updated.at("criteria"))).containsExactly("department");
        assertThat(granted(updated.at("permissions"))).containsExactly(app + "/Loans");
        assertThat(get("/api/access-models/" + id, reader).body()).isEqualTo(updated.body());
    }

    @Test
    void an_unknown_attribute_is_rejected_with_the_valid_ones() {
        givenApplication(app, "Teller");
        String name = "Tellers " + unique;

        ApiResponse rejected = post(
                "/api/access-models", writer, model(name, Map.of("costCenter", List.of("4711")), grant(app, "Teller")));

        assertValidationError(
                rejected, "criteria.costCenter", "Unknown attribute; valid attributes: " + VALID_ATTRIBUTES);
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void an_identity_type_criterion_must_name_a_real_identity_type() {
        givenApplication(app, "Teller");
        String name = "Tellers " + unique;

        ApiResponse rejected = post(
                "/api/access-models",
                writer,
                model(name, Map.of("identityType", List.of("Employe")), grant(app, "Teller")));

        assertValidationError(
                rejected,
                "criteria.identityType",
                "Identity type must be one of: Employee, ServiceAccount, Vendor, Shared, Mailbox, Client, Temporary,"
                        + " Administrator, Auditor, Unknown");
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void a_criterion_without_values_is_rejected() {
        givenApplication(app, "Teller");
        String name = "Tellers " + unique;

        ApiResponse rejected =
                post("/api/access-models", writer, model(name, Map.of("department", List.of()), grant(app, "Teller")));

        assertValidationError(rejected, "criteria.department", "At least one accepted value is required");
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void an_unknown_permission_is_rejected_naming_it() {
        givenApplication(app, "Teller");
        String name = "Tellers " + unique;

        ApiResponse rejected = post(
                "/api/access-models",
                writer,
                model(
                        name,
                        Map.of("department", List.of(department)),
                        grant(app, "Teller"),
                        grant(app, "Vault"),
                        grant("No Such App " + unique, "Teller")));

        assertFieldError(rejected, "permissions[1]", "No permission 'Vault' in an active application '" + app + "'");
        assertFieldError(
                rejected,
                "permissions[2]",
                "No permission 'Teller' in an active application 'No Such App " + unique + "'");
        assertThat(rejected.errorFields()).doesNotContain("permissions[0]");
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void a_model_must_grant_at_least_one_permission() {
        String name = "Tellers " + unique;
        JsonBody empty = model(name, Map.of("department", List.of(department)));
        JsonBody omitted =
                model(name, Map.of("department", List.of(department))).without("permissions");

        for (JsonBody body : List.of(empty, omitted)) {
            ApiResponse rejected = post("/api/access-models", writer, body);

            assertValidationError(rejected, "permissions", "A model grants at least one permission");
        }
        assertThat(modelsNamed(name)).isZero();
    }

    @Test
    void a_model_needs_a_name() {
        givenApplication(app, "Teller");

        ApiResponse rejected = post(
                "/api/access-models",
                writer,
                model("  ", Map.of("department", List.of(department)), grant(app, "Teller")));

        assertValidationError(rejected, "name", "Name is required");
        assertThat(rejected.errorFields()).containsExactly("name");
    }

    @Test
    void a_second_model_with_the_same_name_is_a_conflict() {
        givenApplication(app, "Teller");
        String name = "Tellers " + unique;
        givenModel(name, Map.of("department", List.of(department)), List.of(grant(app, "Teller")));

        ApiResponse duplicate = post(
                "/api/access-models", writer, model(name, Map.of("title", List.of("Teller")), grant(app, "Teller")));

        assertThat(duplicate.status()).as(duplicate.body().toString()).isEqualTo(409);
        assertThat(duplicate.text("error")).isEqualTo("conflict");
        assertThat(duplicate.text("message")).isEqualTo("An access model named '" + name + "' already exists");
        assertThat(modelsNamed(name)).isEqualTo(1);
    }

    @Test
    void an_unknown_model_or_identity_is_not_found() {
        givenApplication(app, "Teller");
        UUID unknown = UUID.randomUUID();

        ApiResponse fetched = get("/api/access-models/" + unknown, reader);
        ApiResponse updated = put(
                "/api/access-models/" + unknown,
                writer,
                model("Tellers " + unique, Map.of("department", List.of(department)), grant(app, "Teller")));
        ApiResponse preview = get("/api/access-models/preview?identityId=" + unknown, reader);

        for (ApiResponse response : List.of(fetched, updated)) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(404);
            assertThat(response.text("error")).isEqualTo("not_found");
            assertThat(response.text("message")).isEqualTo("Access model with id " + unknown + " not found");
        }
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(404);
        assertThat(preview.text("error")).isEqualTo("not_found");
        assertThat(preview.text("message")).isEqualTo("Identity with id " + unknown + " not found");
        assertThat(modelsNamed("Tellers " + unique)).isZero();
    }

    // --- matching (preview) ---

    @Test
    void a_disabled_model_does_not_match() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique,
                        Map.of("department", List.of(department)),
                        List.of(grant(app, "Teller")),
                        false)
                .text("id");
        UUID person = person(department, "Teller");

        ApiResponse preview = preview(person);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(previewModelIds(preview)).doesNotContain(id);
        assertThat(previewPermissions(person)).isEmpty();
    }

    @Test
    void preview_names_the_identity_the_matching_models_and_what_they_grant() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique, Map.of("department", List.of(department)), List.of(grant(app, "Teller")))
                .text("id");
        UUID person = person(department, "Teller");

        ApiResponse preview = preview(person);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.text("identity.id")).isEqualTo(person.toString());
        assertThat(preview.text("identity.name")).isNotBlank();
        assertThat(previewModelIds(preview)).contains(id);
        assertThat(previewPermissions(person)).containsExactly(app + "/Teller");
    }

    @Test
    void every_criterion_must_hold() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique,
                        Map.of("department", List.of(department), "title", List.of("Teller")),
                        List.of(grant(app, "Teller")))
                .text("id");
        UUID teller = person(department, "Teller");
        UUID officer = person(department, "Loan Officer");
        UUID elsewhere = person("Operations " + unique, "Teller");
        UUID noTitle = person(department, null);

        assertThat(previewModelIds(preview(teller))).contains(id);
        assertThat(previewModelIds(preview(officer))).doesNotContain(id);
        assertThat(previewModelIds(preview(elsewhere))).doesNotContain(id);
        assertThat(previewModelIds(preview(noTitle))).doesNotContain(id);
    }

    @Test
    void any_listed_value_of_a_criterion_will_do() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique,
                        Map.of("department", List.of(department), "title", List.of("Teller", "Head Teller")),
                        List.of(grant(app, "Teller")))
                .text("id");

        assertThat(previewModelIds(preview(person(department, "Teller")))).contains(id);
        assertThat(previewModelIds(preview(person(department, "Head Teller")))).contains(id);
        assertThat(previewModelIds(preview(person(department, "Vault Teller")))).doesNotContain(id);
    }

    @Test
    void matching_ignores_case_and_surrounding_spaces() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique,
                        Map.of("department", List.of("  " + department.toUpperCase() + "  ")),
                        List.of(grant(app, "Teller")))
                .text("id");
        UUID person = person(department.toLowerCase(), "Teller");
        // an identity value with spaces around it, as an older import might have stored it
        UUID padded = person(department, "Teller");
        jdbc.sql("UPDATE identity SET department = :department WHERE id = :id")
                .param("department", " " + department + "   ")
                .param("id", padded)
                .update();

        assertThat(previewModelIds(preview(person))).contains(id);
        assertThat(previewModelIds(preview(padded))).contains(id);
        assertThat(previewModelIds(preview(person("X" + department, "Teller")))).doesNotContain(id);
    }

    @Test
    void a_model_without_criteria_matches_everyone() {
        givenApplication(app, "Teller");
        ApiResponse created = givenModel("Everyone " + unique, Map.of(), List.of(grant(app, "Teller")));
        String id = created.text("id");
        try {
            assertThat(created.at("criteria").isEmpty()).isTrue();
            assertThat(previewModelIds(preview(person(department, "Teller")))).contains(id);
            assertThat(previewModelIds(preview(person(null, null)))).contains(id);
        } finally {
            // no other test's people must receive this permission
            ApiResponse disabled = put(
                    "/api/access-models/" + id,
                    writer,
                    model("Everyone " + unique, Map.of(), grant(app, "Teller")).with("enabled", false));
            assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
        }
    }

    @Test
    void an_identity_matching_several_models_gets_the_union_of_their_permissions() {
        givenApplication(app, "Teller", "Mailbox", "Loans", "Wires");
        String staff = givenModel(
                        "Branch staff " + unique,
                        Map.of("department", List.of(department)),
                        List.of(grant(app, "Mailbox"), grant(app, "Teller")))
                .text("id");
        String tellers = givenModel(
                        "Tellers " + unique,
                        Map.of("title", List.of("Teller " + unique)),
                        List.of(grant(app, "Teller"), grant(app, "Loans")))
                .text("id");
        String others = givenModel(
                        "Wire room " + unique,
                        Map.of("department", List.of("Wires " + unique)),
                        List.of(grant(app, "Wires")))
                .text("id");
        UUID person = person(department, "Teller " + unique);

        ApiResponse preview = preview(person);

        assertThat(previewModelIds(preview)).contains(staff, tellers).doesNotContain(others);
        assertThat(previewPermissions(person)).containsExactly(app + "/Loans", app + "/Mailbox", app + "/Teller");
    }

    @Test
    void a_changed_model_matches_by_its_new_criteria() {
        givenApplication(app, "Teller");
        String id = givenModel(
                        "Tellers " + unique, Map.of("department", List.of(department)), List.of(grant(app, "Teller")))
                .text("id");
        UUID person = person(department, "Teller");
        assertThat(previewModelIds(preview(person))).contains(id);

        put(
                "/api/access-models/" + id,
                writer,
                model("Tellers " + unique, Map.of("department", List.of("Wires " + unique)), grant(app, "Teller")));

        assertThat(previewModelIds(preview(person))).doesNotContain(id);
    }

    // --- what people hold ---

    @Test
    void imports_grants_as_json_and_shows_what_the_person_holds() {
        givenApplication(app, "Teller", "Loans");
        UUID person = person(department, "Teller");

        ApiResponse imported = importGrants(
                grantRow("identityId", person.toString(), "Teller", "jdoe"),
                grantRow("identityId", person.toString(), "Loans", null));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.at("imported").asInt()).isEqualTo(2);
        ApiResponse held = get("/api/identities/" + person + "/access", reader);
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.body().size()).isEqualTo(2);
        assertThat(held.text("0.application.name")).isEqualTo(app);
        assertThat(held.text("0.application.id")).isNotBlank();
        assertThat(held.text("0.permission.name")).isEqualTo("Loans");
        assertThat(held.at("0.account").isNull()).isTrue();
        assertThat(held.text("1.permission.name")).isEqualTo("Teller");
        assertThat(held.text("1.permission.id")).isNotBlank();
        assertThat(held.text("1.account")).isEqualTo("jdoe");
        assertThat(held.text("1.status")).isEqualTo("Active");
        assertThat(held.text("1.updatedAt")).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void imports_grants_as_csv_by_external_id() {
        givenApplication(app, "Teller", "Loans");
        String externalId = "ext-" + UUID.randomUUID();
        UUID person = person(externalId, department, "Teller");
        String csv = "externalId,application,permission,account\n"
                + externalId + "," + app + ",Teller,JDOE01\n"
                + externalId + "," + app + ",Loans,\n";

        ApiResponse imported = importCsv(csv);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.at("imported").asInt()).isEqualTo(2);
        assertThat(held(person)).containsExactly("Loans null Active", "Teller JDOE01 Active");
    }

    @Test
    void imports_a_csv_that_starts_with_a_byte_order_mark_as_spreadsheets_write_it() {
        givenApplication(app, "Teller");
        String externalId = "ext-" + UUID.randomUUID();
        UUID person = person(externalId, department, "Teller");

        ApiResponse imported = importCsv(
                "\uFEFFexternalId,application,permission,account\r\n" + externalId + "," + app + ",Teller,JDOE01\r\n");

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(held(person)).containsExactly("Teller JDOE01 Active");
    }

    @Test
    void importing_a_held_permission_again_updates_its_account_and_keeps_one_row() {
        givenApplication(app, "Teller");
        UUID person = person(department, "Teller");
        importGrants(grantRow("identityId", person.toString(), "Teller", "old"));

        ApiResponse again = importGrants(grantRow("identityId", person.toString(), "Teller", "new"));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(held(person)).containsExactly("Teller new Active");
    }

    @Test
    void an_unknown_identity_is_rejected_naming_its_row_and_nothing_is_imported() {
        givenApplication(app, "Teller");
        UUID person = person(department, "Teller");
        UUID unknown = UUID.randomUUID();
        String unknownExternal = "ext-" + UUID.randomUUID();

        ApiResponse rejected = importGrants(
                grantRow("identityId", person.toString(), "Teller", null),
                grantRow("identityId", unknown.toString(), "Teller", null),
                grantRow("externalId", unknownExternal, "Teller", null));

        assertFieldError(rejected, "grants[1].identityId", "Identity with id " + unknown + " not found");
        assertFieldError(
                rejected, "grants[2].externalId", "Identity with externalId " + unknownExternal + " not found");
        assertThat(rejected.errorFields()).containsExactlyInAnyOrder("grants[1].identityId", "grants[2].externalId");
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void an_unknown_permission_is_rejected_naming_its_row_and_nothing_is_imported() {
        givenApplication(app, "Teller");
        UUID person = person(department, "Teller");

        ApiResponse rejected = importGrants(
                grantRow("identityId", person.toString(), "Teller", null),
                grantRow("identityId", person.toString(), "Vault", null));

        assertValidationError(
                rejected, "grants[1].permission", "No permission 'Vault' in an active application '" + app + "'");
        assertThat(rejected.errorFields()).containsExactly("grants[1].permission");
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void a_csv_row_naming_an_unknown_person_is_rejected_and_nothing_is_imported() {
        givenApplication(app, "Teller");
        String externalId = "ext-" + UUID.randomUUID();
        UUID person = person(externalId, department, "Teller");
        String csv = "externalId,application,permission,account\n"
                + externalId + "," + app + ",Teller,\n"
                + "nobody-" + unique + "," + app + ",Teller,\n";

        ApiResponse rejected = importCsv(csv);

        assertValidationError(
                rejected, "grants[1].externalId", "Identity with externalId nobody-" + unique + " not found");
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void an_unknown_csv_column_is_rejected() {
        givenApplication(app, "Teller");
        String externalId = "ext-" + UUID.randomUUID();
        UUID person = person(externalId, department, "Teller");
        String csv = "externalId,application,permission,costCenter\n" + externalId + "," + app + ",Teller,4711\n";

        ApiResponse rejected = importCsv(csv);

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(400);
        assertThat(rejected.text("error")).isEqualTo("validation_error");
        assertThat(rejected.errorFor("csv"))
                .startsWith("Unknown column 'costCenter'; columns: ")
                .contains("identityId", "externalId", "application", "permission", "account");
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void an_import_without_grants_is_rejected() {
        ApiResponse rejected =
                post("/api/identity-access", writer, JsonBody.json().with("grants", List.of()));

        assertValidationError(rejected, "grants", "At least one grant is required");
    }

    @Test
    void what_an_unknown_identity_holds_is_not_found() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = get("/api/identities/" + unknown + "/access", reader);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("Identity with id " + unknown + " not found");
    }

    // --- access requests ---

    @Test
    void an_unknown_access_request_is_not_found() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = get("/api/access-requests/" + unknown, reader);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("Access request with id " + unknown + " not found");
    }

    @Test
    void access_request_filters_are_checked() {
        ApiResponse rejected =
                get("/api/access-requests?identityId=nope&applicationId=x&status=Done&type=Grant", reader);

        assertFieldError(rejected, "identityId", "Identity id must be a valid GUID");
        assertFieldError(rejected, "applicationId", "Application id must be a valid GUID");
        assertFieldError(
                rejected,
                "status",
                "Status must be one of: Pending, Open, Resolved, Completed, Canceled, Scheduled, Snoozed");
        assertFieldError(rejected, "type", "Type must be one of: Add, Change, Remove, Suspend, Restore");
    }

    @Test
    void a_person_without_requests_has_an_empty_page() {
        UUID person = person(department, "Teller");

        ApiResponse page = get("/api/access-requests?identityId=" + person + "&type=add&status=open", reader);

        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.at("items").size()).isZero();
        assertThat(page.at("totalCount").asLong()).isZero();
        assertThat(page.at("page").asInt()).isEqualTo(1);
        assertThat(page.at("pageSize").asInt()).isEqualTo(50);
    }

    // --- scopes ---

    @Test
    void access_read_cannot_change_anything() {
        String id = givenApplication(app, "Teller").text("id");
        UUID person = person(department, "Teller");

        List<ApiResponse> responses = List.of(
                post("/api/applications", reader, JsonBody.json().with("name", "Other " + unique)),
                put("/api/applications/" + id, reader, JsonBody.json().with("name", "Other " + unique)),
                post("/api/applications/" + id + "/retire", reader, null),
                post(
                        "/api/access-models",
                        reader,
                        model("Tellers " + unique, Map.of("department", List.of(department)), grant(app, "Teller"))),
                importGrants(reader, grantRow("identityId", person.toString(), "Teller", null)));

        for (ApiResponse response : responses) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
            assertThat(response.text("error")).isEqualTo("forbidden");
        }
        assertThat(applicationsNamed("Other " + unique)).isZero();
        assertThat(get("/api/applications/" + id, reader).text("status")).isEqualTo("Active");
        assertThat(modelsNamed("Tellers " + unique)).isZero();
        assertThat(heldCount(person)).isZero();
    }

    @Test
    void events_and_identities_scopes_cannot_read_access_data() {
        String id = givenApplication(app, "Teller").text("id");
        UUID person = person(department, "Teller");
        String events = token("events:write", "events:read");
        String identities = token("identities:read");

        List<ApiResponse> responses = List.of(
                get("/api/applications", events),
                get("/api/applications/" + id, events),
                get("/api/access-models", events),
                get("/api/access-models/preview?identityId=" + person, events),
                get("/api/access-requests", events),
                get("/api/identities/" + person + "/access", events),
                get("/api/identities/" + person + "/access", identities));

        for (ApiResponse response : responses) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
            assertThat(response.text("error")).isEqualTo("forbidden");
        }
    }

    // --- helpers ---

    private ApiResponse givenApplication(String name, String... permissions) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String permission : permissions) {
            list.add(Map.of("name", permission));
        }
        ApiResponse created = post(
                "/api/applications", writer, JsonBody.json().with("name", name).with("permissions", list));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private ApiResponse givenModel(String name, Map<String, List<String>> criteria, List<Map<String, String>> grants) {
        return givenModel(name, criteria, grants, true);
    }

    private ApiResponse givenModel(
            String name, Map<String, List<String>> criteria, List<Map<String, String>> grants, boolean enabled) {
        ApiResponse created = post(
                "/api/access-models",
                writer,
                JsonBody.json()
                        .with("name", name)
                        .with("enabled", enabled)
                        .with("criteria", criteria)
                        .with("permissions", grants));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    @SafeVarargs
    private static JsonBody model(String name, Map<String, List<String>> criteria, Map<String, String>... grants) {
        return JsonBody.json().with("name", name).with("criteria", criteria).with("permissions", List.of(grants));
    }

    private static Map<String, String> grant(String application, String permission) {
        return Map.of("application", application, "permission", permission);
    }

    /** One row of an identity-access import; {@code by} is "identityId" or "externalId". */
    private Map<String, String> grantRow(String by, String who, String permission, String account) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(by, who);
        row.put("application", app);
        row.put("permission", permission);
        if (account != null) {
            row.put("account", account);
        }
        return row;
    }

    @SafeVarargs
    private ApiResponse importGrants(Map<String, String>... rows) {
        return importGrants(writer, rows);
    }

    @SafeVarargs
    private ApiResponse importGrants(String token, Map<String, String>... rows) {
        return post("/api/identity-access", token, JsonBody.json().with("grants", List.of(rows)));
    }

    private ApiResponse importCsv(String csv) {
        return call(HttpMethod.POST, "/api/identity-access", writer, csv, Map.of("Content-Type", "text/csv"));
    }

    private UUID person(String department, String title) {
        return person("ext-" + UUID.randomUUID(), department, title);
    }

    /** Imports one identity with the given attributes (null ones left out) and returns its id. */
    private UUID person(String externalId, String department, String title) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("externalId", externalId);
        row.put("firstName", "Pat");
        row.put("lastName", "Access " + unique);
        if (department != null) {
            row.put("department", department);
        }
        if (title != null) {
            row.put("title", title);
        }
        ApiResponse imported = post(
                "/api/identities", token("identities:write"), JsonBody.json().with("identities", List.of(row)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        return UUID.fromString(imported.text("items.0.id"));
    }

    private ApiResponse preview(UUID identityId) {
        return get("/api/access-models/preview?identityId=" + identityId, reader);
    }

    private static List<String> previewModelIds(ApiResponse preview) {
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        preview.at("models").forEach(m -> ids.add(m.path("id").asString()));
        return ids;
    }

    /** "application/permission" of what the preview grants, limited to this test's applications. */
    private List<String> previewPermissions(UUID identityId) {
        ApiResponse preview = preview(identityId);
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        return granted(preview.at("permissions")).stream()
                .filter(p -> p.contains(unique))
                .toList();
    }

    private static List<String> granted(JsonNode permissions) {
        List<String> granted = new ArrayList<>();
        permissions.forEach(p -> granted.add(p.path("application").path("name").asString() + "/"
                + p.path("permission").path("name").asString()));
        return granted;
    }

    private static List<String> permissionNames(JsonNode permissions) {
        List<String> names = new ArrayList<>();
        permissions.forEach(p -> names.add(p.path("name").asString()));
        return names;
    }

    private static String permissionId(JsonNode permissions, String name) {
        for (JsonNode p : permissions) {
            if (p.path("name").asString().equals(name)) {
                return p.path("id").asString();
            }
        }
        throw new AssertionError("No permission " + name + " in " + permissions);
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /** "permission account status" of each permission the person holds, in the API's order. */
    private List<String> held(UUID person) {
        ApiResponse held = get("/api/identities/" + person + "/access", reader);
        assertThat(held.status()).as(held.body().toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        held.body()
                .forEach(h -> rows.add(h.path("permission").path("name").asString() + " "
                        + (h.path("account").isNull()
                                ? "null"
                                : h.path("account").asString()) + " "
                        + h.path("status").asString()));
        return rows;
    }

    private long heldCount(UUID person) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_access WHERE identity_id = :id")
                .param("id", person)
                .query(Long.class)
                .single();
    }

    private long applicationsNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long modelsNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM access_model WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }
}
