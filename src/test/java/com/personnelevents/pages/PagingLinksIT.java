package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.WebSession;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A paged list's Previous and Next lead to the neighbouring page of the same list: every filter the person
 * chose is kept, only the page number changes.
 */
class PagingLinksIT extends PeopleTest {

    /** A name no other test uses, so that a search for it finds exactly this test's rows. */
    private final String tag = "Pg" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    @Test
    void the_taskboards_next_and_previous_pages_keep_its_search_and_filters() {
        Person hr = person("Petra", "Pager", "Personnel Manager");
        for (int i = 0; i < 51; i++) {
            ApiResponse created = post(
                    "/api/personnel-events/onboard",
                    hr.token(),
                    anOnboardRequest(3).with("identity.firstName", tag).with("identity.lastName", "No" + i));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        }
        WebSession session = signIn(hr);

        WebSession.Page first = session.get(baseUrl() + "/personnel-events?q=" + tag + "&type=Onboard");
        assertThat(first.status()).isEqualTo(200);
        assertThat(rows(first.body(), "Number")).isEqualTo(50);
        assertThat(first.body()).contains("Page 1 of 2").doesNotContain(">Previous<");
        String next = link(first.body(), "Next");
        assertThat(next).isEqualTo("/personnel-events?q=" + tag + "&type=Onboard&page=2");

        WebSession.Page second = session.get(baseUrl() + next);
        assertThat(rows(second.body(), "Number")).isEqualTo(1);
        assertThat(second.body()).contains("Page 2 of 2").doesNotContain(">Next<");
        assertThat(link(second.body(), "Previous")).isEqualTo("/personnel-events?q=" + tag + "&type=Onboard&page=1");
    }

    @Test
    void the_people_pages_keep_the_search_whatever_page_it_was_on() {
        for (int i = 0; i < 51; i++) {
            givenIdentity(tag, "No" + i);
        }
        WebSession session = signIn(person("Sam", "Security", "Security Team"));

        // the page number first in the address: the search kept, the page number (now last) replaced
        WebSession.Page second = session.get(baseUrl() + "/identities?page=2&q=" + tag);
        assertThat(second.status()).isEqualTo(200);
        assertThat(rows(second.body(), "Name")).isEqualTo(1);
        String previous = link(second.body(), "Previous");
        assertThat(previous).isEqualTo("/identities?q=" + tag + "&page=1");

        WebSession.Page first = session.get(baseUrl() + previous);
        assertThat(rows(first.body(), "Name")).isEqualTo(50);
        assertThat(link(first.body(), "Next")).isEqualTo("/identities?q=" + tag + "&page=2");
    }

    private static int rows(String html, String firstColumn) {
        return html.split("<td data-label=\"" + firstColumn + "\">", -1).length - 1;
    }

    /** The address of the page's paging link with this text, as a browser reads it. */
    private static String link(String html, String text) {
        Matcher link = Pattern.compile("<a href=\"([^\"]*)\">" + text + "</a>").matcher(html);
        assertThat(link.find()).as("a %s link", text).isTrue();
        return link.group(1).replace("&amp;", "&");
    }
}
