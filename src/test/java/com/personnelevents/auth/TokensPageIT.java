package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tokens page lists 50 tokens a page, the newest first, however many an organisation has made. */
class TokensPageIT extends PeopleTest {

    @Test
    void the_tokens_page_shows_fifty_a_page_the_newest_first() {
        Person admin = person("Ada", "Admin", "Administrator");
        String feed = "Feed " + UUID.randomUUID().toString().substring(0, 8) + " ";
        String adminToken = token("admin");
        clock.advance(Duration.ofDays(3650)); // after every token the other tests made
        for (int i = 1; i <= 51; i++) {
            clock.advance(Duration.ofSeconds(1));
            ApiResponse created = post(
                    "/api/tokens",
                    adminToken,
                    JsonBody.json().with("name", feed + i).with("scopes", List.of("events:read")));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        }
        WebSession session = signIn(admin);

        WebSession.Page first = session.get(baseUrl() + "/admin/tokens");
        assertThat(first.status()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(50);
        assertThat(first.body())
                .contains(">" + feed + "51</td>")
                .contains(">" + feed + "2</td>")
                .doesNotContain(">" + feed + "1</td>")
                .contains("href=\"/admin/tokens?page=2\"");
        assertThat(first.body().indexOf(">" + feed + "51</td>"))
                .isLessThan(first.body().indexOf(">" + feed + "2</td>"));

        WebSession.Page second = session.get(baseUrl() + "/admin/tokens?page=2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains(">" + feed + "1</td>").contains("href=\"/admin/tokens?page=1\"");

        assertThat(session.get(baseUrl() + "/admin/tokens?page=0").status()).isEqualTo(400);
    }

    @Test
    void a_person_who_does_not_administer_is_refused_the_tokens_page_on_any_page() {
        Person security = person("Sam", "Security", "Security Team");
        WebSession session = signIn(security);

        for (String path : List.of("/admin/tokens", "/admin/tokens?page=2")) {
            WebSession.Page page = session.get(baseUrl() + path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("data-label=\"Name\"");
        }
    }

    private static int rows(String html) {
        return html.split("<td data-label=\"Name\">", -1).length - 1;
    }
}
