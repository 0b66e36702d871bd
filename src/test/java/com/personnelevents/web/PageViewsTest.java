package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageViewsTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest();
    private final PageViews.OwnVariables page = new PageViews.OwnVariables(request);

    @Test
    void what_a_page_sets_is_its_own_and_never_reaches_the_request() {
        page.setAttribute("row", "first");
        page.setAttribute("row", "second");

        assertThat(page.getAttribute("row")).isEqualTo("second");
        assertThat(request.getAttribute("row")).isNull();
    }

    @Test
    void what_a_page_did_not_set_is_read_from_the_request() {
        request.setAttribute("_csrf", "token");

        assertThat(page.getAttribute("_csrf")).isEqualTo("token");
        assertThat(page.getAttribute("missing")).isNull();
    }

    @Test
    void a_variable_that_hides_a_request_attribute_gives_it_back_when_restored() {
        request.setAttribute("title", "the request's");

        page.setAttribute("title", "the page's");
        assertThat(page.getAttribute("title")).isEqualTo("the page's");
        page.setAttribute("title", "the request's");
        assertThat(page.getAttribute("title")).isEqualTo("the request's");
        assertThat(request.getAttribute("title")).isEqualTo("the request's");
    }

    @Test
    void a_removed_or_nulled_attribute_is_gone_for_the_page_even_when_the_request_has_it() {
        request.setAttribute("a", "kept by the request");
        request.setAttribute("b", "kept by the request");

        page.removeAttribute("a");
        page.setAttribute("b", null);

        assertThat(page.getAttribute("a")).isNull();
        assertThat(page.getAttribute("b")).isNull();
        assertThat(Collections.list(page.getAttributeNames())).doesNotContain("a", "b");
        assertThat(request.getAttribute("a")).isEqualTo("kept by the request");
        page.setAttribute("a", "again");
        assertThat(page.getAttribute("a")).isEqualTo("again");
    }

    @Test
    void the_names_are_the_requests_and_the_pages() {
        request.setAttribute("fromRequest", 1);
        page.setAttribute("fromPage", 2);

        assertThat(Collections.list(page.getAttributeNames())).contains("fromRequest", "fromPage");
    }
}
