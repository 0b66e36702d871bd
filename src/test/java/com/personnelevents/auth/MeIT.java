package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/me says who the caller is and which roles they hold and why; a person's own tokens act as them,
 * narrowed to their roles, and stop working when the person leaves.
 */
class MeIT extends PeopleTest {

    @Test
    void a_person_sees_their_roles_with_why_from_groups_supervision_and_applications() {
        Person ada = person("Ada", "Lovelace", "Security Team");
        person("Sarah", "Chen", ada);
        responsibilities(List.of(ada), List.of());

        ApiResponse me = get("/api/me", ada.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("kind")).isEqualTo("Person");
        assertThat(me.text("identityId")).isEqualTo(ada.id().toString());
        assertThat(me.text("name")).isEqualTo("Lovelace, Ada");
        assertThat(roles(me))
                .containsExactly(
                        "Security Team: group Security Team",
                        "Supervisor: supervisor of Chen, Sarah",
                        "Provision Engineer: provision engineer of " + app);
    }

    @Test
    void an_integration_token_is_itself_with_its_scopes_and_the_roles_it_stands_in_for() {
        String feed = token("Approvals feed", List.of("events:approve", "events:read"));

        ApiResponse me = get("/api/me", feed);

        assertThat(me.text("kind")).isEqualTo("Token");
        assertThat(me.at("identityId").isNull()).isTrue();
        assertThat(me.text("name")).isEqualTo("Approvals feed");
        assertThat(me.at("scopes").toString()).isEqualTo("[\"events:read\",\"events:approve\"]");
        assertThat(me.at("roles").size()).isZero();
    }

    @Test
    void a_token_creates_tokens_only_with_scopes_it_has_itself() {
        Person ada = person("Ada", "Lovelace", "Personnel Manager");
        String narrow = post(
                        "/api/me/tokens",
                        ada.token(),
                        JsonBody.json().with("name", "Read only").with("scopes", List.of("events:read")))
                .text("token");

        ApiResponse wider = post(
                "/api/me/tokens",
                narrow,
                JsonBody.json().with("name", "Wider").with("scopes", List.of("events:read", "events:write")));

        assertValidationError(
                wider,
                "scopes",
                "A token creates tokens only with scopes it has itself; this one does not have events:write");
        ApiResponse same = post(
                "/api/me/tokens",
                narrow,
                JsonBody.json().with("name", "Also read only").with("scopes", List.of("events:read")));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(201);
    }

    @Test
    void an_administrators_personal_token_does_not_count_as_the_remaining_admin_token() {
        Person grace = person("Grace", "Hopper", "Administrator");
        TokenView last = tokens.create(new TokenRequest("Last admin " + UUID.randomUUID(), List.of("admin"), null));
        jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP"
                        + " WHERE revoked_at IS NULL AND identity_id IS NULL AND id <> :id")
                .param("id", last.id())
                .update();

        ApiResponse refused = delete("/api/tokens/" + last.id(), grace.token());

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("message")).contains("last usable integration token with the admin scope");
        assertThat(get("/api/me", last.token()).status()).isEqualTo(200);
    }

    @Test
    void a_person_creates_lists_and_revokes_their_own_tokens_and_another_person_cannot_see_them() {
        Person ada = person("Ada", "Lovelace", "Personnel Manager");
        Person other = person("Sam", "Other");

        ApiResponse created = post(
                "/api/me/tokens",
                ada.token(),
                JsonBody.json().with("name", "Ada's script").with("scopes", List.of("events:read")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String secret = created.text("token");
        String id = created.text("id");
        assertThat(created.text("identityId")).isEqualTo(ada.id().toString());
        assertThat(get("/api/me", secret).text("name")).isEqualTo("Lovelace, Ada");
        assertThat(get("/api/me", secret).at("scopes").toString()).isEqualTo("[\"events:read\"]");

        List<String> names = new ArrayList<>();
        get("/api/me/tokens", ada.token())
                .body()
                .forEach(t -> names.add(t.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("Ada's laptop", "Ada's script");
        assertThat(delete("/api/me/tokens/" + id, other.token()).status()).isEqualTo(404);
        assertThat(delete("/api/me/tokens/" + id, ada.token()).status()).isEqualTo(204);
        assertThat(get("/api/me", secret).status()).isEqualTo(401);
    }

    @Test
    void an_integration_token_has_no_personal_tokens() {
        ApiResponse refused = get("/api/me/tokens", admin);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("message"))
                .isEqualTo("Only a person has personal tokens; this is an integration token");
    }

    @Test
    void a_personal_token_does_no_more_than_its_person_s_roles_allow() {
        Person hr = person("Paula", "Manager", "Personnel Manager");

        ApiResponse settings = put(
                "/api/settings",
                hr.token(),
                JsonBody.json().with("timeZone", "UTC").with("leadTimeDays", 7));
        ApiResponse create = post("/api/personnel-events/onboard", hr.token(), anOnboardRequest(20));

        assertThat(settings.status()).isEqualTo(403);
        assertThat(create.status()).isEqualTo(201);
        assertThat(get("/api/me", hr.token()).at("scopes").toString())
                .isEqualTo("[\"events:read\",\"events:write\",\"events:approve\",\"events:provision\","
                        + "\"events:verify\",\"identities:read\",\"access:read\"]");
    }

    @Test
    void a_personal_token_stops_working_when_its_person_is_no_longer_active() {
        Person leaver = person("Lee", "Leaver");
        assertThat(get("/api/me", leaver.token()).status()).isEqualTo(200);

        ApiResponse imported = post(
                "/api/identities",
                admin,
                JsonBody.json()
                        .with(
                                "identities",
                                List.of(java.util.Map.of(
                                        "externalId",
                                                get("/api/identities/" + leaver.id(), admin)
                                                        .text("externalId"),
                                        "firstName", "Lee",
                                        "lastName", "Leaver",
                                        "email", leaver.email(),
                                        "status", "Disabled"))));
        assertThat(imported.status()).isEqualTo(200);

        assertThat(get("/api/me", leaver.token()).status()).isEqualTo(401);
    }

    @Test
    void a_personal_token_stops_working_when_its_person_has_no_enabled_account_left() {
        Person leaver = person("Lee", "Leaver", "Security Team");
        assertThat(get("/api/me", leaver.token()).status()).isEqualTo(200);

        accounts.disable(leaver.email(), "Test");

        ApiResponse refused = get("/api/personnel-events", leaver.token());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(get("/api/me", leaver.token()).status()).isEqualTo(401);
    }

    private ApiResponse delete(String path, String token) {
        return call(org.springframework.http.HttpMethod.DELETE, path, token, null, java.util.Map.of());
    }

    private static List<String> roles(ApiResponse me) {
        List<String> roles = new ArrayList<>();
        me.at("roles")
                .forEach(r -> roles.add(
                        r.path("role").asString() + ": " + r.path("because").asString()));
        return roles;
    }
}
