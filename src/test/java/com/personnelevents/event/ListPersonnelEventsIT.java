package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListPersonnelEventsIT extends ApiIntegrationTest {

    private String writer;
    private String reader;

    @BeforeEach
    void tokens() {
        writer = token("events:write");
        reader = token("events:read");
    }

    @Test
    void lists_newest_effective_date_first_then_highest_number() {
        UUID person = givenIdentity("Order", "Check");
        long first = number(transition(person, "2099-01-10"));
        long second = number(transition(person, "2099-03-01"));
        long third = number(transition(person, "2099-01-10"));

        ApiResponse page = get("/api/personnel-events?identityId=" + person, reader);

        assertThat(numbers(page)).containsExactly(second, third, first);
    }

    @Test
    void unfiltered_first_page_starts_with_the_latest_effective_date() {
        UUID person = givenIdentity("Latest", "Date");
        long latest = number(offboard(person, "2199-12-31"));

        ApiResponse page = get("/api/personnel-events", reader);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("items.0.number").asLong()).isEqualTo(latest);
        assertThat(page.at("pageSize").asInt()).isEqualTo(50);
        assertThat(page.at("page").asInt()).isEqualTo(1);
    }

    @Test
    void pages_hold_fifty_with_exact_totals() {
        UUID person = givenIdentity("Many", "Events");
        for (int i = 0; i < 51; i++) {
            transition(person, TODAY.plusDays(30 + i).toString());
        }

        ApiResponse first = get("/api/personnel-events?identityId=" + person, reader);
        ApiResponse second = get("/api/personnel-events?identityId=" + person + "&page=2", reader);
        ApiResponse beyond = get("/api/personnel-events?identityId=" + person + "&page=3", reader);

        assertThat(first.at("items").size()).isEqualTo(50);
        assertThat(first.at("totalCount").asLong()).isEqualTo(51);
        assertThat(first.at("totalPages").asLong()).isEqualTo(2);
        assertThat(second.at("items").size()).isEqualTo(1);
        assertThat(second.at("page").asInt()).isEqualTo(2);
        assertThat(beyond.at("items").size()).isZero();
        assertThat(beyond.at("totalCount").asLong()).isEqualTo(51);
    }

    @Test
    void filters_by_type_ignoring_case_and_spaces() {
        UUID person = givenIdentity("Type", "Filter");
        offboard(person, "2026-05-01");
        String transition = roleTransition(person).text("id");

        for (String type : List.of("Role Transition", "RoleTransition", "roletransition", "ROLE TRANSITION")) {
            ApiResponse page = get("/api/personnel-events?identityId=" + person + "&type=" + type, reader);
            assertThat(page.status()).as(type).isEqualTo(200);
            assertThat(ids(page)).as(type).containsExactly(transition);
            assertThat(page.text("items.0.type")).isEqualTo("Role Transition");
        }
    }

    @Test
    void filters_by_status_ignoring_case() {
        UUID person = givenIdentity("Status", "Filter");
        String scheduled = transition(person, "2026-06-01").text("id");
        String pending = transition(person, TODAY.plusDays(2).toString()).text("id");

        assertThat(ids(get("/api/personnel-events?identityId=" + person + "&status=scheduled", reader)))
                .containsExactly(scheduled);
        assertThat(ids(get("/api/personnel-events?identityId=" + person + "&status=PENDING", reader)))
                .containsExactly(pending);
        assertThat(ids(get("/api/personnel-events?identityId=" + person + "&status=Completed", reader)))
                .isEmpty();
    }

    @Test
    void combines_filters() {
        UUID person = givenIdentity("Combined", "Filter");
        offboard(person, "2026-06-01");
        String leave = post(
                        "/api/personnel-events/leave-of-absence",
                        writer,
                        JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-06-01"))
                .text("id");

        ApiResponse page = get("/api/personnel-events?identityId=" + person + "&type=absence&status=scheduled", reader);

        assertThat(ids(page)).containsExactly(leave);
        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
    }

    @Test
    void items_carry_the_summary_fields_of_the_reference() {
        UUID person = givenIdentity("Summary", "Shape");
        offboard(person, "2026-06-01");

        JsonNode item = get("/api/personnel-events?identityId=" + person, reader)
                .at("items")
                .get(0);

        assertThat(item.propertyNames())
                .contains(
                        "id",
                        "kind",
                        "number",
                        "type",
                        "status",
                        "reporter",
                        "assignee",
                        "affectedIdentity",
                        "neededOn",
                        "neededUntil",
                        "completedOn")
                .doesNotContain("stages", "activity", "comments");
        assertThat(item.path("affectedIdentity").path("lastName").asString()).isEqualTo("Shape");
        assertThat(item.path("neededOn").asString()).isEqualTo("2026-06-01T00:00:00Z");
    }

    @Test
    void shows_an_onboarding_with_the_identity_it_will_create() {
        ApiResponse created = post("/api/personnel-events/onboard", writer, anOnboardRequest(20));
        String futureId = created.text("affectedIdentity.id");

        ApiResponse page = get("/api/personnel-events?identityId=" + futureId, reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.affectedIdentity.id")).isEqualTo(futureId);
        assertThat(page.text("items.0.affectedIdentity.firstName")).isEqualTo("Sarah");
    }

    @Test
    void shows_a_rehire_with_the_stored_identity_not_what_its_onboarding_proposes() {
        String externalId = "HR-" + UUID.randomUUID();
        String leaver = givenIdentity(java.util.Map.of(
                        "externalId",
                        externalId,
                        "firstName",
                        "Rae",
                        "lastName",
                        "Turner",
                        "email",
                        "rturner-" + UUID.randomUUID() + "@example.com",
                        "status",
                        "Disabled"))
                .toString();
        ApiResponse rehire = post(
                "/api/personnel-events/onboard",
                writer,
                anOnboardRequest(20).with("identity.externalId", externalId).with("identity.lastName", "Turner-Hale"));
        assertThat(rehire.text("affectedIdentity.id")).isEqualTo(leaver);

        ApiResponse page = get("/api/personnel-events?identityId=" + leaver, reader);

        assertThat(page.at("totalCount").asLong()).isEqualTo(1);
        assertThat(page.text("items.0.affectedIdentity.lastName")).isEqualTo("Turner");
        assertThat(page.text("items.0.affectedIdentity.status")).isEqualTo("Disabled");
    }

    @Test
    void shows_each_onboarding_in_a_page_with_its_own_supervisors_name() {
        UUID robert = givenIdentity("Robert", "Martinez");
        UUID ada = givenIdentity("Ada", "Lovelace");
        String first = post(
                        "/api/personnel-events/onboard",
                        writer,
                        anOnboardRequest(70_000).with("identity.supervisorId", robert.toString()))
                .text("affectedIdentity.id");
        String second = post(
                        "/api/personnel-events/onboard",
                        writer,
                        anOnboardRequest(70_001).with("identity.supervisorId", ada.toString()))
                .text("affectedIdentity.id");
        String third = post("/api/personnel-events/onboard", writer, anOnboardRequest(70_002))
                .text("affectedIdentity.id");

        // the latest effective dates: the first page of onboardings
        ApiResponse page = get("/api/personnel-events?type=Onboard", reader);

        java.util.Map<String, String> supervisors = new java.util.HashMap<>();
        page.at("items")
                .forEach(item -> supervisors.put(
                        item.path("affectedIdentity").path("id").asString(),
                        item.path("affectedIdentity").path("supervisorName").asString(null)));
        assertThat(supervisors)
                .containsEntry(first, "Martinez, Robert")
                .containsEntry(second, "Lovelace, Ada")
                .containsEntry(third, null);
    }

    @Test
    void rejects_unknown_filter_values_listing_the_valid_ones() {
        ApiResponse type = get("/api/personnel-events?type=Transfer", reader);
        ApiResponse status = get("/api/personnel-events?status=Done", reader);

        assertThat(type.status()).isEqualTo(400);
        assertThat(type.errorFor("type")).isEqualTo("Type must be one of: Onboard, Offboard, RoleTransition, Absence");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.errorFor("status"))
                .isEqualTo("Status must be one of: Pending, Open, Resolved, Completed, Canceled, Scheduled, Snoozed");
    }

    @Test
    void rejects_a_malformed_identity_filter() {
        ApiResponse response = get("/api/personnel-events?identityId=12345", reader);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFor("identityId")).isEqualTo("Identity id must be a valid GUID");
    }

    private ApiResponse offboard(UUID person, String effectiveDate) {
        ApiResponse response = post(
                "/api/personnel-events/offboard",
                writer,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", effectiveDate));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response;
    }

    /** Role transitions, unlike offboardings, may be several at once for one person. */
    private ApiResponse transition(UUID person, String effectiveDate) {
        ApiResponse response = post(
                "/api/personnel-events/role-transition",
                writer,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", effectiveDate));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response;
    }

    private ApiResponse roleTransition(UUID person) {
        ApiResponse response = post(
                "/api/personnel-events/role-transition",
                writer,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", "2026-05-01")
                        .with("identity.title", "Branch Manager"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response;
    }

    private static long number(ApiResponse response) {
        return response.at("number").asLong();
    }

    private static List<Long> numbers(ApiResponse page) {
        List<Long> numbers = new ArrayList<>();
        page.at("items").forEach(item -> numbers.add(item.path("number").asLong()));
        return numbers;
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.at("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
