package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.PeopleTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every role against every endpoint of the API, through a personal token of a person who holds only that
 * role: which endpoints each role's door opens (written out here from the README's roles table, not read
 * from the code), and what each may see of one event, one request and one person's access (404 for what
 * they may not see).
 */
class RoleMatrixIT extends PeopleTest {

    private static final Set<String> READS = Set.of("events:read", "identities:read", "access:read");
    private static final Set<String> RESPONDS = Set.of("events:approve", "events:provision", "events:verify");

    /** What each role opens at the door, as the README's table says. */
    private static final Map<String, Set<String>> OPENS = new LinkedHashMap<>();

    static {
        OPENS.put("Administrator", union(READS, RESPONDS, Set.of("admin", "metrics:read")));
        OPENS.put("Security Team", union(READS, RESPONDS, Set.of("events:write", "identities:write", "access:write")));
        OPENS.put("Personnel Manager", union(READS, RESPONDS, Set.of("events:write")));
        OPENS.put("Provision Team", union(READS, RESPONDS));
        OPENS.put("Reporting Only", READS);
        OPENS.put("Supervisor", union(READS, RESPONDS));
        OPENS.put("Provision Engineer", union(READS, RESPONDS));
        OPENS.put("Application Manager", union(READS, RESPONDS));
        OPENS.put("No role", union(READS, RESPONDS));
    }

    /** Who sees the event a Personnel Manager reported about a Supervisor's report (E), with its request. */
    private static final Set<String> SEE_EVENT = Set.of(
            "Administrator", "Security Team", "Provision Team", "Reporting Only", "Personnel Manager", "Supervisor");

    private static final Set<String> SEE_REQUEST = Set.of(
            "Administrator",
            "Security Team",
            "Provision Team",
            "Reporting Only",
            "Personnel Manager",
            "Supervisor",
            "Provision Engineer",
            "Application Manager");

    private static final Set<String> SEE_OTHER_EVENT =
            Set.of("Administrator", "Security Team", "Provision Team", "Reporting Only");

    private static final Set<String> SEE_HELD_ACCESS =
            Set.of("Administrator", "Security Team", "Provision Team", "Reporting Only", "Supervisor");

    @TestFactory
    Stream<DynamicTest> each_role_opens_the_endpoints_of_its_scopes_only() {
        Map<String, Person> people = people();
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : new TreeSet<>(ScopeMatrixIT.NEEDS.keySet())) {
            Set<String> needs = ScopeMatrixIT.NEEDS.get(endpoint);
            if (needs == ScopeMatrixIT.PUBLIC) {
                continue;
            }
            people.forEach((role, person) -> {
                boolean allowed = needs == ScopeMatrixIT.ANY_TOKEN
                        || needs == ScopeMatrixIT.PERSONAL
                        || needs.stream().anyMatch(OPENS.get(role)::contains);
                tests.add(DynamicTest.dynamicTest(
                        endpoint + " as " + role + (allowed ? " is open" : " is forbidden"), () -> {
                            ApiResponse response = send(endpoint, person.token());
                            if (allowed) {
                                assertThat(response.status())
                                        .as(describe(response))
                                        .isNotEqualTo(401);
                                if (response.status() == 403) {
                                    assertThat(response.text("message"))
                                            .as(describe(response))
                                            .isNotEqualTo(ScopeMatrixIT.DOOR_FORBIDDEN);
                                }
                            } else {
                                assertThat(response.status())
                                        .as(describe(response))
                                        .isEqualTo(403);
                                assertThat(response.text("message")).isEqualTo(ScopeMatrixIT.DOOR_FORBIDDEN);
                            }
                        }));
            });
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> each_role_sees_what_concerns_it_and_nothing_else() {
        Map<String, Person> people = people();
        Person report = person("Sarah", "Chen", people.get("Supervisor"));
        grant(report.id(), "Mailbox");
        ApiResponse leave = post(
                "/api/personnel-events/leave-of-absence",
                people.get("Personnel Manager").token(),
                aLeaveRequest(report.id(), 12, 30));
        assertThat(leave.status()).as(leave.body().toString()).isEqualTo(201);
        String event = leave.text("id");
        String request = request(toProvision(event, TODAY.plusDays(12)), "Mailbox")
                .path("id")
                .asString();
        String other = create("onboard", anOnboardRequest(20));

        List<DynamicTest> tests = new ArrayList<>();
        people.forEach((role, person) -> {
            tests.add(sight(role, "the event", "/api/personnel-events/" + event, person, SEE_EVENT.contains(role)));
            tests.add(sight(
                    role, "another event", "/api/personnel-events/" + other, person, SEE_OTHER_EVENT.contains(role)));
            tests.add(
                    sight(role, "its request", "/api/access-requests/" + request, person, SEE_REQUEST.contains(role)));
            tests.add(sight(
                    role,
                    "the person's access",
                    "/api/identities/" + report.id() + "/access",
                    person,
                    SEE_HELD_ACCESS.contains(role)));
            tests.add(DynamicTest.dynamicTest(role + " finds in the lists what it sees", () -> {
                assertThat(ids(get("/api/personnel-events?identityId=" + report.id(), person.token())))
                        .as(role)
                        .isEqualTo(SEE_EVENT.contains(role) ? List.of(event) : List.of());
                assertThat(ids(get("/api/access-requests?identityId=" + report.id(), person.token())))
                        .as(role)
                        .isEqualTo(SEE_REQUEST.contains(role) ? List.of(request) : List.of());
            }));
        });
        return tests.stream();
    }

    private DynamicTest sight(String role, String what, String path, Person person, boolean sees) {
        return DynamicTest.dynamicTest(role + (sees ? " sees " : " does not see ") + what, () -> {
            ApiResponse response = get(path, person.token());
            assertThat(response.status()).as(describe(response)).isEqualTo(sees ? 200 : 404);
        });
    }

    /** One person per role, holding only it: through a group, or through the facts that give it. */
    private Map<String, Person> people() {
        Map<String, Person> people = new LinkedHashMap<>();
        for (String role : OPENS.keySet()) {
            boolean group = Set.of(
                            "Administrator", "Security Team", "Personnel Manager", "Provision Team", "Reporting Only")
                    .contains(role);
            people.put(
                    role, group ? person("Only", role.replace(" ", ""), role) : person("Only", role.replace(" ", "")));
        }
        person("Their", "Report", people.get("Supervisor"));
        responsibilities(List.of(people.get("Provision Engineer")), List.of(people.get("Application Manager")));
        return people;
    }

    private ApiResponse send(String endpoint, String token) {
        String[] parts = endpoint.replace("* ", "GET ").split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String path = parts[1].replace("{id}", UUID.randomUUID().toString()).replace("{stage}", "Provision");
        String body = method == HttpMethod.POST || method == HttpMethod.PUT ? "{}" : null;
        return call(method, path, token, body, Map.of());
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.at("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }

    private static String describe(ApiResponse response) {
        return response.status() + " " + response.body();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    static {
        // the rows name real scopes
        OPENS.values()
                .forEach(scopes ->
                        scopes.forEach(s -> assertThat(Scope.parse(s)).as(s).isPresent()));
    }
}
