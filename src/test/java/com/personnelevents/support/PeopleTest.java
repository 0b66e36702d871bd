package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.auth.AccountService;
import com.personnelevents.auth.TokenRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests where people act as themselves: each person is an identity of their own (a unique
 * email), with a local account in the groups given (group names are the roles' default groups: "Security
 * Team", "Personnel Manager", …), a personal token, and a signed-in session on demand.
 */
public abstract class PeopleTest extends AccessWorkflowTest {

    public static final String PASSWORD = "correct horse battery staple";

    @Autowired
    protected AccountService accounts;

    /** A person: their identity, email (their login), name as the API shows it, and their personal token. */
    public record Person(UUID id, String email, String name, String token) {

        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** A person in these groups, with a local account and a personal token of every scope. */
    protected Person person(String first, String last, String... groups) {
        return person(first, last, null, groups);
    }

    /** The same, reporting to {@code supervisor} (null: nobody). */
    protected Person person(String first, String last, Person supervisor, String... groups) {
        String email = uniqueEmail(first.toLowerCase() + "." + last.toLowerCase());
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", "ext-" + UUID.randomUUID());
        row.put("firstName", first);
        row.put("lastName", last);
        row.put("email", email);
        row.put("department", department);
        row.put("title", "Loan Officer");
        if (supervisor != null) {
            row.put("supervisorId", supervisor.id().toString());
        }
        ApiResponse imported = post(
                "/api/identities", token("identities:write"), JsonBody.json().with("identities", List.of(row)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        UUID id = UUID.fromString(imported.text("items.0.id"));
        accounts.createLocal(email, Arrays.asList(groups), PASSWORD, "Test");
        String token = tokens.createPersonal(
                        email,
                        new TokenRequest(
                                first + "'s laptop",
                                List.of(
                                        "events:read",
                                        "events:write",
                                        "events:approve",
                                        "events:provision",
                                        "events:verify",
                                        "identities:read",
                                        "identities:write",
                                        "access:read",
                                        "access:write",
                                        "metrics:read",
                                        "admin"),
                                null))
                .token();
        return new Person(id, email, last + ", " + first, token);
    }

    /** Names the application's Provision Engineers and Application Managers (of this test's application). */
    protected void responsibilities(List<Person> engineers, List<Person> managers) {
        ApiResponse application = get("/api/applications", admin);
        String id = null;
        for (var a : application.body()) {
            if (a.path("name").asString().equals(app)) {
                id = a.path("id").asString();
            }
        }
        ApiResponse set = put(
                "/api/applications/" + id + "/responsibilities",
                admin,
                JsonBody.json()
                        .with(
                                "provisionEngineers",
                                engineers.stream().map(p -> p.id().toString()).toList())
                        .with(
                                "applicationManagers",
                                managers.stream().map(p -> p.id().toString()).toList()));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    }

    /** Sets who must approve and verify a type of event ("Onboard", …); empty lists keep the default. */
    protected void rule(String eventType, List<String> approvers, List<String> verifiers) {
        ApiResponse saved = put(
                "/api/settings",
                admin,
                JsonBody.json()
                        .with("timeZone", "UTC")
                        .with("leadTimeDays", 7)
                        .with(
                                "approvalRules",
                                List.of(Map.of(
                                        "eventType", eventType, "approvers", approvers, "verifiers", verifiers))));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    /** The id of the event of that number, as the API names it. */
    protected String idOf(long number) {
        return jdbc.sql("SELECT id FROM personnel_event WHERE number = :number")
                .param("number", number)
                .query(UUID.class)
                .single()
                .toString();
    }

    /** Signs the person in to the pages; the session is signed in. */
    protected WebSession signIn(Person person) {
        WebSession session = new WebSession();
        WebSession.Page page = session.signInAs(baseUrl(), person.email(), PASSWORD);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).doesNotContain("error");
        return session;
    }
}
