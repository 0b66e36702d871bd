package com.personnelevents.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a paged list ({@code fragments/paging :: paging}): the address being shown with another page
 * number, every filter in its query kept as sent. Only the query: a form posted to a list page (its fields,
 * its CSRF token) never ends up in a link. Each page's view has one, as {@code pageLinks}.
 */
public final class PageLinks {

    private final String path;
    private final String query;

    public PageLinks(HttpServletRequest request) {
        this.path = request.getRequestURI();
        this.query = request.getQueryString();
    }

    /** The current page's address with {@code page} as its page number. */
    public String to(int page) {
        // neither decoded nor encoded again: the path and query as the browser sent them, the page replaced
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
