package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import org.junit.jupiter.api.Test;

class CreateOnboardIT extends ApiIntegrationTest {

    @Test
    void creates_an_onboarding_shaped_as_the_reference_sample() {
        String token = token("HR Integration", java.util.List.of("events:write", "events:read"));

        String email = uniqueEmail("schen");
        ApiResponse created = post(
                "/api/personnel-events/onboard", token, anOnboardRequest(12).with("identity.email", email));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("Personnel Event");
        assertThat(created.text("type")).isEqualTo("Onboard");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(created.text("reporter.name")).isEqualTo("HR Integration");
        assertThat(created.at("assignee").isNull()).isTrue();
        assertThat(created.text("affectedIdentity.kind")).isEqualTo("Identity");
        assertThat(created.text("affectedIdentity.firstName")).isEqualTo("Sarah");
        assertThat(created.text("affectedIdentity.emailAddress")).isEqualTo(email);
        assertThat(created.text("affectedIdentity.type")).isEqualTo("Employee");
        assertThat(created.text("affectedIdentity.status")).isEqualTo("Active");
        assertThat(created.text("neededOn")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(created.at("neededUntil").isNull()).isTrue();
        assertThat(created.at("completedOn").isNull()).isTrue();
        assertThat(created.text("stages.0.name")).isEqualTo("Approval");
        assertThat(created.text("stages.0.status")).isEqualTo("Scheduled");
        assertThat(created.text("stages.0.scheduledStart")).isEqualTo("2026-03-25T00:00:00Z");
        assertThat(created.text("stages.1.name")).isEqualTo("Provision");
        assertThat(created.text("stages.1.scheduledStart")).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(created.text("stages.2.name")).isEqualTo("Verification");
        assertThat(created.at("stages.2.scheduledStart").isNull()).isTrue();
        assertThat(created.text("activity.0.action")).isEqualTo("Created");
        assertThat(created.text("activity.0.author")).isEqualTo("HR Integration");
        assertThat(created.text("activity.0.content")).isEqualTo("Onboard event created via API");
        assertThat(created.text("comments.0.author")).isEqualTo("HR Integration");
        assertThat(created.text("comments.0.content")).isEqualTo("New hire starting in Commercial Lending");
        assertThat(created.header("Location")).isEqualTo("/api/personnel-events/" + created.text("id"));
    }
}
