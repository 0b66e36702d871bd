package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** List totals come from counts kept per type and status; they must stay exactly the real counts. */
class EventCountsIT extends ApiIntegrationTest {

    private static final List<String> TYPES = List.of("Onboard", "Offboard", "RoleTransition", "Absence");
    private static final List<String> STATUSES =
            List.of("Pending", "Open", "Resolved", "Completed", "Canceled", "Scheduled", "Snoozed");

    @Test
    void totals_equal_the_real_counts_for_every_filter_after_creates_and_moves() {
        String admin = token("admin");
        for (int i = 0; i < 3; i++) {
            UUID person = givenIdentity("Count", "Me" + i);
            post("/api/personnel-events/onboard", admin, anOnboardRequest(2 + i));
            String offboard = post(
                            "/api/personnel-events/offboard",
                            admin,
                            JsonBody.json()
                                    .with("identityId", person.toString())
                                    .with("effectiveDate", "2026-03-23"))
                    .text("id");
            post(
                    "/api/personnel-events/leave-of-absence",
                    admin,
                    JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-05-01"));
            post("/api/personnel-events/" + offboard + "/approve", admin, null);
            if (i == 0) {
                post(
                        "/api/personnel-events/" + offboard + "/cancel",
                        admin,
                        JsonBody.json().with("reason", "Stays"));
            }
        }
        runSchedulerOn(LocalDate.of(2026, 3, 23));

        String reader = token("events:read");
        assertThat(total(reader, "")).isEqualTo(count("1 = 1"));
        for (String type : TYPES) {
            assertThat(total(reader, "type=" + type)).as(type).isEqualTo(count("type = '" + type + "'"));
        }
        for (String status : STATUSES) {
            assertThat(total(reader, "status=" + status)).as(status).isEqualTo(count("status = '" + status + "'"));
            for (String type : TYPES) {
                assertThat(total(reader, "type=" + type + "&status=" + status))
                        .as(type + " " + status)
                        .isEqualTo(count("type = '" + type + "' AND status = '" + status + "'"));
            }
        }
    }

    private long total(String token, String query) {
        ApiResponse page = get("/api/personnel-events?" + query, token);
        assertThat(page.status()).isEqualTo(200);
        return page.at("totalCount").asLong();
    }

    private long count(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM personnel_event WHERE " + where)
                .query(Long.class)
                .single();
    }
}
