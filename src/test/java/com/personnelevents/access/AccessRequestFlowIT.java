package com.personnelevents.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Access models turned into access requests by the Provision and Removal stages, and requests turned
 * into what people hold, all through HTTP. Every name is unique to the test: the database is shared.
 */
class AccessRequestFlowIT extends AccessWorkflowTest {

    @Autowired
    private AccessRequestService accessRequests;

    @Test
    void onboarding_adds_every_permission_of_every_matching_model_and_nothing_else() {
        model("Branch staff", Map.of("department", List.of(department)), "Mailbox");
        model("Tellers", Map.of("department", List.of(department), "title", List.of("Teller")), "Teller", "Mailbox");
        model("Loan officers", Map.of("department", List.of(department), "title", List.of("Loan Officer")), "Loans");
        ApiResponse created = post(
                "/api/personnel-events/onboard",
                admin,
                anOnboardRequest(12).with("identity.department", department).with("identity.title", "teller "));

        String id = created.text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));

        assertThat(actions(provision)).containsExactlyInAnyOrder("Add Mailbox", "Add Teller");
        assertThat(provision.path("status").asString()).isEqualTo("Open");
        for (JsonNode request : provision.path("accessRequests")) {
            assertThat(request.path("kind").asString()).isEqualTo("Access Request");
            assertThat(request.path("status").asString()).isEqualTo("Open");
            assertThat(request.path("target").path("type").asString()).isEqualTo("User");
            assertThat(request.path("target").path("name").asString()).isEqualTo("Chen, Sarah");
        }
        String identity = created.text("affectedIdentity.id");
        UUID event = UUID.fromString(id);
        UUID unrelated = UUID.randomUUID();
        // what the taskboard says the event waits for: its open requests, counted; none for another event
        assertThat(accessRequests.openCounts(List.of(event, unrelated))).isEqualTo(Map.of(event, 2L));
        completeAll(provision);
        assertThat(accessRequests.openCounts(List.of(event))).isEmpty();

        ApiResponse after = get("/api/personnel-events/" + id, reader);
        assertThat(after.text("status")).isEqualTo("Resolved");
        assertThat(after.text("stages.1.status")).isEqualTo("Completed");
        assertThat(after.text("stages.1.completedBy")).isEqualTo("Provisioner Pat");
        assertThat(held(identity)).containsExactlyInAnyOrder("Mailbox Active", "Teller Active");
        assertThat(activityActions(after))
                .containsSubsequence(
                        "Access requests raised",
                        "Access request completed",
                        "Access request completed",
                        "Stage completed");
    }

    @Test
    void onboarding_matching_no_model_raises_no_requests_and_is_completed_by_hand() {
        model("Tellers", Map.of("department", List.of(department), "title", List.of("Teller")), "Teller");
        ApiResponse created = post(
                "/api/personnel-events/onboard",
                admin,
                anOnboardRequest(12).with("identity.department", department).with("identity.title", "Auditor"));

        JsonNode provision = toProvision(created.text("id"), LocalDate.of(2026, 4, 1));
        ApiResponse completed =
                post("/api/personnel-events/" + created.text("id") + "/stages/Provision/complete", provisioner, null);

        assertThat(provision.path("accessRequests")).isEmpty();
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("Resolved");
    }

    @Test
    void a_stage_with_open_requests_cannot_be_completed_by_hand() {
        model("Tellers", Map.of("department", List.of(department)), "Teller");
        ApiResponse created = post(
                "/api/personnel-events/onboard", admin, anOnboardRequest(12).with("identity.department", department));
        toProvision(created.text("id"), LocalDate.of(2026, 4, 1));

        ApiResponse refused =
                post("/api/personnel-events/" + created.text("id") + "/stages/Provision/complete", provisioner, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains("1 open access requests");
    }

    @Test
    void offboarding_removes_everything_the_person_holds() {
        UUID person = givenIdentity("Olivia", "Offboard");
        grant(person, "Teller", "Reports");
        String id = post(
                        "/api/personnel-events/offboard",
                        admin,
                        JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-04-01"))
                .text("id");

        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));

        assertThat(actions(provision)).containsExactlyInAnyOrder("Remove Teller", "Remove Reports");
        completeAll(provision);
        assertThat(held(person.toString())).isEmpty();
        assertThat(get("/api/personnel-events/" + id, reader).text("status")).isEqualTo("Resolved");
    }

    @Test
    void role_transition_adds_what_the_new_role_brings_removes_what_only_the_old_justified_and_keeps_the_rest() {
        String lending = department + " Lending";
        String commercial = department + " Commercial";
        model("Lending", Map.of("department", List.of(lending)), "Mailbox", "Loans");
        model("Commercial", Map.of("department", List.of(commercial)), "Mailbox", "Head Teller");
        UUID person = givenIdentity("Rita", "Transition", lending);
        grant(person, "Mailbox", "Loans", "Reports");

        String id = post(
                        "/api/personnel-events/role-transition",
                        admin,
                        JsonBody.json()
                                .with("identityId", person.toString())
                                .with("effectiveDate", "2026-04-01")
                                .with("identity.department", commercial))
                .text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));

        assertThat(actions(provision)).containsExactlyInAnyOrder("Add Head Teller", "Remove Loans");
        completeAll(provision);
        assertThat(held(person.toString()))
                .containsExactlyInAnyOrder("Mailbox Active", "Head Teller Active", "Reports Active");
    }

    @Test
    void role_transition_with_an_overlap_removes_the_old_access_on_the_end_date() {
        String lending = department + " Lending";
        String commercial = department + " Commercial";
        model("Lending", Map.of("department", List.of(lending)), "Loans");
        model("Commercial", Map.of("department", List.of(commercial)), "Head Teller");
        UUID person = givenIdentity("Otto", "Overlap", lending);
        grant(person, "Loans");
        String id = post(
                        "/api/personnel-events/role-transition",
                        admin,
                        JsonBody.json()
                                .with("identityId", person.toString())
                                .with("effectiveDate", "2026-04-01")
                                .with("endDate", "2026-04-15")
                                .with("identity.department", commercial))
                .text("id");

        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));
        JsonNode removal = stage(get("/api/personnel-events/" + id, reader), "Removal");
        assertThat(actions(provision)).containsExactly("Add Head Teller");
        assertThat(actions(removal)).containsExactly("Remove Loans");
        assertThat(removal.path("accessRequests").get(0).path("status").asString())
                .isEqualTo("Scheduled");

        completeAll(provision);
        assertThat(held(person.toString())).containsExactlyInAnyOrder("Head Teller Active", "Loans Active");
        runSchedulerOn(LocalDate.of(2026, 4, 15));
        removal = stage(get("/api/personnel-events/" + id, reader), "Removal");
        assertThat(removal.path("accessRequests").get(0).path("status").asString())
                .isEqualTo("Open");
        completeAll(removal);

        assertThat(held(person.toString())).containsExactly("Head Teller Active");
        assertThat(get("/api/personnel-events/" + id, reader).text("status")).isEqualTo("Resolved");
    }

    @Test
    void leave_suspends_what_is_held_and_restores_exactly_what_was_suspended() {
        UUID person = givenIdentity("Lena", "Leave");
        grant(person, "Teller", "Mailbox", "Reports");
        String id = post(
                        "/api/personnel-events/leave-of-absence",
                        admin,
                        JsonBody.json()
                                .with("identityId", person.toString())
                                .with("effectiveDate", "2026-04-01")
                                .with("endDate", "2026-05-01"))
                .text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));
        assertThat(actions(provision))
                .containsExactlyInAnyOrder("Suspend Teller", "Suspend Mailbox", "Suspend Reports");

        for (JsonNode request : provision.path("accessRequests")) {
            String path = "/api/access-requests/" + request.path("id").asString();
            if (request.path("permission").path("name").asString().equals("Mailbox")) {
                ApiResponse rejected =
                        post(path + "/reject", provisioner, JsonBody.json().with("reason", "Needed for HR mail"));
                assertThat(rejected.text("status")).isEqualTo("Canceled");
                assertThat(rejected.text("reason")).isEqualTo("Rejected: Needed for HR mail");
                assertThat(activityActions(get("/api/personnel-events/" + id, reader)))
                        .contains("Access request rejected");
                // a refused suspension is an exception an approver decides (AccessExceptionIT)
                ApiResponse accepted = post(
                        path + "/accept-exception",
                        approver,
                        JsonBody.json().with("reason", "HR mail stays reachable"));
                assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
            } else {
                assertThat(post(path + "/complete", provisioner, null).status()).isEqualTo(200);
            }
        }
        assertThat(held(person.toString()))
                .containsExactlyInAnyOrder("Teller Suspended", "Mailbox Active", "Reports Suspended");
        assertThat(get("/api/personnel-events/" + id, reader).text("status")).isEqualTo("Scheduled");

        runSchedulerOn(LocalDate.of(2026, 5, 1));
        JsonNode removal = stage(get("/api/personnel-events/" + id, reader), "Removal");
        assertThat(actions(removal)).containsExactlyInAnyOrder("Restore Teller", "Restore Reports");
        completeAll(removal);

        assertThat(held(person.toString()))
                .containsExactlyInAnyOrder("Teller Active", "Mailbox Active", "Reports Active");
        ApiResponse done = get("/api/personnel-events/" + id, reader);
        assertThat(done.text("status")).isEqualTo("Completed");
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Active");
    }

    @Test
    void canceling_an_event_cancels_its_open_requests() {
        UUID person = givenIdentity("Carl", "Cancel");
        grant(person, "Teller");
        String id = post(
                        "/api/personnel-events/offboard",
                        admin,
                        JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-04-01"))
                .text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));

        ApiResponse canceled = post(
                "/api/personnel-events/" + id + "/cancel",
                admin,
                JsonBody.json().with("reason", "Stays on"));

        assertThat(canceled.text("status")).isEqualTo("Canceled");
        ApiResponse request = get(
                "/api/access-requests/"
                        + provision.path("accessRequests").get(0).path("id").asString(),
                reader);
        assertThat(request.text("status")).isEqualTo("Canceled");
        assertThat(held(person.toString())).containsExactly("Teller Active");
    }

    /**
     * Completing a request locks its event before the request, as canceling the event does: the two at
     * once never wait on each other (PostgreSQL would end such a cycle by failing one). The trail stays
     * whole and says what happened.
     */
    @Test
    void completing_a_request_while_its_event_is_canceled_leaves_one_consistent_outcome() throws Exception {
        String admin2 = token("Race admin", List.of("admin"));
        for (int round = 0; round < 10; round++) {
            UUID person = givenIdentity("Rita", "Race" + round);
            grant(person, "Teller", "Reports");
            String id = post(
                            "/api/personnel-events/offboard",
                            admin,
                            JsonBody.json()
                                    .with("identityId", person.toString())
                                    .with("effectiveDate", "2026-04-01"))
                    .text("id");
            String request = toProvision(id, LocalDate.of(2026, 4, 1))
                    .path("accessRequests")
                    .get(0)
                    .path("id")
                    .asString();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<ApiResponse> complete = pool.submit(() -> {
                    start.await();
                    return post("/api/access-requests/" + request + "/complete", provisioner, null);
                });
                java.util.concurrent.Future<ApiResponse> cancel = pool.submit(() -> {
                    start.await();
                    return post(
                            "/api/personnel-events/" + id + "/cancel",
                            admin2,
                            JsonBody.json().with("reason", "Stays on"));
                });
                start.countDown();
                int completed = complete.get().status();
                int canceled = cancel.get().status();

                assertThat(canceled).as("cancel, round %d", round).isEqualTo(200);
                assertThat(completed).as("complete, round %d", round).isIn(200, 409);
                String finalStatus =
                        get("/api/access-requests/" + request, reader).text("status");
                assertThat(finalStatus).isEqualTo(completed == 200 ? "Completed" : "Canceled");
                ApiResponse trail = get("/api/audit-trail/verification?eventId=" + id, admin2);
                assertThat(trail.body().path("intact").asBoolean())
                        .as(trail.body().toString())
                        .isTrue();
                assertThat(activityActions(get("/api/personnel-events/" + id, reader))
                                .contains("Access request completed"))
                        .isEqualTo(completed == 200);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void a_closed_request_cannot_be_completed_again_and_rejecting_needs_a_reason() {
        UUID person = givenIdentity("Cleo", "Closed");
        grant(person, "Teller", "Reports");
        String id = post(
                        "/api/personnel-events/offboard",
                        admin,
                        JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-04-01"))
                .text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));
        String first = "/api/access-requests/"
                + provision.path("accessRequests").get(0).path("id").asString();
        String second = "/api/access-requests/"
                + provision.path("accessRequests").get(1).path("id").asString();

        post(first + "/complete", provisioner, null);
        ApiResponse again = post(first + "/complete", provisioner, null);
        ApiResponse noReason = post(second + "/reject", provisioner, JsonBody.json());
        ApiResponse readerCannot = post(second + "/complete", reader, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(readerCannot.status()).isEqualTo(403);
    }

    @Test
    void lists_access_requests_by_identity_status_and_type() {
        UUID person = givenIdentity("Lisa", "List");
        grant(person, "Teller", "Reports");
        String id = post(
                        "/api/personnel-events/offboard",
                        admin,
                        JsonBody.json().with("identityId", person.toString()).with("effectiveDate", "2026-04-01"))
                .text("id");
        JsonNode provision = toProvision(id, LocalDate.of(2026, 4, 1));
        post(
                "/api/access-requests/"
                        + provision.path("accessRequests").get(0).path("id").asString() + "/complete",
                provisioner,
                null);

        ApiResponse all = get("/api/access-requests?identityId=" + person, reader);
        ApiResponse open = get("/api/access-requests?identityId=" + person + "&status=open", reader);
        ApiResponse removals = get("/api/access-requests?identityId=" + person + "&type=Remove", reader);
        ApiResponse adds = get("/api/access-requests?identityId=" + person + "&type=add", reader);
        ApiResponse bad = get("/api/access-requests?type=Grant", reader);

        assertThat(all.at("totalCount").asLong()).isEqualTo(2);
        assertThat(open.at("totalCount").asLong()).isEqualTo(1);
        assertThat(removals.at("totalCount").asLong()).isEqualTo(2);
        assertThat(adds.at("totalCount").asLong()).isZero();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(all.text("items.0.personnelEventId")).isEqualTo(id);
    }
}
