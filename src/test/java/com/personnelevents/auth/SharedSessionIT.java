package com.personnelevents.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.SecondInstance;
import com.personnelevents.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions live in the database: a person signed in on one instance is signed in on every other (behind a
 * load balancer) and after a restart; signing out on one signs them out everywhere.
 */
class SharedSessionIT extends PeopleTest {

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Autowired
    private SessionRepository<? extends Session> sessions;

    @Autowired
    private JdbcClient jdbc;

    /** What the read's count means is pinned by {@code SessionReadsTest}, with Spring Session's own filter. */
    @Test
    void the_sessions_a_page_reads_answer_the_read_after_a_save_from_the_request() {
        assertThat(AopUtils.isAopProxy(sessions)).isTrue();
        assertThat(((Advised) sessions).getAdvisors())
                .extracting(advisor -> advisor.getAdvice().getClass().getSimpleName())
                .contains("ReadOnce");
    }

    @Test
    void a_session_begun_on_one_instance_serves_the_person_on_another_and_ends_on_both() {
        Person grace = person("Grace", "Hopper", "Security Team");
        try (SecondInstance other = SecondInstance.start(url, username)) {
            WebSession session = signIn(grace);
            session.shareCookies(baseUrl(), other.baseUrl());

            WebSession.Page there = session.get(other.baseUrl() + "/account");
            assertThat(there.status()).isEqualTo(200);
            assertThat(there.body()).contains("Hopper, Grace");

            WebSession.Page out = session.postForm(other.baseUrl() + "/logout", Map.of());
            assertThat(out.location()).endsWith("/login?signedOut");
            session.shareCookies(other.baseUrl(), baseUrl());
            assertThat(session.get(baseUrl() + "/account").status()).isEqualTo(302);
        }
    }

    @Test
    void a_session_outlives_the_instance_that_began_it() {
        Person grace = person("Grace", "Hopper");
        WebSession session = new WebSession();
        String first;
        try (SecondInstance before = SecondInstance.start(url, username)) {
            first = before.baseUrl();
            assertThat(session.signInAs(first, grace.email(), PASSWORD).status())
                    .isEqualTo(302);
        }
        try (SecondInstance after = SecondInstance.start(url, username)) {
            session.shareCookies(first, after.baseUrl());

            WebSession.Page page = session.get(after.baseUrl() + "/account");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Hopper, Grace");
        }
    }

    /** E.g. the first pages after sign-in, each of which makes the session's new CSRF token. */
    @Test
    void two_requests_of_one_session_may_both_add_the_same_attribute() {
        String last = bothAdd(sessions);

        assertThat(last).isEqualTo("second");
    }

    private static <S extends Session> String bothAdd(SessionRepository<S> sessions) {
        S begun = sessions.createSession();
        sessions.save(begun);
        S one = sessions.findById(begun.getId());
        S other = sessions.findById(begun.getId());
        one.setAttribute("token", "first");
        other.setAttribute("token", "second");
        sessions.save(one);
        sessions.save(other);
        return sessions.findById(begun.getId()).getAttribute("token");
    }

    /** A page a minute would otherwise be a write, and a commit, for every page a person opens. */
    @Test
    void a_session_used_again_within_a_minute_keeps_its_stored_last_access() {
        Instant begun = Instant.now();

        Instant stored = touch(sessions, begun, begun.plusSeconds(59), null);

        assertThat(stored).isEqualTo(begun.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void a_session_used_a_minute_later_stores_its_last_access_and_so_its_expiry() {
        Instant begun = Instant.now();

        Instant stored = touch(sessions, begun, begun.plusSeconds(60), null);

        assertThat(stored).isEqualTo(begun.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(storedExpiry()).isEqualTo(stored.plus(Duration.ofMinutes(30)).toEpochMilli());
    }

    @Test
    void a_session_whose_timeout_changes_is_stored_at_once() {
        Instant begun = Instant.now();

        Instant stored = touch(sessions, begun, begun.plusSeconds(1), Duration.ofMinutes(5));

        assertThat(stored).isEqualTo(begun.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(storedExpiry()).isEqualTo(stored.plus(Duration.ofMinutes(5)).toEpochMilli());
    }

    /** Begins a session at {@code begun}, uses it again at {@code again}: the last access then stored. */
    private <S extends Session> Instant touch(
            SessionRepository<S> sessions, Instant begun, Instant again, Duration newTimeout) {
        S session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(begun);
        sessions.save(session);
        S used = sessions.findById(session.getId());
        used.setLastAccessedTime(again);
        if (newTimeout != null) {
            used.setMaxInactiveInterval(newTimeout);
        }
        sessions.save(used);
        lastSession = session.getId();
        return Instant.ofEpochMilli(jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
                .param(session.getId())
                .query(Long.class)
                .single());
    }

    private String lastSession;

    private long storedExpiry() {
        return jdbc.sql("SELECT EXPIRY_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
                .param(lastSession)
                .query(Long.class)
                .single();
    }
}
