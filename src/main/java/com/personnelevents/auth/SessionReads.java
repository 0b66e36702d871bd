package com.personnelevents.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One read of a page's session, not two. Spring Session reads the session when the page asks for it, saves
 * it when the response is committed (Thymeleaf's view flushes the page), forgets it, and at the end of the
 * request reads it again only to compare the id the browser sent (spring-projects/spring-session#1731): a
 * round trip of each page's eight. Within one request, a read of the session this request has just saved
 * answers with that session, as the database would. The read that
 * decides who the person is always goes to the database: it comes before any save. So do all reads outside
 * a request that {@link Scope} wraps (an error page's or an async dispatch), and a read after the request
 * deleted the session. The answer is the request's own session object, not a copy: in Spring Session 4.1 the
 * read after the save only decides whether the browser's id is still valid ({@code SessionReadsTest} counts
 * the reads with and without this).
 */
final class SessionReads {

    private SessionReads() {}

    /** The session the current request saved last; present only while {@link Scope} runs the request. */
    private static final ThreadLocal<Session[]> SAVED = new ThreadLocal<>();

    /**
     * Wraps Spring Session's filter (it must run before it, so that its end comes after the session's
     * save): the request's saved session is forgotten when the request ends.
     */
    static final class Scope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SAVED.set(new Session[1]);
            try {
                chain.doFilter(request, response);
            } finally {
                SAVED.remove();
            }
        }
    }

    /**
     * The repository as Spring Session's filter should see it: a proxy of its own class (so that everything
     * that asks for it by type, and its clean-up and shutdown, still get it), whose read of the session this
     * request has just saved answers with that session.
     */
    @SuppressWarnings("unchecked")
    static <R extends SessionRepository<?>> R readOnce(R sessions) {
        ProxyFactory proxy = new ProxyFactory(sessions);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new ReadOnce());
        return (R) proxy.getProxy(sessions.getClass().getClassLoader());
    }

    /** Around {@link SessionRepository}'s {@code save}, {@code findById} and {@code deleteById}. */
    private static final class ReadOnce implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation call) throws Throwable {
            Session[] saved = SAVED.get();
            if (saved == null || call.getArguments().length != 1) {
                return call.proceed();
            }
            Object argument = call.getArguments()[0];
            switch (call.getMethod().getName()) {
                case "findById" -> {
                    Session last = saved[0];
                    if (last != null && last.getId().equals(argument) && !last.isExpired()) {
                        return last;
                    }
                    return call.proceed();
                }
                case "save" -> {
                    Object result = call.proceed();
                    saved[0] = (Session) argument;
                    return result;
                }
                case "deleteById" -> {
                    saved[0] = null;
                    return call.proceed();
                }
                default -> {
                    return call.proceed();
                }
            }
        }
    }
}
