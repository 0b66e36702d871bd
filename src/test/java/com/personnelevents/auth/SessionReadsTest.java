package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's own filter over {@link SessionReads}, over Spring Session's in-memory store, counting the
 * reads that reach the store.
 */
class SessionReadsTest {

    /** The in-memory store, with the reads that reached it counted. */
    static class Store implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, org.springframework.session.Session> held = new ConcurrentHashMap<>();
        final MapSessionRepository sessions = new MapSessionRepository(held);
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private final Store store = new Store();
    private final Store sessions = SessionReads.readOnce(store);

    /**
     * One request through the scope and Spring Session's filter to a servlet that does {@code work}, then
     * writes and flushes a page.
     */
    private MockHttpServletResponse request(String sessionId, Consumer<HttpServletRequest> work) throws Exception {
        return request(sessions, sessionId, work);
    }

    private MockHttpServletResponse request(Store repository, String sessionId, Consumer<HttpServletRequest> work)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/personnel-events");
        if (sessionId != null) {
            request.setCookies(new Cookie(
                    "SESSION",
                    java.util.Base64.getEncoder()
                            .encodeToString(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet page = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                work.accept(req);
                // as Thymeleaf's view does once the page is written: Spring Session saves the session then
                resp.getWriter().write("<html></html>");
                resp.flushBuffer();
            }
        };
        List<Filter> filters = List.of(new SessionReads.Scope(), new SessionRepositoryFilter<>(repository));
        new MockFilterChain(page, filters.toArray(Filter[]::new)).doFilter(request, response);
        return response;
    }

    private String signedIn() throws Exception {
        String[] id = new String[1];
        request(null, req -> {
            HttpSession session = req.getSession();
            session.setAttribute("person", "Martinez, Robert");
            id[0] = session.getId();
        });
        return id[0];
    }

    @Test
    void a_page_reads_its_session_from_the_store_once() throws Exception {
        String id = signedIn();
        store.reads.set(0);
        String[] seen = new String[1];

        MockHttpServletResponse response =
                request(id, req -> seen[0] = (String) req.getSession(false).getAttribute("person"));

        assertThat(seen[0]).isEqualTo("Martinez, Robert");
        assertThat(store.reads).hasValue(1);
        // the id the browser sent is still valid: no new cookie
        assertThat(response.getCookie("SESSION")).isNull();
    }

    @Test
    void without_it_spring_session_reads_a_pages_session_twice() throws Exception {
        String id = signedIn();
        store.reads.set(0);

        request(store, id, req -> req.getSession(false).getAttribute("person"));

        // spring-projects/spring-session#1731; once it is fixed, SessionReads can go
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void after_a_request_a_read_on_the_same_thread_goes_to_the_store_and_sees_a_session_ended_elsewhere()
            throws Exception {
        String id = signedIn();
        request(id, req -> req.getSession(false).setAttribute("page", "taskboard"));
        store.held.remove(id);
        store.reads.set(0);

        assertThat(sessions.findById(id)).isNull();
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void a_request_after_a_session_ended_elsewhere_finds_none() throws Exception {
        String id = signedIn();
        request(id, req -> req.getSession(false).setAttribute("page", "taskboard"));
        store.held.remove(id);
        Object[] seen = new Object[] {"not read"};

        request(id, req -> seen[0] = req.getSession(false));

        assertThat(seen[0]).isNull();
    }

    @Test
    void a_new_session_id_is_sent_after_the_id_changes() throws Exception {
        String id = signedIn();
        String[] changed = new String[1];

        MockHttpServletResponse response = request(id, req -> changed[0] = req.changeSessionId());

        assertThat(changed[0]).isNotEqualTo(id);
        assertThat(response.getCookie("SESSION")).isNotNull();
        assertThat(new String(
                        java.util.Base64.getDecoder()
                                .decode(response.getCookie("SESSION").getValue()),
                        java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(changed[0]);
    }

    @Test
    void a_session_saved_outside_a_request_is_read_from_the_store() {
        MapSession session = sessions.createSession();
        sessions.save(session);
        store.reads.set(0);

        assertThat(sessions.findById(session.getId())).isNotNull();
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void a_session_deleted_in_the_request_is_not_answered_from_memory() throws Exception {
        String id = signedIn();
        Object[] seen = new Object[] {"not read"};

        request(id, req -> {
            req.getSession(false).setAttribute("page", "taskboard");
            sessions.save((MapSession) store.findById(id));
            sessions.deleteById(id);
            seen[0] = sessions.findById(id);
        });

        assertThat(seen[0]).isNull();
    }
}
