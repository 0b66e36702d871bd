package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What creating an event checks against the person's other events and status: one open offboarding at
 * a time; only an onboarding for a person who is not Active, except the offboarding of a person on
 * leave.
 */
class GuardRailsIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events/";

    private String admin;
    /** Approves and verifies: the creating token may not, nor may the provisioning one verify. */
    private String otherAdmin;

    @BeforeEach
    void tokens() {
        admin = token("admin");
        otherAdmin = token("admin");
    }

    @Test
    void refuses_a_second_offboarding_while_one_is_open_naming_the_open_event() {
        UUID person = givenIdentity("Twice", "Offboarded");
        ApiResponse first = offboard(person, 12);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);

        ApiResponse second = offboard(person, 20);

        assertConflict(second);
        assertThat(second.text("message"))
                .contains("event #" + first.text("number"))
                .contains(first.text("id"));
        assertThat(eventsOf(person)).isEqualTo(1);
    }

    @Test
    void accepts_a_new_offboarding_once_the_open_one_is_canceled() {
        UUID person = givenIdentity("Changed", "Mind");
        UUID first = id(offboard(person, 12));
        ApiResponse canceled =
                post(EVENTS + first + "/cancel", admin, JsonBody.json().with("reason", "Stays"));
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);

        ApiResponse again = offboard(person, 20);

        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(eventsOf(person)).isEqualTo(2);
    }

    @Test
    void refuses_an_offboarding_once_the_person_is_offboarded() {
        UUID person = givenIdentity("Already", "Gone");
        UUID first = id(offboard(person, 0));
        post(EVENTS + first + "/approve", otherAdmin, "{}");
        post(EVENTS + first + "/stages/Provision/complete", admin, "{}");
        ApiResponse done = post(EVENTS + first + "/stages/Verification/complete", otherAdmin, "{}");
        assertThat(done.text("status")).isEqualTo("Completed");

        ApiResponse again = offboard(person, 5);

        assertConflict(again);
        assertThat(again.text("message"))
                .isEqualTo("Identity " + person + " is Disabled; only an onboarding can bring an inactive person back");
        assertThat(eventsOf(person)).isEqualTo(1);
    }

    @Test
    void refuses_an_offboarding_of_a_disabled_identity() {
        UUID person = importIdentity("Disabled");

        ApiResponse response = offboard(person, 12);

        assertConflict(response);
        assertThat(response.text("message"))
                .isEqualTo("Identity " + person + " is Disabled; only an onboarding can bring an inactive person back");
        assertThat(eventsOf(person)).isZero();
    }

    @Test
    void refuses_a_role_transition_of_a_disabled_identity() {
        UUID person = importIdentity("Disabled");

        ApiResponse response = post(
                EVENTS + "role-transition",
                admin,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", TODAY.plusDays(12).toString())
                        .with("identity.title", "Teller"));

        assertConflict(response);
        assertThat(response.text("message"))
                .isEqualTo("Identity " + person + " is Disabled; only an onboarding can bring an inactive person back");
        assertThat(eventsOf(person)).isZero();
    }

    @Test
    void refuses_a_leave_of_a_disabled_identity() {
        UUID person = importIdentity("Disabled");

        ApiResponse response = leave(person);

        assertConflict(response);
        assertThat(response.text("message"))
                .isEqualTo("Identity " + person + " is Disabled; only an onboarding can bring an inactive person back");
        assertThat(eventsOf(person)).isZero();
    }

    @Test
    void refuses_an_offboarding_of_a_removed_identity() {
        UUID person = importIdentity("Removed");

        ApiResponse response = offboard(person, 12);

        assertConflict(response);
        assertThat(response.text("message")).contains("is Removed");
        assertThat(eventsOf(person)).isZero();
    }

    @Test
    void always_accepts_an_onboarding_even_of_a_person_known_as_disabled() {
        importIdentity("Disabled");
        long before = storedEvents();

        ApiResponse first = post(EVENTS + "onboard", admin, anOnboardRequest(12));
        ApiResponse second = post(EVENTS + "onboard", admin, anOnboardRequest(12));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void accepts_the_offboarding_of_a_person_on_leave() {
        UUID person = givenIdentity("Resigns", "OnLeave");
        suspendedByLeave(person);

        ApiResponse response = offboard(person, 5);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.text("type")).isEqualTo("Offboard");
        assertThat(eventsOf(person)).isEqualTo(2);
    }

    @Test
    void refuses_a_role_transition_of_a_person_on_leave() {
        UUID person = givenIdentity("Promoted", "OnLeave");
        suspendedByLeave(person);

        ApiResponse response = post(
                EVENTS + "role-transition",
                admin,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", TODAY.plusDays(12).toString())
                        .with("identity.title", "Teller"));

        assertConflict(response);
        assertThat(response.text("message")).contains("is Disabled");
        assertThat(eventsOf(person)).isEqualTo(1);
    }

    @Test
    void accepts_exactly_one_of_concurrent_offboardings_of_one_person() throws Exception {
        UUID person = givenIdentity("Concurrent", "Offboarding");
        String writer = token("events:write");
        HttpClient http = HttpClient.newHttpClient();
        String body = JsonBody.json()
                .with("identityId", person.toString())
                .with("effectiveDate", TODAY.plusDays(12).toString())
                .toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(() -> http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + EVENTS + "offboard"))
                                .header("Authorization", "Bearer " + writer)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (Future<HttpResponse<String>> response : pool.invokeAll(creates)) {
                HttpResponse<String> answer = ApiContract.assertConforms(baseUrl(), response.get());
                statuses.add(answer.statusCode());
                if (answer.statusCode() != 201) {
                    assertThat(json.readTree(answer.body()).path("error").asString())
                            .as(answer.body())
                            .isEqualTo("conflict");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(eventsOf(person)).isEqualTo(1);
    }

    // --- helpers ---

    private static void assertConflict(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.text("error")).isEqualTo("conflict");
    }

    private static UUID id(ApiResponse created) {
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private ApiResponse offboard(UUID person, int days) {
        return post(
                EVENTS + "offboard",
                admin,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", TODAY.plusDays(days).toString())
                        .with("comment", "Resignation"));
    }

    private ApiResponse leave(UUID person) {
        return post(
                EVENTS + "leave-of-absence",
                admin,
                JsonBody.json().with("identityId", person.toString()).with("effectiveDate", TODAY.toString()));
    }

    /** A leave starting today with no known return, approved and its Provision (suspension) done. */
    private void suspendedByLeave(UUID person) {
        UUID leave = id(leave(person));
        assertThat(post(EVENTS + leave + "/approve", otherAdmin, "{}").text("status"))
                .isEqualTo("Open");
        ApiResponse suspended = post(EVENTS + leave + "/stages/Provision/complete", admin, "{}");
        assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("Snoozed");
        ApiResponse identity = get("/api/identities/" + person, token("identities:read"));
        assertThat(identity.text("status")).isEqualTo("Disabled");
    }

    private UUID importIdentity(String status) {
        UUID id = givenIdentity(Map.of(
                "externalId",
                "ext-" + UUID.randomUUID(),
                "firstName",
                "Sarah",
                "lastName",
                "Chen",
                "title",
                "Loan Officer",
                "status",
                status));
        assertThat(get("/api/identities/" + id, token("identities:read")).text("status"))
                .isEqualTo(status);
        return id;
    }

    private long eventsOf(UUID person) {
        return jdbc.sql("SELECT COUNT(*) FROM personnel_event WHERE identity_id = :id")
                .param("id", person)
                .query(Long.class)
                .single();
    }
}
