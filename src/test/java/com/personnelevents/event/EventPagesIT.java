package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pages past the first start where the counts kept per effective date say; every page of every filter
 * must hold exactly the rows that skipping row by row would give.
 */
class EventPagesIT extends ApiIntegrationTest {

    private static final List<String> TYPES = List.of("Onboard", "Offboard", "RoleTransition", "Absence");
    private static final List<String> STATUSES =
            List.of("Pending", "Open", "Resolved", "Completed", "Canceled", "Scheduled", "Snoozed");
    private static final int[] DAYS_AHEAD = {2, 5, 5, 5, 9, 30, 30, 61};

    private String admin;
    private String reader;

    @BeforeEach
    void manyEventsOnFewDates() {
        admin = token("admin");
        reader = token("events:read");
        List<UUID> stayers = List.of(givenIdentity("Stay", "One"), givenIdentity("Stay", "Two"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 136; i++) {
            String effective = TODAY.plusDays(DAYS_AHEAD[i % DAYS_AHEAD.length]).toString();
            UUID stayer = stayers.get(i % 2);
            JsonBody body = switch (i % 4) {
                case 0 -> anOnboardRequest(DAYS_AHEAD[i % DAYS_AHEAD.length]);
                case 1 ->
                    JsonBody.json()
                            .with(
                                    "identityId",
                                    givenIdentity("Leaving", "No" + i).toString())
                            .with("effectiveDate", effective);
                case 2 ->
                    JsonBody.json()
                            .with("identityId", stayer.toString())
                            .with("effectiveDate", effective)
                            .with("identity.title", "Title " + i);
                default ->
                    // one leave at a time per person: each leave is someone else's
                    JsonBody.json()
                            .with("identityId", givenIdentity("Away", "No" + i).toString())
                            .with("effectiveDate", effective)
                            .with(
                                    "endDate",
                                    LocalDate.parse(effective).plusDays(20).toString());
            };
            String path = List.of("onboard", "offboard", "role-transition", "leave-of-absence")
                    .get(i % 4);
            ApiResponse response = post("/api/personnel-events/" + path, admin, body);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            created.add(response.text("id"));
        }
        runSchedulerOn(TODAY.plusDays(1));
        for (int i = 0; i < created.size(); i += 7) {
            post("/api/personnel-events/" + created.get(i) + "/approve", admin, null);
        }
        for (int i = 3; i < created.size(); i += 11) {
            post(
                    "/api/personnel-events/" + created.get(i) + "/cancel",
                    admin,
                    JsonBody.json().with("reason", "Plans changed"));
        }
    }

    @Test
    void every_page_of_every_filter_holds_the_rows_of_a_plain_offset() {
        List<String> filters = new ArrayList<>(List.of(""));
        TYPES.forEach(type -> filters.add("type=" + type));
        STATUSES.forEach(status -> filters.add("status=" + status));
        for (String type : TYPES) {
            for (String status : List.of("Scheduled", "Pending", "Canceled")) {
                filters.add("type=" + type + "&status=" + status);
            }
        }
        int checkedPages = 0;
        for (String filter : filters) {
            long total = expectedIds(filter, 0, Integer.MAX_VALUE).size();
            for (int page = 1; page <= total / 50 + 2; page++) {
                ApiResponse response = get("/api/personnel-events?page=" + page + "&" + filter, reader);
                assertThat(response.status()).isEqualTo(200);
                assertThat(ids(response.at("items")))
                        .as("page %d of '%s'", page, filter)
                        .containsExactlyElementsOf(expectedIds(filter, (page - 1) * 50, 50));
                assertThat(response.at("totalCount").asLong()).isEqualTo(total);
                checkedPages++;
            }
        }
        assertThat(checkedPages).isGreaterThan(filters.size() * 2);
    }

    @Test
    void a_page_past_the_end_is_empty_with_the_total() {
        int onboardings = expectedIds("type=Onboard", 0, Integer.MAX_VALUE).size();
        int pastTheEnd = onboardings / 50 + 2; // other tests share the database: however many they made

        ApiResponse response = get("/api/personnel-events?page=" + pastTheEnd + "&type=Onboard", reader);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("items").size()).isZero();
        assertThat(response.at("totalCount").asLong()).isEqualTo(onboardings).isPositive();
    }

    private List<String> expectedIds(String filter, int offset, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        for (String condition : filter.isEmpty() ? new String[0] : filter.split("&")) {
            String[] pair = condition.split("=");
            where.append(" AND ").append(pair[0]).append(" = '").append(pair[1]).append('\'');
        }
        return jdbc.sql("SELECT id FROM personnel_event WHERE " + where + " ORDER BY needed_on DESC, number DESC LIMIT "
                        + limit + " OFFSET " + offset)
                .query(String.class)
                .list();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
