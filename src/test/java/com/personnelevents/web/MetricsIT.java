package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/** The figures an operator alerts on, as Prometheus scrapes them from /actuator/prometheus. */
class MetricsIT extends ApiIntegrationTest {

    private static final String OFFBOARD = "/api/personnel-events/offboard";

    @Test
    void counts_events_by_type_and_status() {
        String series = "personnel_events{status=\"Scheduled\",type=\"Offboard\"}";
        double before = metric(series);

        offboard(givenIdentity("Metric", "Counted"), 20);

        assertThat(metric(series)).isEqualTo(before + 1);
    }

    @Test
    void counts_events_past_their_date_still_awaiting_approval() {
        ApiResponse late = offboard(givenIdentity("Metric", "Late"), 3);
        assertThat(late.text("status")).isEqualTo("Pending");
        clock.set(TODAY.plusDays(5).atTime(9, 0).toInstant(ZoneOffset.UTC));
        double overdue = metric("personnel_events_overdue{type=\"Offboard\"}");

        post("/api/personnel-events/" + late.text("id") + "/cancel", token("events:approve"), "{\"reason\":\"done\"}");

        assertThat(overdue).isPositive();
        assertThat(metric("personnel_events_overdue{type=\"Offboard\"}")).isEqualTo(overdue - 1);
    }

    @Test
    void the_scheduler_lag_is_how_long_the_oldest_due_step_has_waited() {
        runScheduler();
        assertThat(metric("personnel_events_scheduler_lag_seconds")).isZero();
        assertThat(metric("personnel_events_scheduler_last_success_seconds"))
                .isEqualTo(clock.instant().getEpochSecond());

        offboard(givenIdentity("Metric", "Waiting"), 8); // its approval window opens tomorrow
        clock.set(TODAY.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));

        assertThat(metric("personnel_events_scheduler_lag_seconds")).isGreaterThanOrEqualTo(33 * 3600);
        runScheduler();
        assertThat(metric("personnel_events_scheduler_lag_seconds")).isZero();
    }

    @Test
    void shows_open_access_requests_per_application() {
        String name = "Metrics app " + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = post(
                "/api/applications",
                token("access:write"),
                JsonBody.json()
                        .with("name", name)
                        .with("permissions", java.util.List.of(java.util.Map.of("name", "Read"))));
        assertThat(created.status()).isEqualTo(201);

        assertThat(metric("personnel_events_access_requests_open{application=\"" + name + "\"}"))
                .isZero();
        assertThat(scrape()).contains("personnel_events_access_requests_open_in_all ");
    }

    @Test
    void counts_refused_tokens_but_not_requests_without_one() {
        double before = metric("personnel_events_authentication_failures_total");

        get("/api/personnel-events", "pe_" + "x".repeat(43));
        get("/api/personnel-events", null);

        assertThat(metric("personnel_events_authentication_failures_total")).isEqualTo(before + 1);
    }

    private ApiResponse offboard(UUID person, int days) {
        ApiResponse created = post(
                OFFBOARD,
                token("events:write"),
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", TODAY.plusDays(days).toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    @Test
    void the_figures_need_a_token_with_the_metrics_scope() {
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", token("events:read")).status()).isEqualTo(403);
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    private String scrape() {
        EntityExchangeResult<String> result = client.method(HttpMethod.GET)
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + scraper())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        return result.getResponseBody();
    }

    private String scraper;

    private String scraper() {
        if (scraper == null) {
            scraper = token("metrics:read");
        }
        return scraper;
    }

    private double metric(String series) {
        String text = scrape();
        Matcher value =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(value.find()).as(series + " in:%n" + text).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
