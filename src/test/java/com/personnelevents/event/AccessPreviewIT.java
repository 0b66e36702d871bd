package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/personnel-events/{id}/access-preview}: what the approver approves. */
class AccessPreviewIT extends AccessWorkflowTest {

    private ApiResponse preview(String id) {
        return get("/api/personnel-events/" + id + "/access-preview", approver);
    }

    private static List<String> items(ApiResponse preview) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : preview.at("requests")) {
            items.add(item.path("stage").asString() + " " + item.path("action").asString() + " "
                    + item.path("permission").path("name").asString());
        }
        return items;
    }

    @Test
    void a_new_hire_whose_identity_does_not_exist_yet_previews_what_the_models_grant() {
        model("Tellers", Map.of("department", List.of(department)), "Teller", "Mailbox");
        String id = create("onboard", anOnboardRequest(12).with("identity.department", department));

        ApiResponse preview = preview(id);

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.text("personnelEventId")).isEqualTo(id);
        assertThat(items(preview)).containsExactlyInAnyOrder("Provision Add Teller", "Provision Add Mailbox");
        assertThat(preview.text("requests.0.application.name")).isEqualTo(app);
        assertThat(get("/api/identities/" + event(id).text("affectedIdentity.id"), reader)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_offboarding_previews_removing_everything_held_and_matches_what_provision_then_raises() {
        UUID person = givenIdentity("Pre", "View");
        grant(person, "Teller", "Reports");
        String id = create("offboard", anOffboardRequest(person, 10));

        List<String> previewed = items(preview(id));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));

        assertThat(previewed).containsExactlyInAnyOrder("Provision Remove Teller", "Provision Remove Reports");
        assertThat(actions(provision)).containsExactlyInAnyOrder("Remove Teller", "Remove Reports");
    }

    @Test
    void a_role_transition_with_an_overlap_and_a_leave_preview_both_of_their_stages() {
        String commercial = department + " Commercial";
        model("Lending", Map.of("department", List.of(department)), "Loans");
        model("Commercial", Map.of("department", List.of(commercial)), "Head Teller");
        UUID mover = givenIdentity("Mo", "Ver", department);
        grant(mover, "Loans");
        UUID away = givenIdentity("A", "Way");
        grant(away, "Mailbox");
        String transition = create(
                "role-transition",
                aRoleTransitionRequest(mover, 10)
                        .with("identity.department", commercial)
                        .with("endDate", TODAY.plusDays(20).toString()));
        String leave = create("leave-of-absence", aLeaveRequest(away, 10, 10));

        assertThat(items(preview(transition)))
                .containsExactlyInAnyOrder("Provision Add Head Teller", "Removal Remove Loans");
        assertThat(items(preview(leave))).containsExactly("Provision Suspend Mailbox", "Removal Restore Mailbox");
    }

    @Test
    void once_provision_has_started_the_requests_are_on_the_event_instead() {
        UUID person = givenIdentity("Too", "Late");
        grant(person, "Teller");
        String id = create("offboard", anOffboardRequest(person, 10));
        toProvision(id, TODAY.plusDays(10));

        ApiResponse late = preview(id);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("message"))
                .isEqualTo("The Provision stage of this event has started: its access requests are on the event");
        assertThat(get("/api/personnel-events/" + UUID.randomUUID() + "/access-preview", approver)
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/personnel-events/" + id + "/access-preview", token("access:read"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_canceled_event_previews_nothing() {
        String id = create("onboard", anOnboardRequest(12));
        post("/api/personnel-events/" + id + "/cancel", writer, JsonBody.json().with("reason", "No"));

        assertThat(preview(id).status()).isEqualTo(409);
    }
}
