package com.personnelevents.auth;

import com.personnelevents.web.ErrorWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Opaque bearer tokens checked against the token table on every request (so a revocation holds at
 * once on every instance), and scopes mapped to the endpoints they open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig implements WebMvcConfigurer {

    static final String UNAUTHORIZED_MESSAGE = "Invalid or expired authentication token";

    /** A token whose scopes, or a person whose roles, do not open the endpoint. */
    static final String FORBIDDEN_MESSAGE = "This token's scopes do not allow this request";

    static {
        // The caller is resolved from the token (CallerResolver), not sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * No observations of the filter chain, authentication and authorization: they measured a tenth of a
     * request's CPU in the benchmark and feed no tracing here. Requests are still timed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** What the API's chain serves: the API, the actuator, the API documents and the error page. */
    static final String[] API_PATHS = {
        "/api/**",
        "/actuator/**",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, OpaqueTokenIntrospector introspector, ErrorWriter errors, FailedAuthentications failures)
            throws Exception {
        // A token that was presented and refused counts (unknown, revoked, expired: they look alike to the
        // client on purpose). A request without one guesses nothing: CORS preflights and a page's stray
        // requests through the same proxy must not lock the HR integration out.
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                failures.record(request.getRemoteAddr());
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            errors.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED_MESSAGE);
        };
        AccessDeniedHandler forbidden =
                (request, response, e) -> errors.write(response, HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN_MESSAGE);
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    SecurityHeaders.writers().forEach(headers::addHeaderWriter);
                })
                .addFilterBefore(
                        new FailedAuthenticationFilter(failures, errors), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // counts of offboardings and open requests per application are the bank's business
                        .requestMatchers("/actuator/prometheus")
                        .hasAuthority(Scope.METRICS_READ.authority())
                        .requestMatchers(
                                HttpMethod.POST, "/api/personnel-events/*/approve", "/api/personnel-events/*/reject")
                        .hasAuthority(Scope.EVENTS_APPROVE.authority())
                        // whose vote it is, the workflow knows: anyone who may respond to a step
                        .requestMatchers(HttpMethod.POST, "/api/personnel-events/*/reset-vote")
                        .hasAnyAuthority(Scope.EVENTS_APPROVE.authority(), Scope.EVENTS_VERIFY.authority())
                        // which scope completes a stage depends on the stage: checked by the workflow service
                        .requestMatchers(HttpMethod.POST, "/api/personnel-events/*/stages/*/complete")
                        .hasAnyAuthority(Scope.EVENTS_PROVISION.authority(), Scope.EVENTS_VERIFY.authority())
                        // an offboarding needs events:approve for these, other events events:write: checked by
                        // the workflow service, which knows the event's type
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/personnel-events/*/cancel",
                                "/api/personnel-events/*/snooze",
                                "/api/personnel-events/*/reschedule")
                        .hasAnyAuthority(Scope.EVENTS_WRITE.authority(), Scope.EVENTS_APPROVE.authority())
                        .requestMatchers(HttpMethod.POST, "/api/personnel-events/**")
                        .hasAuthority(Scope.EVENTS_WRITE.authority())
                        .requestMatchers(HttpMethod.PUT, "/api/personnel-events/*/assignee")
                        .hasAuthority(Scope.EVENTS_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/personnel-events", "/api/personnel-events/**")
                        .hasAuthority(Scope.EVENTS_READ.authority())
                        .requestMatchers(
                                HttpMethod.POST, "/api/access-requests/*/complete", "/api/access-requests/*/reject")
                        .hasAuthority(Scope.EVENTS_PROVISION.authority())
                        // whether the person may keep what a refused removal leaves is an approver's decision
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/access-requests/*/retry",
                                "/api/access-requests/*/accept-exception")
                        .hasAuthority(Scope.EVENTS_APPROVE.authority())
                        // an application's people are named by its owners (access:write) or an administrator
                        .requestMatchers(HttpMethod.PUT, "/api/applications/*/responsibilities")
                        .hasAnyAuthority(Scope.ACCESS_WRITE.authority(), Scope.ADMIN.authority())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/applications/**",
                                "/api/access-models/**",
                                "/api/access-requests/**",
                                "/api/identities/*/access")
                        .hasAuthority(Scope.ACCESS_READ.authority())
                        .requestMatchers("/api/applications/**", "/api/access-models/**", "/api/identity-access")
                        .hasAuthority(Scope.ACCESS_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/identities", "/api/identities/**")
                        .hasAuthority(Scope.IDENTITIES_READ.authority())
                        .requestMatchers(HttpMethod.POST, "/api/identities")
                        .hasAuthority(Scope.IDENTITIES_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/settings", "/api/me", "/api/me/**")
                        .authenticated()
                        .requestMatchers("/api/me/tokens", "/api/me/tokens/**")
                        .authenticated()
                        .requestMatchers(
                                "/api/settings",
                                "/api/roles",
                                "/api/tokens",
                                "/api/tokens/**",
                                "/api/audit-trail/**",
                                "/api/admin-activity")
                        .hasAuthority(Scope.ADMIN.authority())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Spring Security's strict firewall, its character rules for header and parameter names and header values
     * checked without its regular expressions ({@link FirewallCharacters}); everything else as it is by
     * default.
     */
    @Bean
    static HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedHeaderValue);
        firewall.setAllowedParameterNames(FirewallCharacters::isAllowedName);
        return firewall;
    }

    /** A URL the firewall refuses (";", "//", encoded dots) in the envelope, with the security headers. */
    @Bean
    RequestRejectedHandler rejectedRequests(ErrorWriter errors) {
        List<HeaderWriter> headers = SecurityHeaders.writers();
        return (request, response, e) -> {
            headers.forEach(header -> header.writeHeaders(request, response));
            errors.write(response, HttpStatus.BAD_REQUEST, "validation_error", "The request could not be processed");
        };
    }

    @Bean
    OpaqueTokenIntrospector tokenIntrospector(TokenService tokens) {
        return token -> tokens.authenticate(token)
                .map(CallerPrincipal::new)
                .orElseThrow(() -> new BadOpaqueTokenException(UNAUTHORIZED_MESSAGE));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignedInModel()).excludePathPatterns(API_PATHS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    /** Lets controllers take the {@link Caller} as a parameter. */
    private static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Caller resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            // a person signed in to the pages
            Object person = request.getAttribute(SignInConfig.CALLER, NativeWebRequest.SCOPE_REQUEST);
            if (person instanceof Caller caller) {
                return caller;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof CallerPrincipal principal) {
                return principal.caller;
            }
            throw new IllegalStateException("An API caller was expected on an authenticated endpoint");
        }
    }

    private static final class CallerPrincipal implements OAuth2AuthenticatedPrincipal {

        private final Caller caller;
        private final List<GrantedAuthority> authorities;

        CallerPrincipal(Caller caller) {
            this.caller = caller;
            this.authorities = caller.scopes().stream()
                    .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority(scope.authority()))
                    .toList();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of("token_id", String.valueOf(caller.tokenId()), "name", caller.name());
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return authorities;
        }

        @Override
        public String getName() {
            return caller.name();
        }
    }
}
