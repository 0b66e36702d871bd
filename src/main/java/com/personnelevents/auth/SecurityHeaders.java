package com.personnelevents.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers a bank's scanner looks for, on every answer. One list, written by the security filter
 * chain and by the firewall's refusal of a malformed URL, which happens before the chain's filters run.
 */
final class SecurityHeaders {

    /** JSON needs no sources at all. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Swagger UI loads its own scripts, styles and images, and sets inline styles; no inline script, no eval. */
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The pages load their own scripts and styles only: no inline script or style, no eval; forms post to the
     * application itself.
     */
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private SecurityHeaders() {}

    /** The pages' headers: the same, with the pages' own Content-Security-Policy. */
    static List<HeaderWriter> pageWriters() {
        List<HeaderWriter> writers = new java.util.ArrayList<>(common());
        writers.add(new ContentSecurityPolicyHeaderWriter(PAGE_CSP));
        return writers;
    }

    static List<HeaderWriter> writers() {
        RequestMatcher swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        List<HeaderWriter> writers = new java.util.ArrayList<>(common());
        writers.add(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(swaggerUi), new ContentSecurityPolicyHeaderWriter(API_CSP)));
        writers.add(new DelegatingRequestMatcherHeaderWriter(
                swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)));
        return writers;
    }

    private static List<HeaderWriter> common() {
        // Sent over plain HTTP too: behind a TLS-terminating proxy the service may not know that the
        // client used HTTPS, and browsers ignore the header on an insecure connection anyway.
        HstsHeaderWriter hsts = new HstsHeaderWriter(
                AnyRequestMatcher.INSTANCE, Duration.ofDays(365).toSeconds(), true);
        CrossOriginResourcePolicyHeaderWriter resources = new CrossOriginResourcePolicyHeaderWriter();
        resources.setPolicy(CrossOriginResourcePolicy.SAME_ORIGIN);
        CrossOriginOpenerPolicyHeaderWriter opener = new CrossOriginOpenerPolicyHeaderWriter();
        opener.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
        return List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                hsts,
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
                new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY),
                resources,
                opener);
    }
}
