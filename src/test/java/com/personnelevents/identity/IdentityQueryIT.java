package com.personnelevents.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityQueryIT extends ApiIntegrationTest {

    private String writer;
    private String reader;

    @BeforeEach
    void tokens() {
        writer = token("identities:write");
        reader = token("identities:read");
    }

    @Test
    void lists_a_page_of_50_ordered_by_last_then_first_name_with_exact_totals() {
        String term = letters();
        List<String> expected = givenSixtyPeopleNamed(term);

        ApiResponse page = get("/api/identities?search=" + term, reader);

        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.at("totalCount").asLong()).isEqualTo(60);
        assertThat(page.at("totalPages").asLong()).isEqualTo(2);
        assertThat(page.at("page").asInt()).isEqualTo(1);
        assertThat(page.at("pageSize").asInt()).isEqualTo(50);
        assertThat(names(page)).containsExactlyElementsOf(expected.subList(0, 50));
    }

    @Test
    void second_page_holds_the_rest_in_the_same_order() {
        String term = letters();
        List<String> expected = givenSixtyPeopleNamed(term);

        ApiResponse page = get("/api/identities?page=2&search=" + term, reader);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("page").asInt()).isEqualTo(2);
        assertThat(page.at("totalCount").asLong()).isEqualTo(60);
        assertThat(names(page)).containsExactlyElementsOf(expected.subList(50, 60));
    }

    @Test
    void a_page_past_the_end_is_empty_with_exact_totals() {
        String term = letters();
        importRows(person("Ann", term));

        ApiResponse page = get("/api/identities?page=3&search=" + term, reader);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("items").size()).isZero();
        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.at("totalPages").asLong()).isEqualTo(1);
    }

    @Test
    void rejects_page_zero() {
        ApiResponse rejected = get("/api/identities?page=0", reader);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("error")).isEqualTo("validation_error");
        assertThat(rejected.errorFor("page")).isEqualTo("Page must be 1 or greater");
    }

    @Test
    void filters_by_status_ignoring_case() {
        String term = letters();
        Map<String, Object> disabled = person("Dora", term);
        disabled.put("status", "Disabled");
        Map<String, Object> removed = person("Rémy", term);
        removed.put("status", "Removed");
        importRows(person("Alice", term), disabled, removed);

        ApiResponse page = get("/api/identities?status=disABLED&search=" + term, reader);

        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.firstName")).isEqualTo("Dora");
        assertThat(page.text("items.0.status")).isEqualTo("Disabled");
    }

    @Test
    void rejects_an_unknown_status_filter_listing_the_valid_values() {
        ApiResponse rejected = get("/api/identities?status=Terminated", reader);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("error")).isEqualTo("validation_error");
        assertThat(rejected.errorFields()).containsExactly("status");
        assertThat(rejected.errorFor("status")).isEqualTo("Status must be one of: Active, Disabled, Removed");
    }

    @Test
    void search_matches_first_name_ignoring_case() {
        String term = letters();
        importRows(person("Zed" + term, "Smith"), person("Other", "Smith" + letters()));

        ApiResponse page = get("/api/identities?search=ZED" + term.toUpperCase(), reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.firstName")).isEqualTo("Zed" + term);
    }

    @Test
    void search_matches_last_name_ignoring_case() {
        String term = letters();
        importRows(person("Ann", "Mc" + term));

        ApiResponse page = get("/api/identities?search=mC" + term.toUpperCase(), reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.lastName")).isEqualTo("Mc" + term);
    }

    @Test
    void search_matches_email_ignoring_case() {
        String term = letters();
        Map<String, Object> row = person("Ann", "Mailer");
        row.put("email", "Ann." + term + "@Example.COM");
        importRows(row);

        ApiResponse page = get("/api/identities?search=ann." + term + "@example.com", reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.emailAddress")).isEqualTo("Ann." + term + "@Example.COM");
    }

    @Test
    void search_matches_external_id_ignoring_case() {
        String term = letters();
        Map<String, Object> row = person("Ann", "External");
        row.put("externalId", "HR-" + term.toUpperCase());
        importRows(row);

        ApiResponse page = get("/api/identities?search=hr-" + term, reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.externalId")).isEqualTo("HR-" + term.toUpperCase());
    }

    @Test
    void search_treats_percent_literally() {
        String term = letters();
        importRows(person("Ann", term + "%off"), person("Bob", term + "xxoff"));

        ApiResponse page = get("/api/identities?search=" + term + "%off", reader);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.lastName")).isEqualTo(term + "%off");
    }

    @Test
    void search_treats_underscore_literally() {
        String term = letters();
        importRows(person("Ann", term + "_b"), person("Bob", term + "ab"));

        ApiResponse page = get("/api/identities?search=" + term + "_b", reader);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.lastName")).isEqualTo(term + "_b");
    }

    @Test
    void returns_one_identity_with_the_documented_fields() {
        String bossExt = "ext-" + UUID.randomUUID();
        String ext = "ext-" + UUID.randomUUID();
        Map<String, Object> sarah = new LinkedHashMap<>();
        sarah.put("externalId", ext);
        sarah.put("firstName", "Sarah");
        sarah.put("lastName", "Chen");
        sarah.put("email", "schen@firstbankofvalkyrie.com");
        sarah.put("company", "First Bank of Valkyrie");
        sarah.put("division", "Commercial Lending");
        sarah.put("department", "Business Loans");
        sarah.put("office", "Fargo Main");
        sarah.put("title", "Senior Loan Officer");
        sarah.put("identityType", "Vendor");
        sarah.put("supervisorExternalId", bossExt);
        Map<String, Object> boss = person("Robert", "Martinez");
        boss.put("externalId", bossExt);
        ApiResponse imported = importRows(sarah, boss);
        String id = imported.text("items.0.id");

        ApiResponse found = get("/api/identities/" + id, reader);

        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.text("id")).isEqualTo(id);
        assertThat(found.text("kind")).isEqualTo("Identity");
        assertThat(found.text("firstName")).isEqualTo("Sarah");
        assertThat(found.text("lastName")).isEqualTo("Chen");
        assertThat(found.text("emailAddress")).isEqualTo("schen@firstbankofvalkyrie.com");
        assertThat(found.text("type")).isEqualTo("Vendor");
        assertThat(found.text("title")).isEqualTo("Senior Loan Officer");
        assertThat(found.text("company")).isEqualTo("First Bank of Valkyrie");
        assertThat(found.text("division")).isEqualTo("Commercial Lending");
        assertThat(found.text("department")).isEqualTo("Business Loans");
        assertThat(found.text("office")).isEqualTo("Fargo Main");
        assertThat(found.text("supervisorName")).isEqualTo("Martinez, Robert");
        assertThat(found.text("createdDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(found.text("updatedDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(found.text("firstSeenDate")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(found.body().has("inactivatedDate")).isTrue();
        assertThat(found.at("inactivatedDate").isNull()).isTrue();
        assertThat(found.text("status")).isEqualTo("Active");
    }

    @Test
    void list_items_carry_the_same_representation_as_the_single_identity() {
        String term = letters();
        String id = importRows(person("Ann", term)).text("items.0.id");

        ApiResponse page = get("/api/identities?search=" + term, reader);
        ApiResponse one = get("/api/identities/" + id, reader);

        assertThat(page.at("items.0")).isEqualTo(one.body());
    }

    @Test
    void answers_404_for_an_unknown_identity() {
        UUID unknown = UUID.randomUUID();

        ApiResponse missing = get("/api/identities/" + unknown, reader);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("not_found");
        assertThat(missing.text("message")).isEqualTo("Identity with id " + unknown + " not found");
        assertThat(missing.text("correlationId")).isNotBlank();
    }

    @Test
    void an_id_that_is_not_a_guid_is_not_found() {
        ApiResponse rejected = get("/api/identities/not-a-guid", reader);

        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.text("error")).isEqualTo("not_found");
    }

    @Test
    void refuses_a_token_with_only_the_events_write_scope() {
        UUID id = givenIdentity("Ann", "Scoped");
        String eventsOnly = token("events:write");

        ApiResponse list = get("/api/identities", eventsOnly);
        ApiResponse one = get("/api/identities/" + id, eventsOnly);

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.text("error")).isEqualTo("forbidden");
        assertThat(one.status()).isEqualTo(403);
        assertThat(one.text("error")).isEqualTo("forbidden");
        assertThat(one.at("firstName").isMissingNode()).isTrue();
    }

    @Test
    void refuses_a_request_without_a_token() {
        ApiResponse refused = get("/api/identities", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("error")).isEqualTo("unauthorized");
    }

    // --- helpers ---

    /**
     * Sixty people whose last names contain {@code term}: twelve last names times five first names,
     * imported in a shuffled order. Returns "last, first" in the order the list must show them.
     */
    private List<String> givenSixtyPeopleNamed(String term) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int l = 0; l < 12; l++) {
            for (int f = 0; f < 5; f++) {
                rows.add(person("F" + (char) ('a' + f), "Q" + term + (char) ('a' + l)));
            }
        }
        Collections.shuffle(rows, new Random(42));
        ApiResponse imported = post("/api/identities", writer, JsonBody.json().with("identities", rows));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        return rows.stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("lastName"))
                        .thenComparing(r -> (String) r.get("firstName")))
                .map(r -> r.get("lastName") + ", " + r.get("firstName"))
                .toList();
    }

    private static List<String> names(ApiResponse page) {
        List<String> names = new ArrayList<>();
        page.at("items")
                .forEach(item -> names.add(item.path("lastName").asString() + ", "
                        + item.path("firstName").asString()));
        return names;
    }

    @SafeVarargs
    private ApiResponse importRows(Map<String, Object>... rows) {
        ApiResponse imported = post("/api/identities", writer, JsonBody.json().with("identities", List.of(rows)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        return imported;
    }

    private static Map<String, Object> person(String firstName, String lastName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("externalId", "ext-" + UUID.randomUUID());
        row.put("firstName", firstName);
        row.put("lastName", lastName);
        return row;
    }

    /** Ten random lowercase letters: a search term no other test's data contains. */
    private static String letters() {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
