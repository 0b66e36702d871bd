package com.personnelevents.auth;

import com.personnelevents.web.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an address that has failed authentication too often, before its token is looked up: a
 * flood of guesses then costs neither a hash nor a query each. Part of the security filter chain (not
 * a servlet filter of its own), so that its 429 carries the security headers.
 */
class FailedAuthenticationFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Too many failed authentication attempts from this address; retry later";

    private final FailedAuthentications failures;
    private final ErrorWriter errors;

    FailedAuthenticationFilter(FailedAuthentications failures, ErrorWriter errors) {
        this.failures = failures;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = failures.blockedFor(request.getRemoteAddr());
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            errors.write(response, HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A blocked address is refused on every path where it presents credentials (a token is checked
     * wherever it is sent, open paths included) and on the whole API. Health, metrics and the API
     * documents stay open to requests without a token: a load balancer's probes often come from the same
     * address as the traffic it forwards.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !request.getRequestURI().toLowerCase(Locale.ROOT).startsWith("/api/");
    }
}
