package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API against every scope and against no token at all: a scope that opens the
 * endpoint gets past authorization (whatever the answer then is, never 401 or 403), any other gets 403
 * {@code forbidden}, no token gets 401. The expected scopes are written out here from the README and
 * docs/decisions.md ("Tokens and scopes", the workflow and access sections), not read from
 * SecurityConfig; the endpoints are read from Spring MVC, and an endpoint without a row fails the build.
 */
class ScopeMatrixIT extends ApiIntegrationTest {

    /** Open to a valid token of any scope. */
    static final Set<String> ANY_TOKEN = Set.of("any");
    /** Open without a token. */
    static final Set<String> PUBLIC = Set.of("public");
    /**
     * Open at the door to a valid token of any scope, but only a person has personal tokens: the service
     * answers an integration token 403 with a message of its own, not the door's.
     */
    static final Set<String> PERSONAL = Set.of("personal");

    static final String DOOR_FORBIDDEN = "This token's scopes do not allow this request";

    static final Map<String, Set<String>> NEEDS = Map.ofEntries(
            // events
            row("POST /api/personnel-events/onboard", "events:write"),
            row("POST /api/personnel-events/offboard", "events:write"),
            row("POST /api/personnel-events/role-transition", "events:write"),
            row("POST /api/personnel-events/leave-of-absence", "events:write"),
            row("GET /api/personnel-events", "events:read"),
            row("GET /api/personnel-events/{id}", "events:read"),
            row("GET /api/personnel-events/{id}/access-preview", "events:read"),
            row("POST /api/personnel-events/{id}/approve", "events:approve"),
            row("POST /api/personnel-events/{id}/reject", "events:approve"),
            // whose vote it is, the workflow knows: anyone who may respond to a step
            row("POST /api/personnel-events/{id}/reset-vote", "events:approve", "events:verify"),
            // which of the two a stage needs is the workflow's check (ActionScopesIT)
            row("POST /api/personnel-events/{id}/stages/{stage}/complete", "events:provision", "events:verify"),
            // an offboarding needs events:approve, other events events:write: the workflow's check (LeaverControlIT)
            row("POST /api/personnel-events/{id}/cancel", "events:write", "events:approve"),
            row("POST /api/personnel-events/{id}/snooze", "events:write", "events:approve"),
            row("POST /api/personnel-events/{id}/reschedule", "events:write", "events:approve"),
            row("POST /api/personnel-events/{id}/return", "events:write"),
            row("PUT /api/personnel-events/{id}/assignee", "events:write"),
            row("POST /api/personnel-events/{id}/comments", "events:write"),
            // identities
            row("GET /api/identities", "identities:read"),
            row("GET /api/identities/{id}", "identities:read"),
            row("POST /api/identities", "identities:write"),
            // access
            row("GET /api/identities/{id}/access", "access:read"),
            row("POST /api/identity-access", "access:write"),
            row("GET /api/applications", "access:read"),
            row("GET /api/applications/{id}", "access:read"),
            row("POST /api/applications", "access:write"),
            row("PUT /api/applications/{id}", "access:write"),
            row("POST /api/applications/{id}/retire", "access:write"),
            row("PUT /api/applications/{id}/responsibilities", "access:write", "admin"),
            row("GET /api/access-models", "access:read"),
            row("GET /api/access-models/preview", "access:read"),
            row("GET /api/access-models/{id}", "access:read"),
            row("POST /api/access-models", "access:write"),
            row("PUT /api/access-models/{id}", "access:write"),
            row("GET /api/access-requests", "access:read"),
            row("GET /api/access-requests/{id}", "access:read"),
            row("POST /api/access-requests/{id}/complete", "events:provision"),
            row("POST /api/access-requests/{id}/reject", "events:provision"),
            row("POST /api/access-requests/{id}/retry", "events:approve"),
            row("POST /api/access-requests/{id}/accept-exception", "events:approve"),
            // settings and tokens
            Map.entry("GET /api/settings", ANY_TOKEN),
            row("GET /api/admin-activity", "admin"),
            row("PUT /api/settings", "admin"),
            row("GET /api/tokens", "admin"),
            row("POST /api/tokens", "admin"),
            row("DELETE /api/tokens/{id}", "admin"),
            row("PUT /api/tokens/{id}/stands-in-for", "admin"),
            row("GET /api/roles", "admin"),
            row("PUT /api/roles", "admin"),
            // the caller
            Map.entry("GET /api/me", ANY_TOKEN),
            Map.entry("GET /api/me/tokens", PERSONAL),
            Map.entry("POST /api/me/tokens", PERSONAL),
            Map.entry("DELETE /api/me/tokens/{id}", PERSONAL),
            row("GET /api/audit-trail/verification", "admin"),
            // documents and the error page
            Map.entry("GET /v3/api-docs", PUBLIC),
            Map.entry("GET /v3/api-docs.yaml", PUBLIC),
            Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
            Map.entry("GET /swagger-ui.html", PUBLIC),
            Map.entry("* /error", PUBLIC));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void every_endpoint_has_a_row_in_the_matrix_and_every_row_an_endpoint() {
        Set<String> endpoints = new TreeSet<>(endpoints());

        assertThat(endpoints)
                .as("endpoints served (left) against rows of the matrix: add a row for a new endpoint")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(NEEDS.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> each_endpoint_opens_to_its_scopes_only() {
        Map<Scope, String> tokenOf = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            tokenOf.put(scope, token(scope.value()));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : new TreeSet<>(NEEDS.keySet())) {
            Set<String> needs = NEEDS.get(endpoint);
            if (endpoint.startsWith("* ")) {
                endpoint = "GET " + endpoint.substring(2);
            }
            String request = endpoint;
            tests.add(DynamicTest.dynamicTest(request + " without a token", () -> {
                ApiResponse response = send(request, null, null);
                if (needs == PUBLIC) {
                    assertThat(response.status()).as(describe(response)).isNotIn(401, 403);
                } else {
                    assertThat(response.status()).as(describe(response)).isEqualTo(401);
                    assertThat(response.text("error")).isEqualTo("unauthorized");
                }
            }));
            for (Scope scope : Scope.values()) {
                boolean allowed = needs == PUBLIC
                        || needs == ANY_TOKEN
                        || needs == PERSONAL
                        || scope == Scope.ADMIN
                        || needs.contains(scope.value());
                tests.add(DynamicTest.dynamicTest(
                        request + " with " + scope.value() + (allowed ? " is allowed" : " is forbidden"), () -> {
                            ApiResponse response = send(request, scope, tokenOf.get(scope));
                            if (allowed && needs == PERSONAL) {
                                // past the door; the service refuses an integration token itself
                                assertThat(response.status())
                                        .as(describe(response))
                                        .isNotEqualTo(401);
                                if (response.status() == 403) {
                                    assertThat(response.text("message"))
                                            .as(describe(response))
                                            .isNotEqualTo(DOOR_FORBIDDEN);
                                }
                            } else if (allowed) {
                                assertThat(response.status())
                                        .as(describe(response))
                                        .isNotIn(401, 403);
                            } else {
                                assertThat(response.status())
                                        .as(describe(response))
                                        .isEqualTo(403);
                                assertThat(response.text("error")).isEqualTo("forbidden");
                                assertThat(response.text("message")).isEqualTo(DOOR_FORBIDDEN);
                                assertThat(response.text("correlationId"))
                                        .isEqualTo(response.header("X-Correlation-Id"));
                            }
                        }));
            }
        }
        return tests.stream();
    }

    /**
     * "POST /api/personnel-events/{id}/approve": every method and path pattern Spring MVC serves on the
     * API's paths (the pages, served by the session-based chain, are not part of the API).
     */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty()
                    ? List.of("*")
                    : methods.stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                // {id:<regex>} is the {id} of the API document
                String path = pattern.replaceAll("\\{(\\w+):[^/]*}", "{$1}");
                if (isApi(path)) {
                    names.forEach(method -> endpoints.add(method + " " + path));
                }
            }
        }
        return endpoints;
    }

    private static boolean isApi(String path) {
        return Stream.of("/api/", "/v3/api-docs", "/swagger-ui", "/error").anyMatch(path::startsWith);
    }

    private ApiResponse send(String endpoint, Scope scope, String token) {
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        // a stage the scope may complete, so that an allowed scope meets no check of the stage's own
        String stage = scope == Scope.EVENTS_VERIFY ? "Verification" : "Provision";
        String path = parts[1].replace("{id}", UUID.randomUUID().toString()).replace("{stage}", stage);
        String body = method == HttpMethod.POST || method == HttpMethod.PUT ? "{}" : null;
        return call(method, path, token, body, Map.of());
    }

    private static String describe(ApiResponse response) {
        return response.status() + " " + response.body();
    }

    private static Map.Entry<String, Set<String>> row(String endpoint, String... scopes) {
        Arrays.stream(scopes).forEach(s -> assertThat(Scope.parse(s)).as(s).isPresent());
        return Map.entry(endpoint, Arrays.stream(scopes).collect(Collectors.toUnmodifiableSet()));
    }
}
