package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two actions on one event sent at the same instant, many times over on fresh events to give a race
 * every chance to show: exactly one wins, the other is a 409 in the envelope, and the stored event (its
 * status, stages, activity and comments) is exactly what the winner answered, with no trace of the loser.
 */
class ConcurrentActionsIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events/";
    /** 20 rounds in every build; {@code -Dsoak.scale=N} runs N times as many. */
    private static final int ROUNDS = 20 * Integer.getInteger("soak.scale", 1);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private String actor;
    /** Approves and rejects: the token that created an event may not (separation of duties). */
    private String approver;

    @BeforeEach
    void oneTokenThatMayDoEverything() {
        actor = token("Race", List.of("events:read", "events:write", "events:approve", "events:provision"));
        approver = token("Race Approver", List.of("events:read", "events:approve"));
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void of_two_approvals_at_once_one_wins_and_the_other_is_a_conflict() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = pendingOnboarding();
            assertOneWon(race(id, () -> approve(id, "Approved by A"), () -> approve(id, "Approved by B")));
        }
    }

    /**
     * An approved event can still be canceled, so when the approval commits before the cancel reads the
     * event, both succeed one after the other and the log shows both, in that order. When they overlap,
     * exactly one wins. Never the other order: a canceled event cannot be approved.
     */
    @Test
    void a_cancel_and_an_approval_at_once_leave_one_of_them_done_or_both_in_order() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = pendingOnboarding();
            List<ApiResponse> answers = race(
                    id,
                    () -> approve(id, "Approved"),
                    () -> post(EVENTS + id + "/cancel", actor, reason("Not needed")));
            ApiResponse approval = answers.get(0);
            ApiResponse cancel = answers.get(1);
            if (approval.status() == 200 && cancel.status() == 200) {
                assertThat(get(EVENTS + id, actor).body()).isEqualTo(cancel.body());
                List<String> approved = activity(approval);
                List<String> canceled = activity(cancel);
                // the approval created the identity; the cancel after it puts the identity back (CancelUndoIT)
                assertThat(canceled).hasSize(approved.size() + 2).startsWith(approved.toArray(String[]::new));
                assertThat(canceled.get(approved.size())).startsWith("Canceled: Canceled: Not needed (Scheduled");
                assertThat(canceled.get(approved.size() + 1))
                        .endsWith(": status Disabled → Removed (the hire is canceled)");
            }
        }
    }

    @Test
    void a_rejection_and_an_approval_at_once_leave_one_of_them_done_and_the_other_refused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = pendingOnboarding();
            assertOneWon(race(
                    id,
                    () -> approve(id, "Approved"),
                    () -> post(EVENTS + id + "/reject", approver, reason("Wrong person"))));
        }
    }

    @Test
    void of_two_completions_of_one_stage_at_once_one_wins_and_the_other_is_a_conflict() throws Exception {
        List<UUID> people = givenIdentities(ROUNDS);
        for (UUID person : people) {
            String id = offboardingWithProvisionOpen(person);
            String complete = EVENTS + id + "/stages/Provision/complete";
            assertOneWon(race(
                    id,
                    () -> post(complete, actor, JsonBody.json().with("comment", "Done by A")),
                    () -> post(complete, actor, JsonBody.json().with("comment", "Done by B"))));
        }
    }

    /**
     * Sends both at the same moment. Each either succeeds or is a 409 in the envelope, and one at least
     * succeeds; when only one did, the stored event is its answer to the letter: nothing of the loser in
     * status, stages, activity or comments.
     */
    private List<ApiResponse> race(String id, Supplier<ApiResponse> first, Supplier<ApiResponse> second)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> sent = new ArrayList<>();
        for (Supplier<ApiResponse> action : List.of(first, second)) {
            sent.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return action.get();
            }));
        }
        ready.await();
        go.countDown();
        List<ApiResponse> answers = List.of(sent.get(0).get(), sent.get(1).get());
        String both = answers.get(0).body() + " / " + answers.get(1).body();
        for (ApiResponse answer : answers) {
            assertThat(answer.status()).as(both).isIn(200, 409);
            if (answer.status() == 409) {
                assertThat(answer.text("error")).isEqualTo("conflict");
                assertThat(answer.text("message")).isNotBlank();
                assertThat(answer.text("correlationId")).isEqualTo(answer.header("X-Correlation-Id"));
            }
        }
        List<ApiResponse> winners =
                answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(winners).as(both).isNotEmpty();
        if (winners.size() == 1) {
            assertThat(get(EVENTS + id, actor).body()).isEqualTo(winners.get(0).body());
        }
        return answers;
    }

    private static void assertOneWon(List<ApiResponse> answers) {
        assertThat(answers.stream().map(ApiResponse::status).sorted())
                .as("%s / %s", answers.get(0).body(), answers.get(1).body())
                .containsExactly(200, 409);
    }

    private static List<String> activity(ApiResponse event) {
        List<String> entries = new ArrayList<>();
        event.at("activity")
                .forEach(a -> entries.add(
                        a.path("action").asString() + ": " + a.path("content").asString()));
        return entries;
    }

    private ApiResponse approve(String id, String comment) {
        return post(EVENTS + id + "/approve", approver, JsonBody.json().with("comment", comment));
    }

    private static JsonBody reason(String reason) {
        return JsonBody.json().with("reason", reason);
    }

    /** An onboarding whose approval window is already open. */
    private String pendingOnboarding() {
        ApiResponse created = post(EVENTS + "onboard", actor, anOnboardRequest(3));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("Pending");
        return created.text("id");
    }

    /** An offboarding approved on its effective date: Provision is open, with nothing held to remove. */
    private String offboardingWithProvisionOpen(UUID person) {
        ApiResponse created = post(
                EVENTS + "offboard",
                actor,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", TODAY.toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        ApiResponse approved = approve(id, "Approved");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Open");
        return id;
    }
}
