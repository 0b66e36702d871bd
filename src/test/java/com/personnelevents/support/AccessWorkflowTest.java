package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that follow events through their access requests: each test has an application of
 * its own (Teller, Head Teller, Loans, Mailbox, Reports), a department name of its own, and the tokens
 * of the people who work events. Every name is unique to the test: the database is shared.
 */
public abstract class AccessWorkflowTest extends ApiIntegrationTest {

    protected static final String PROVISIONER = "Provisioner Pat";
    protected static final String APPROVER = "Approver Ada";

    protected String admin;
    protected String provisioner;
    protected String approver;
    protected String writer;
    protected String reader;
    protected String app;
    protected String department;

    @BeforeEach
    void createApplicationAndTokens() {
        admin = token("admin");
        provisioner = token(PROVISIONER, List.of("events:provision", "events:read"));
        approver = token(APPROVER, List.of("events:approve", "events:read"));
        writer = token("HR Feed", List.of("events:write", "events:read"));
        reader = token("access:read", "events:read", "identities:read");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        app = "Core Banking " + unique;
        department = "Branch " + unique;
        ApiResponse created = post(
                "/api/applications",
                admin,
                JsonBody.json()
                        .with("name", app)
                        .with(
                                "permissions",
                                List.of(
                                        Map.of("name", "Teller"),
                                        Map.of("name", "Head Teller"),
                                        Map.of("name", "Loans"),
                                        Map.of("name", "Mailbox"),
                                        Map.of("name", "Reports"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    /** An enabled access model of this test's application. */
    protected void model(String name, Map<String, List<String>> criteria, String... permissions) {
        List<Map<String, String>> granted = new ArrayList<>();
        for (String permission : permissions) {
            granted.add(Map.of("application", app, "permission", permission));
        }
        ApiResponse created = post(
                "/api/access-models",
                admin,
                JsonBody.json()
                        .with("name", name + " " + UUID.randomUUID())
                        .with("criteria", criteria)
                        .with("permissions", granted));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    /** The person holds these permissions of this test's application (imported, not through an event). */
    protected void grant(UUID person, String... permissions) {
        List<Map<String, String>> grants = new ArrayList<>();
        for (String permission : permissions) {
            grants.add(Map.of("identityId", person.toString(), "application", app, "permission", permission));
        }
        ApiResponse imported =
                post("/api/identity-access", admin, JsonBody.json().with("grants", grants));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    }

    /** Creates an event of {@code type} ("onboard", "offboard", …) as the admin and returns its id. */
    protected String create(String type, JsonBody body) {
        ApiResponse created = post("/api/personnel-events/" + type, admin, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    /** Approves the event and moves time to its effective date: the Provision stage starts. */
    protected JsonNode toProvision(String eventId, LocalDate effective) {
        runSchedulerOn(effective.minusDays(7));
        ApiResponse approved = post("/api/personnel-events/" + eventId + "/approve", approver, null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        runSchedulerOn(effective);
        return stage(event(eventId), "Provision");
    }

    protected ApiResponse event(String eventId) {
        ApiResponse event = get("/api/personnel-events/" + eventId, reader);
        assertThat(event.status()).as(event.body().toString()).isEqualTo(200);
        return event;
    }

    protected void completeAll(JsonNode stage) {
        for (JsonNode request : stage.path("accessRequests")) {
            if (request.path("status").asString().equals("Open")) {
                complete(request);
            }
        }
    }

    protected ApiResponse complete(JsonNode request) {
        ApiResponse completed =
                post("/api/access-requests/" + request.path("id").asString() + "/complete", provisioner, null);
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
        assertThat(completed.text("completedBy")).isEqualTo(PROVISIONER);
        return completed;
    }

    protected ApiResponse reject(JsonNode request, String reason) {
        return post(
                "/api/access-requests/" + request.path("id").asString() + "/reject",
                provisioner,
                JsonBody.json().with("reason", reason));
    }

    /** The request of the stage that acts on {@code permission}. */
    protected static JsonNode request(JsonNode stage, String permission) {
        for (JsonNode request : stage.path("accessRequests")) {
            if (request.path("permission").path("name").asString().equals(permission)) {
                return request;
            }
        }
        throw new AssertionError("No request for " + permission + " in " + stage);
    }

    /** "Teller Active", "Loans Suspended", … of what the person holds. */
    protected List<String> held(Object person) {
        List<String> held = new ArrayList<>();
        get("/api/identities/" + person + "/access", reader)
                .body()
                .forEach(h -> held.add(h.path("permission").path("name").asString() + " "
                        + h.path("status").asString()));
        return held;
    }

    protected static JsonNode stage(ApiResponse event, String name) {
        for (JsonNode stage : event.at("stages")) {
            if (stage.path("name").asString().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("No stage " + name + " in " + event.body());
    }

    /** "Add Teller", "Remove Loans", … of the stage's requests. */
    protected static List<String> actions(JsonNode stage) {
        List<String> actions = new ArrayList<>();
        stage.path("accessRequests")
                .forEach(r -> actions.add(r.path("action").asString() + " "
                        + r.path("permission").path("name").asString()));
        return actions;
    }

    protected static List<String> activityActions(ApiResponse event) {
        List<String> actions = new ArrayList<>();
        event.at("activity").forEach(a -> actions.add(a.path("action").asString()));
        return actions;
    }

    /** "action | content" of every activity entry. */
    protected static List<String> activity(ApiResponse event) {
        List<String> entries = new ArrayList<>();
        event.at("activity")
                .forEach(a -> entries.add(
                        a.path("action").asString() + " | " + a.path("content").asString()));
        return entries;
    }
}
