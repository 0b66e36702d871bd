package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.WebSession;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The pages render with variables of their own (see {@link PageViews}), and still read what the request
 * holds: the CSRF token the forms and htmx send back.
 */
class PageViewsIT extends PeopleTest {

    @Autowired
    private ThymeleafViewResolver views;

    @Test
    void pages_render_with_their_own_variables() throws Exception {
        assertThat(views.resolveViewName("event/board", Locale.ENGLISH)).isInstanceOf(PageViews.OwnVariablesView.class);
    }

    @Test
    void a_taskboard_page_shows_its_rows_and_the_requests_csrf_token() {
        String tag = "Pv" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Person hr = person("Vera", "Views", "Personnel Manager");
        for (int i = 0; i < 3; i++) {
            ApiResponse created = post(
                    "/api/personnel-events/onboard",
                    hr.token(),
                    anOnboardRequest(3).with("identity.firstName", tag).with("identity.lastName", "No" + i));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        }
        WebSession session = signIn(hr);

        WebSession.Page board = session.get(baseUrl() + "/personnel-events?q=" + tag);

        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("3 events", "No0, " + tag, "No1, " + tag, "No2, " + tag);
        Matcher token = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">")
                .matcher(board.body());
        assertThat(token.find()).as(board.body()).isTrue();
        assertThat(token.group(1)).isNotBlank();
    }
}
