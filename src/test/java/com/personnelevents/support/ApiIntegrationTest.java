package com.personnelevents.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.Application;
import com.personnelevents.auth.TokenService;
import com.personnelevents.event.ScheduledSteps;
import com.personnelevents.settings.SettingsService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Base of every {@code *IT}: the whole application on a random port against a real database (H2 by
 * default, PostgreSQL under {@code -Ppostgres}), spoken to over HTTP as a client would. All ITs share
 * one application context; each test starts at {@link #NOW} with default settings.
 */
@SpringBootTest(
        classes = {Application.class, ApiIntegrationTest.TestClockConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    /** "Now" at the start of every test: 2026-03-20 12:00 UTC. */
    public static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    @Autowired
    protected RestTestClient client;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TokenService tokens;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ScheduledSteps scheduledSteps;

    @Autowired
    protected SettingsService settings;

    @Autowired
    protected com.personnelevents.auth.RoleMapping roleMapping;

    protected final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetClockAndSettings() {
        clock.set(NOW);
        jdbc.sql("DELETE FROM settings").update();
        jdbc.sql("UPDATE custom_field SET label = NULL, enabled = FALSE").update();
        jdbc.sql("DELETE FROM response_rule").update();
        jdbc.sql("DELETE FROM duty_relaxation").update();
        jdbc.sql("DELETE FROM role_group").update();
        jdbc.sql("""
                        INSERT INTO role_group (role, group_name) VALUES ('Administrator', 'Administrator'),
                            ('SecurityTeam', 'Security Team'), ('PersonnelManager', 'Personnel Manager'),
                            ('ProvisionTeam', 'Provision Team'), ('ReportingOnly', 'Reporting Only')
                        """).update();
        settings.forgetCached();
        roleMapping.forgetCached();
    }

    /** A fresh token with the given scopes (names as in the API: "events:write", "admin", ...). */
    protected String token(String... scopes) {
        return tokens.create(new com.personnelevents.auth.TokenRequest(
                        "Test " + String.join(" ", scopes), Arrays.asList(scopes), null))
                .token();
    }

    protected String token(String name, List<String> scopes) {
        return tokens.create(new com.personnelevents.auth.TokenRequest(name, scopes, null))
                .token();
    }

    protected ApiResponse get(String path, String token) {
        return call(HttpMethod.GET, path, token, null, Map.of());
    }

    protected ApiResponse post(String path, String token, Object body) {
        return call(HttpMethod.POST, path, token, body == null ? null : body.toString(), Map.of());
    }

    protected ApiResponse put(String path, String token, Object body) {
        return call(HttpMethod.PUT, path, token, body == null ? null : body.toString(), Map.of());
    }

    /** Any request; a non-null body is sent as application/json unless headers say otherwise. */
    protected ApiResponse call(HttpMethod method, String path, String token, String body, Map<String, String> headers) {
        RestTestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (token != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(spec::header);
        if (body != null) {
            if (!headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
                spec.contentType(MediaType.APPLICATION_JSON);
            }
            spec.body(body);
        }
        EntityExchangeResult<byte[]> result = spec.exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        Map<String, List<String>> headerLines = new java.util.LinkedHashMap<>();
        result.getResponseHeaders().forEach(headerLines::put);
        ApiContract.assertConforms(
                baseUrl(), method.name(), path, result.getStatus().value(), headerLines, bytes);
        MediaType type = result.getResponseHeaders().getContentType();
        boolean isJson = type != null && type.getSubtype().contains("json");
        JsonNode parsed =
                bytes == null || bytes.length == 0 || !isJson ? MissingNode.getInstance() : json.readTree(bytes);
        return new ApiResponse(result.getStatus().value(), result.getResponseHeaders(), parsed);
    }

    /** Where the application under test answers, e.g. http://localhost:41234. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Runs the scheduler once at the test clock's now, as its background trigger would. */
    protected int runScheduler() {
        return scheduledSteps.runDue(clock.instant());
    }

    /** Moves the clock to 09:00 UTC on {@code day} and runs the scheduler. */
    protected int runSchedulerOn(LocalDate day) {
        clock.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        return runScheduler();
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM personnel_event")
                .query(Long.class)
                .single();
    }

    /** A 400 whose first error for {@code field} says {@code message}. */
    protected static void assertValidationError(ApiResponse response, String field, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        assertThat(response.errorFor(field)).as(response.body().toString()).isEqualTo(message);
    }

    /** A 400 with, among its errors, one for {@code field} that says {@code message}. */
    protected static void assertFieldError(ApiResponse response, String field, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.text("error")).isEqualTo("validation_error");
        List<String> pairs = new java.util.ArrayList<>();
        response.at("errors")
                .forEach(e -> pairs.add(
                        e.path("field").asString() + ": " + e.path("message").asString()));
        assertThat(pairs).contains(field + ": " + message);
    }

    /** Imports one identity and returns its id. */
    protected UUID givenIdentity(String firstName, String lastName) {
        return givenIdentity(firstName, lastName, "Lending");
    }

    /** Imports one identity of a department and returns its id. */
    protected UUID givenIdentity(String firstName, String lastName, String department) {
        return givenIdentity(Map.of(
                "externalId",
                "ext-" + UUID.randomUUID(),
                "firstName",
                firstName,
                "lastName",
                lastName,
                "title",
                "Loan Officer",
                "department",
                department));
    }

    /** Imports one identity with these fields (as the import takes them) and returns its id. */
    protected UUID givenIdentity(Map<String, String> fields) {
        ApiResponse response = post(
                "/api/identities", token("identities:write"), JsonBody.json().with("identities", List.of(fields)));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return UUID.fromString(response.text("items.0.id"));
    }

    /** Imports {@code count} identities in one request and returns their ids, in order. */
    protected List<UUID> givenIdentities(int count) {
        List<Map<String, String>> rows = java.util.stream.IntStream.range(0, count)
                .mapToObj(i ->
                        Map.of("externalId", "ext-" + UUID.randomUUID(), "firstName", "Person", "lastName", "No" + i))
                .toList();
        ApiResponse imported = post(
                "/api/identities", token("identities:write"), JsonBody.json().with("identities", rows));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        List<UUID> ids = new java.util.ArrayList<>();
        imported.at("items")
                .forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }

    /**
     * An email nobody else in the shared database has: an onboarding whose email matches a stored
     * identity is a rehire (or refused), as it would be in a bank's directory.
     */
    protected static String uniqueEmail(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@firstbankofvalkyrie.com";
    }

    /** A valid onboarding request for a new person (an email of their own) starting {@code days} from {@link #TODAY}. */
    protected static JsonBody anOnboardRequest(int days) {
        return JsonBody.json()
                .with("identity.firstName", "Sarah")
                .with("identity.lastName", "Chen")
                .with("identity.email", uniqueEmail("schen"))
                .with("identity.company", "First Bank of Valkyrie")
                .with("identity.division", "Commercial Lending")
                .with("identity.department", "Business Loans")
                .with("identity.office", "Fargo Main")
                .with("identity.title", "Senior Loan Officer")
                .with("identity.identityType", "Employee")
                .with("effectiveDate", TODAY.plusDays(days).toString())
                .with("comment", "New hire starting in Commercial Lending");
    }

    protected static JsonBody anOnboardRequest() {
        return anOnboardRequest(12);
    }

    /** A valid offboarding of {@code person}, effective {@code days} from {@link #TODAY}. */
    protected static JsonBody anOffboardRequest(UUID person, int days) {
        return JsonBody.json()
                .with("identityId", person.toString())
                .with("effectiveDate", TODAY.plusDays(days).toString())
                .with("comment", "Voluntary resignation");
    }

    /** A valid role transition of {@code person} to a new title, effective {@code days} from {@link #TODAY}. */
    protected static JsonBody aRoleTransitionRequest(UUID person, int days) {
        return JsonBody.json()
                .with("identityId", person.toString())
                .with("effectiveDate", TODAY.plusDays(days).toString())
                .with("identity.title", "Senior Loan Officer")
                .with("comment", "Promotion");
    }

    /**
     * A valid leave of {@code person} from {@code days} from {@link #TODAY}, for {@code length} days (an
     * unknown return when null).
     */
    protected static JsonBody aLeaveRequest(UUID person, int days, Integer length) {
        JsonBody leave = JsonBody.json()
                .with("identityId", person.toString())
                .with("effectiveDate", TODAY.plusDays(days).toString())
                .with("comment", "FMLA leave");
        return length == null
                ? leave
                : leave.with("endDate", TODAY.plusDays(days + length).toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfig {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        /** The database can be made to fail below the real endpoints ({@link FaultInjection}). */
        @Bean
        static FaultInjection faultInjection() {
            return new FaultInjection();
        }

        /** A clean schema for every run, also on a PostgreSQL database that earlier runs used. */
        @Bean
        FlywayMigrationStrategy cleanMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
