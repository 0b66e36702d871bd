package com.personnelevents.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.Tampering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Changes to settings, access models, applications and tokens go to an administrative trail of their own,
 * chained like the events' trails, readable at {@code GET /api/admin-activity} by an admin.
 */
class AdminActivityIT extends ApiIntegrationTest {

    private static final String ADMIN_ACTIVITY = "/api/admin-activity";

    @Value("${spring.datasource.url}")
    private String url;

    @Autowired
    private PlatformTransactionManager transactions;

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = token("Admin Alex", List.of("admin"));
    }

    /** "author | action | subject | content" of the newest entries, newest first. */
    private List<String> newest(int count) {
        ApiResponse page = get(ADMIN_ACTIVITY, admin);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : page.at("items")) {
            if (entries.size() < count) {
                entries.add(entry.path("author").asString() + " | "
                        + entry.path("action").asString() + " | "
                        + entry.path("subject").asString() + " | "
                        + entry.path("content").asString());
            }
        }
        return entries;
    }

    @Test
    void a_settings_change_is_recorded_with_who_made_it_and_the_values_before_and_after() {
        ApiResponse changed = put(
                "/api/settings",
                admin,
                JsonBody.json()
                        .with("timeZone", "America/Chicago")
                        .with("leadTimeDays", 10)
                        .with("customFields", List.of(Map.of("slot", 2, "label", "Cost center", "enabled", true))));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(newest(1))
                .containsExactly("Admin Alex | Settings changed | Settings | timeZone UTC → America/Chicago;"
                        + " leadTimeDays 7 → 10; customField2 unlabelled disabled → 'Cost center' enabled");
    }

    @Test
    void applications_access_models_and_tokens_are_recorded_newest_first() {
        String name = "Ledger " + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse application = post(
                "/api/applications",
                admin,
                JsonBody.json().with("name", name).with("permissions", List.of(Map.of("name", "Post"))));
        String appId = application.text("id");
        ApiResponse model = post(
                "/api/access-models",
                admin,
                JsonBody.json()
                        .with("name", "Posters " + name)
                        .with("criteria", Map.of("department", List.of("Finance")))
                        .with("permissions", List.of(Map.of("application", name, "permission", "Post"))));
        post("/api/applications/" + appId + "/retire", admin, null);
        ApiResponse token = post(
                "/api/tokens",
                admin,
                JsonBody.json().with("name", "Feed " + name).with("scopes", List.of("events:write")));
        call(HttpMethod.DELETE, "/api/tokens/" + token.text("id"), admin, null, Map.of());

        assertThat(newest(5))
                .containsExactly(
                        "Admin Alex | Token revoked | Token " + token.text("id") + " | Revoked",
                        "Admin Alex | Token created | Token Feed " + name + " (" + token.text("id")
                                + ") | Integration token, scopes [events:write], expires never",
                        "Admin Alex | Application retired | Application " + name + " (" + appId
                                + ") | Active → Retired",
                        "Admin Alex | Access model created | Access model Posters " + name + " ("
                                + model.text("id") + ") | enabled; criteria {department=[Finance]}; permissions ["
                                + name + "/Post]",
                        "Admin Alex | Application created | Application " + name + " (" + appId
                                + ") | Active; permissions [Post]");
    }

    @Test
    void is_paged_fifty_at_a_time_newest_first() {
        for (int i = 0; i < 51; i++) {
            token("Paging " + i, List.of("events:read"));
        }

        ApiResponse first = get(ADMIN_ACTIVITY, admin);
        ApiResponse second = get(ADMIN_ACTIVITY + "?page=2", admin);

        assertThat(first.at("items").size()).isEqualTo(50);
        assertThat(first.at("totalCount").asLong()).isGreaterThan(50);
        assertThat(first.at("items").get(0).path("id").asLong())
                .isGreaterThan(first.at("items").get(49).path("id").asLong());
        assertThat(second.at("items").get(0).path("id").asLong())
                .isLessThan(first.at("items").get(49).path("id").asLong());
        assertThat(first.text("items.0.author")).isEqualTo("Command line");
        assertThat(first.text("items.0.subject")).startsWith("Token Paging 50 (");
    }

    @Test
    void a_changed_entry_of_the_administrative_trail_is_found_by_the_verification() {
        put("/api/settings", admin, JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 8));
        long entry = get(ADMIN_ACTIVITY, admin).at("items").get(0).path("id").asLong();
        String content = jdbc.sql("SELECT content FROM admin_activity WHERE id = :id")
                .param("id", entry)
                .query(String.class)
                .single();

        tamper("UPDATE admin_activity SET content = 'Nothing changed' WHERE id = " + entry);
        try {
            ApiResponse result = get("/api/audit-trail/verification", admin);

            assertThat(result.body().path("intact").asBoolean()).isFalse();
            List<String> problems = new ArrayList<>();
            result.at("problems").forEach(p -> {
                if (p.path("trail").asString().equals("admin")) {
                    problems.add(
                            p.path("entryId").asLong() + " " + p.path("problem").asString());
                }
            });
            assertThat(problems)
                    .containsExactly(entry + " The entry's hash does not match: it was changed, or an entry before it"
                            + " was removed or inserted");
        } finally {
            tamper("UPDATE admin_activity SET content = '" + content.replace("'", "''") + "' WHERE id = " + entry);
        }
    }

    private void tamper(String sql) {
        Tampering.tamper(jdbc, transactions, url, sql);
    }
}
