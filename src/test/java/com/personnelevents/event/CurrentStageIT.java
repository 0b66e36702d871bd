package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What a taskboard row says an event waits for comes from its current stage alone: the first of its stages
 * not yet finished, read for many events in one statement.
 */
class CurrentStageIT extends AccessWorkflowTest {

    @Autowired
    private EventStageRepository stages;

    @Test
    void an_events_current_stage_is_its_first_unfinished_one_and_a_finished_event_has_none() {
        model("Branch staff", Map.of("department", List.of(department)), "Mailbox");
        ApiResponse created = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.department", department));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID event = UUID.fromString(created.text("id"));
        UUID other = UUID.randomUUID();

        assertThat(current(event, other)).containsOnlyKeys(event);
        assertThat(current(event, other).get(event).name()).isEqualTo(StageName.Approval);

        JsonNode provision = toProvision(event.toString(), LocalDate.of(2026, 4, 1));
        Stage atProvision = current(event).get(event);
        assertThat(atProvision.name()).isEqualTo(StageName.Provision);
        assertThat(atProvision.status()).isEqualTo(EventStatus.Open);

        completeAll(provision);
        assertThat(current(event).get(event).name()).isEqualTo(StageName.Verification);

        ApiResponse another = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.department", department));
        UUID canceledEvent = UUID.fromString(another.text("id"));
        ApiResponse canceled = post(
                "/api/personnel-events/" + canceledEvent + "/cancel",
                admin,
                JsonBody.json().with("reason", "No show"));
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
        assertThat(current(canceledEvent, event)).containsOnlyKeys(event);
    }

    private Map<UUID, Stage> current(UUID... events) {
        return stages.currentStages(List.of(events));
    }
}
