package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status of a new event: {@code Scheduled} while its approval window (effective date minus the
 * lead time) lies ahead, {@code Pending} with an open Approval stage once the window has opened.
 */
class CreationStatusIT extends ApiIntegrationTest {

    private ApiResponse create(String endpoint, int daysFromToday) {
        JsonBody body;
        if (endpoint.equals("onboard")) {
            body = anOnboardRequest(daysFromToday);
        } else {
            body = JsonBody.json()
                    .with("identityId", givenIdentity("Jane", "Smith").toString())
                    .with("effectiveDate", TODAY.plusDays(daysFromToday).toString());
        }
        ApiResponse created = post("/api/personnel-events/" + endpoint, token("events:write"), body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private ApiResponse onboardIn(int daysFromToday) {
        return create("onboard", daysFromToday);
    }

    private void setSettings(String timeZone, int leadTimeDays) {
        ApiResponse saved = put(
                "/api/settings",
                token("admin"),
                JsonBody.json().with("timeZone", timeZone).with("leadTimeDays", leadTimeDays));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private String storedStatus(ApiResponse created) {
        return jdbc.sql("SELECT status FROM personnel_event WHERE id = :id")
                .param("id", UUID.fromString(created.text("id")))
                .query(String.class)
                .single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"onboard", "offboard", "role-transition", "leave-of-absence"})
    void is_scheduled_while_the_approval_window_lies_ahead(String endpoint) {
        ApiResponse created = create(endpoint, 8);

        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.status")).isEqualTo("Scheduled");
        assertThat(created.at("stages.0.startedOn").isNull()).isTrue();
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-21T00:00:00Z");
        assertThat(storedStatus(created)).isEqualTo("Scheduled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onboard", "offboard", "role-transition", "leave-of-absence"})
    void is_pending_with_an_open_approval_when_the_window_has_already_opened(String endpoint) {
        ApiResponse created = create(endpoint, 3);

        assertThat(created.text("status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.startedOn")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-16T00:00:00Z");
        assertThat(created.text("stages.1.status")).isEqualTo("Scheduled");
        assertThat(created.at("stages.1.startedOn").isNull()).isTrue();
        assertThat(storedStatus(created)).isEqualTo("Pending");
    }

    @Test
    void is_pending_when_the_approval_window_opens_today() {
        ApiResponse created = onboardIn(7);

        assertThat(created.text("status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-20T00:00:00Z");
        assertThat(created.text("stages.0.status")).isEqualTo("Pending");
    }

    @Test
    void is_pending_when_effective_today() {
        ApiResponse created = onboardIn(0);

        assertThat(created.text("status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.status")).isEqualTo("Pending");
    }

    @Test
    void shows_the_same_status_when_read_back() {
        ApiResponse created = onboardIn(3);

        ApiResponse read = get("/api/personnel-events/" + created.text("id"), token("events:read"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("Pending");
        assertThat(read.text("stages.0.status")).isEqualTo("Pending");
        assertThat(read.text("stages.0.startedOn")).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void a_longer_lead_time_opens_the_approval_window_earlier() {
        setSettings("UTC", 30);

        ApiResponse created = onboardIn(12);

        assertThat(created.text("status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.status")).isEqualTo("Pending");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-02T00:00:00Z");
    }

    @Test
    void a_shorter_lead_time_keeps_a_near_event_scheduled() {
        setSettings("UTC", 1);

        ApiResponse created = onboardIn(3);

        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-22T00:00:00Z");
    }

    @Test
    void judges_the_approval_window_by_today_in_the_organisation_time_zone() {
        // 2026-03-20T12:00Z is already 2026-03-21 in Kiritimati: an effective date of 2026-03-28 with
        // lead time 7 has its approval window opening "today" there, though tomorrow in UTC.
        setSettings("Pacific/Kiritimati", 7);

        ApiResponse created = onboardIn(8);

        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-21T00:00:00Z");
        assertThat(created.text("status")).isEqualTo("Pending");
    }
}
