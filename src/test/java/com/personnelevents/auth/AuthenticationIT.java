package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Bearer tokens: who gets in, what each scope opens, and how tokens are issued, listed and revoked. */
class AuthenticationIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events";
    private static final String TOKENS = "/api/tokens";
    private static final String UNAUTHORIZED = "Invalid or expired authentication token";
    private static final String FORBIDDEN = "This token's scopes do not allow this request";
    private static final String VALID_SCOPES =
            "events:read, events:write, events:approve, events:provision, events:verify, identities:read, identities:write, access:read, access:write, metrics:read, admin";

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = token("admin");
    }

    @Test
    void rejects_a_request_without_authorization_header() {
        ApiResponse response = get(EVENTS, null);

        assertUnauthorized(response);
    }

    @Test
    void rejects_an_unknown_token() {
        ApiResponse response = get(EVENTS, "pe_" + "x".repeat(43));

        assertUnauthorized(response);
    }

    @Test
    void rejects_a_bearer_value_that_is_not_a_token_of_ours() {
        ApiResponse response = get(EVENTS, "eyJhbGciOiJIUzI1NiJ9.e30.signature");

        assertUnauthorized(response);
    }

    @Test
    void rejects_a_malformed_bearer_value() {
        ApiResponse response = call(HttpMethod.GET, EVENTS, null, null, Map.of("Authorization", "Bearer not a token!"));

        assertUnauthorized(response);
    }

    @Test
    void rejects_a_scheme_other_than_bearer() {
        ApiResponse response =
                call(HttpMethod.GET, EVENTS, null, null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));

        assertUnauthorized(response);
    }

    @Test
    void rejects_a_revoked_token_on_the_very_next_request() {
        String name = uniqueName("Revoked");
        String secret = token(name, List.of("events:read"));
        assertThat(get(EVENTS, secret).status()).isEqualTo(200);
        String id = listedToken(name).path("id").asString();

        ApiResponse revoked = call(HttpMethod.DELETE, TOKENS + "/" + id, admin, null, Map.of());

        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(204);
        assertUnauthorized(get(EVENTS, secret));
        assertThat(listedToken(name).path("revokedAt").asString()).isEqualTo("2026-03-20T12:00:00Z");
    }

    @Test
    void the_last_usable_admin_token_cannot_be_revoked_over_the_api() {
        TokenView last = tokens.create(new TokenRequest(uniqueName("Last admin"), List.of("admin"), null));
        jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE revoked_at IS NULL AND id <> :id")
                .param("id", last.id())
                .update();

        ApiResponse refused = call(HttpMethod.DELETE, TOKENS + "/" + last.id(), last.token(), null, Map.of());

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("error")).isEqualTo("conflict");
        assertThat(refused.text("message")).contains("last usable integration token with the admin scope");
        assertThat(get(EVENTS, last.token()).status()).isEqualTo(200);

        TokenView successor = tokens.create(new TokenRequest(uniqueName("Next admin"), List.of("admin"), null));
        ApiResponse revoked = call(HttpMethod.DELETE, TOKENS + "/" + last.id(), successor.token(), null, Map.of());

        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(204);
    }

    @Test
    void an_expired_admin_token_does_not_count_as_a_remaining_administrator() {
        TokenView last = tokens.create(new TokenRequest(uniqueName("Last admin"), List.of("admin"), null));
        TokenView expiring =
                tokens.create(new TokenRequest(uniqueName("Expiring admin"), List.of("admin"), "2026-03-21"));
        jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE revoked_at IS NULL AND id NOT IN (:ids)")
                .param("ids", List.of(last.id(), expiring.id()))
                .update();
        clock.advance(java.time.Duration.ofDays(2));

        ApiResponse refused = call(HttpMethod.DELETE, TOKENS + "/" + last.id(), last.token(), null, Map.of());

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
    }

    @Test
    void a_revoked_token_is_refused_by_every_request_after_the_revocation() {
        String name = uniqueName("Revoked in use");
        String secret = token(name, List.of("events:read", "identities:read"));
        assertThat(get(EVENTS, secret).status()).isEqualTo(200);
        assertThat(get(EVENTS, secret).status()).isEqualTo(200);
        tokens.revoke(UUID.fromString(listedToken(name).path("id").asString()));

        ApiResponse next = get(EVENTS, secret);
        ApiResponse rightAfter = get(EVENTS, secret);
        ApiResponse elsewhere = get("/api/identities", secret);

        assertUnauthorized(next);
        assertUnauthorized(rightAfter);
        assertUnauthorized(elsewhere);
    }

    @Test
    void no_column_of_the_token_table_holds_a_secret() {
        List<String> secrets = List.of(
                token(uniqueName("Stored"), List.of("events:read")),
                post(
                                TOKENS,
                                admin,
                                JsonBody.json()
                                        .with("name", uniqueName("Over HTTP"))
                                        .with("scopes", List.of("admin")))
                        .text("token"),
                admin);

        List<String> stored = jdbc.sql("SELECT * FROM api_token").query().listOfRows().stream()
                .flatMap(row -> row.values().stream())
                .map(String::valueOf)
                .toList();

        assertThat(stored).isNotEmpty();
        for (String secret : secrets) {
            String random = secret.substring(TokenService.PREFIX.length());
            assertThat(stored).noneMatch(value -> value.contains(random) || value.contains(random.substring(0, 16)));
            assertThat(stored).contains(TokenService.hash(secret));
        }
    }

    @Test
    void revoking_a_token_twice_keeps_it_revoked() {
        String name = uniqueName("Twice revoked");
        String secret = token(name, List.of("events:read"));
        String id = listedToken(name).path("id").asString();
        call(HttpMethod.DELETE, TOKENS + "/" + id, admin, null, Map.of());

        ApiResponse again = call(HttpMethod.DELETE, TOKENS + "/" + id, admin, null, Map.of());

        assertThat(again.status()).isEqualTo(204);
        assertUnauthorized(get(EVENTS, secret));
    }

    @Test
    void rejects_an_expired_token() {
        ApiResponse created = post(
                TOKENS,
                admin,
                JsonBody.json()
                        .with("name", uniqueName("Expiring"))
                        .with("scopes", List.of("events:read"))
                        .with("expiresAt", "2026-03-21T12:00:00Z"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(get(EVENTS, secret).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertUnauthorized(get(EVENTS, secret));
    }

    @Test
    void a_token_stops_working_at_the_instant_it_expires() {
        ApiResponse created = post(
                TOKENS,
                admin,
                JsonBody.json()
                        .with("name", uniqueName("Expiring"))
                        .with("scopes", List.of("events:read"))
                        .with("expiresAt", "2026-03-20T13:00:00Z"));
        String secret = created.text("token");
        clock.advance(Duration.ofMinutes(59));
        assertThat(get(EVENTS, secret).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));

        assertUnauthorized(get(EVENTS, secret));
    }

    @ParameterizedTest(name = "{0} {1} is refused to a token with {2}")
    @CsvSource({
        "POST,   /api/personnel-events/onboard,            events:read",
        "POST,   /api/personnel-events/offboard,           events:read identities:write",
        "POST,   /api/personnel-events/role-transition,    events:read",
        "POST,   /api/personnel-events/leave-of-absence,   events:read",
        "GET,    /api/personnel-events,                    events:write",
        "GET,    /api/personnel-events/{id},               events:write identities:read",
        "GET,    /api/identities,                          identities:write events:read",
        "GET,    /api/identities/{id},                     events:read",
        "POST,   /api/identities,                          identities:read events:write",
        "PUT,    /api/settings,                            events:read events:write identities:read identities:write",
        "GET,    /api/tokens,                              events:read events:write identities:read identities:write",
        "POST,   /api/tokens,                              events:write",
        "DELETE, /api/tokens/{id},                         identities:write",
    })
    void refuses_an_endpoint_to_a_token_without_its_scope(String method, String path, String scopes) {
        String token = token(scopes.split(" "));
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

        ApiResponse response = call(
                HttpMethod.valueOf(method),
                path.replace("{id}", UUID.randomUUID().toString()),
                token,
                body,
                Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.text("error")).isEqualTo("forbidden");
        assertThat(response.text("message")).isEqualTo(FORBIDDEN);
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void a_read_only_token_cannot_create_an_event_and_nothing_is_stored() {
        long before = storedEvents();

        ApiResponse response = post(EVENTS + "/onboard", token("events:read"), anOnboardRequest());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("error")).isEqualTo("forbidden");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_write_token_cannot_list_events() {
        ApiResponse response = get(EVENTS, token("events:write"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("error")).isEqualTo("forbidden");
    }

    @Test
    void any_valid_token_may_read_the_settings() {
        ApiResponse response = get("/api/settings", token("identities:read"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    @Test
    void a_token_with_a_scope_may_use_its_endpoints() {
        String token = token("events:write", "events:read");

        ApiResponse created = post(EVENTS + "/onboard", token, anOnboardRequest());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(get(EVENTS + "/" + created.text("id"), token).status()).isEqualTo(200);
        assertThat(get(EVENTS, token).status()).isEqualTo(200);
    }

    @Test
    void an_admin_token_may_use_every_endpoint() {
        UUID identity = givenIdentity("Dana", "Admin");

        ApiResponse onboard = post(EVENTS + "/onboard", admin, anOnboardRequest());
        ApiResponse offboard = post(
                EVENTS + "/offboard",
                admin,
                JsonBody.json()
                        .with("identityId", identity.toString())
                        .with("effectiveDate", TODAY.plusDays(10).toString()));
        ApiResponse imported = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(Map.of(
                                        "externalId", "ext-" + UUID.randomUUID(),
                                        "firstName", "Eli",
                                        "lastName", "Admin"))));
        ApiResponse settings = put(
                "/api/settings", admin, JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 7));
        ApiResponse newToken = post(
                TOKENS,
                admin,
                JsonBody.json().with("name", uniqueName("By admin")).with("scopes", List.of("events:read")));

        assertThat(List.of(onboard.status(), offboard.status(), newToken.status()))
                .containsExactly(201, 201, 201);
        assertThat(List.of(
                        imported.status(),
                        settings.status(),
                        get(EVENTS, admin).status(),
                        get(EVENTS + "/" + onboard.text("id"), admin).status(),
                        get("/api/identities", admin).status(),
                        get("/api/identities/" + identity, admin).status(),
                        get("/api/settings", admin).status(),
                        get(TOKENS, admin).status()))
                .containsOnly(200);
        assertThat(call(HttpMethod.DELETE, TOKENS + "/" + newToken.text("id"), admin, null, Map.of())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void creates_a_token_and_shows_its_secret_once() {
        String name = uniqueName("Created");

        ApiResponse created = post(
                TOKENS,
                admin,
                JsonBody.json().with("name", name).with("scopes", List.of("events:write", "events:read")));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("token")).startsWith("pe_").hasSizeGreaterThan(40);
        assertThat(created.text("name")).isEqualTo(name);
        assertThat(created.at("scopes").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("events:read", "events:write");
        assertThat(created.text("createdAt")).isEqualTo("2026-03-20T12:00:00Z");
        assertThat(created.header("Location")).isEqualTo("/api/tokens/" + created.text("id"));
        assertThat(listedToken(name).has("token")).isFalse();
    }

    @Test
    void never_lists_a_secret() {
        String secret = token(uniqueName("Listed"), List.of("events:read"));

        ApiResponse list = get(TOKENS, admin);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        assertThat(list.body().valueStream()).noneMatch(t -> t.has("token"));
        assertThat(list.body().toString()).doesNotContain(secret).doesNotContain(TokenService.hash(secret));
    }

    @Test
    void names_events_after_the_token_that_created_them() {
        String name = uniqueName("Payroll Sync");
        ApiResponse created =
                post(TOKENS, admin, JsonBody.json().with("name", name).with("scopes", List.of("events:write")));

        ApiResponse event = post(EVENTS + "/onboard", created.text("token"), anOnboardRequest());

        assertThat(event.status()).as(event.body().toString()).isEqualTo(201);
        assertThat(event.text("reporter.name")).isEqualTo(name);
        assertThat(event.text("reporter.id")).isEqualTo(created.text("id"));
        assertThat(event.text("activity.0.author")).isEqualTo(name);
    }

    @Test
    void records_when_a_token_was_last_used() {
        String name = uniqueName("Used");
        String secret = token(name, List.of("events:read"));
        assertThat(listedToken(name).path("lastUsedAt").isNull()).isTrue();
        clock.advance(Duration.ofHours(2));

        get(EVENTS, secret);

        assertThat(listedToken(name).path("lastUsedAt").asString()).isEqualTo("2026-03-20T14:00:00Z");
    }

    @Test
    void stores_only_a_sha256_hash_of_the_secret() throws Exception {
        String name = uniqueName("Hashed");
        String secret = token(name, List.of("events:read"));

        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .single();

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(stored)
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(secret)
                .isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :secret OR name = :secret")
                        .param("secret", secret)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejects_a_token_without_a_name() {
        long before = storedTokens();

        ApiResponse response = post(TOKENS, admin, JsonBody.json().with("scopes", List.of("events:read")));

        assertValidationError(response, "name");
        assertThat(response.errorFor("name")).isEqualTo("Name is required");
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void rejects_an_unknown_scope_listing_the_valid_ones() {
        long before = storedTokens();

        ApiResponse response = post(
                TOKENS,
                admin,
                JsonBody.json().with("name", uniqueName("Bad scope")).with("scopes", List.of("events:delete")));

        assertValidationError(response, "scopes");
        assertThat(response.errorFor("scopes")).contains("events:delete").contains(VALID_SCOPES);
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void rejects_a_token_without_scopes() {
        long before = storedTokens();

        ApiResponse response = post(
                TOKENS,
                admin,
                JsonBody.json().with("name", uniqueName("No scope")).with("scopes", List.of()));

        assertValidationError(response, "scopes");
        assertThat(response.errorFor("scopes")).contains(VALID_SCOPES);
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void rejects_an_expiry_in_the_past() {
        ApiResponse response = post(
                TOKENS,
                admin,
                JsonBody.json()
                        .with("name", uniqueName("Past"))
                        .with("scopes", List.of("events:read"))
                        .with("expiresAt", "2026-03-19"));

        assertValidationError(response, "expiresAt");
        assertThat(response.errorFor("expiresAt")).isEqualTo("Expiry must be in the future");
    }

    @Test
    void rejects_an_expiry_that_is_not_a_date() {
        ApiResponse response = post(
                TOKENS,
                admin,
                JsonBody.json()
                        .with("name", uniqueName("Garbled"))
                        .with("scopes", List.of("events:read"))
                        .with("expiresAt", "next tuesday"));

        assertValidationError(response, "expiresAt");
    }

    @Test
    void answers_404_when_revoking_an_unknown_token() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = call(HttpMethod.DELETE, TOKENS + "/" + unknown, admin, null, Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("Token with id " + unknown + " not found");
    }

    @Test
    void answers_404_when_revoking_a_token_id_that_is_not_a_guid() {
        ApiResponse response = call(HttpMethod.DELETE, TOKENS + "/not-a-guid", admin, null, Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
    }

    @Test
    void health_is_up_without_a_token() {
        ApiResponse response = get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("UP");
    }

    @Test
    void api_docs_are_public() {
        ApiResponse response = get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("openapi")).startsWith("3.");
        assertThat(response.at("paths").has("/api/personnel-events/onboard")).isTrue();
    }

    private JsonNode listedToken(String name) {
        ApiResponse list = get(TOKENS, admin);
        assertThat(list.status()).isEqualTo(200);
        return list.body()
                .valueStream()
                .filter(t -> t.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("token " + name + " not listed"));
    }

    private long storedTokens() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertUnauthorized(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(401);
        assertThat(response.text("error")).isEqualTo("unauthorized");
        assertThat(response.text("message")).isEqualTo(UNAUTHORIZED);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.text("correlationId")).isNotBlank().isEqualTo(response.header("X-Correlation-Id"));
    }

    private static void assertValidationError(ApiResponse response, String... fields) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.errorFields()).containsExactlyInAnyOrder(fields);
    }
}
