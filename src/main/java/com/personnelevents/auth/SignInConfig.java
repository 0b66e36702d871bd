package com.personnelevents.auth;

import com.personnelevents.db.Databases;
import com.personnelevents.web.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * People sign in to the pages: with a local account (email and password), or through each OpenID Connect
 * provider that is configured ({@code spring.security.oauth2.client.registration.*}). The session lives
 * in the database (Spring Session JDBC), so any instance serves any person and a restart signs nobody
 * out; its cookie is {@code HttpOnly}, {@code Secure} and {@code SameSite=Lax}; every form carries a CSRF
 * token. Who the person is, and what their roles are, is read again on every request ({@link
 * PersonCallerFilter}). The API keeps its own chain: stateless, bearer tokens only ({@link
 * SecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SignInConfig.OidcClaims.class)
class SignInConfig {

    /** Where a request's signed-in person is kept for the controllers ({@link Caller}). */
    static final String CALLER = SignInConfig.class.getName() + ".caller";

    /**
     * Which claims of each provider's ID token name the person and carry their groups: {@code
     * personnel-events.oidc.person-claim} (default {@code email}) and {@code .groups-claim} (default {@code
     * groups}), and per registration {@code personnel-events.oidc.registrations.<id>.person-claim} and so on.
     */
    @ConfigurationProperties("personnel-events.oidc")
    record OidcClaims(String personClaim, String groupsClaim, Map<String, Claims> registrations) {

        /** An email the provider has not verified names nobody: anyone could have typed it. */
        static final String EMAIL = "email";

        OidcClaims {
            personClaim = personClaim == null ? "email" : personClaim;
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
            registrations = registrations == null ? Map.of() : Map.copyOf(registrations);
        }

        String person(String registration) {
            Claims own = registrations.get(registration);
            return own != null && own.personClaim() != null ? own.personClaim() : personClaim;
        }

        String groups(String registration) {
            Claims own = registrations.get(registration);
            return own != null && own.groupsClaim() != null ? own.groupsClaim() : groupsClaim;
        }

        record Claims(String personClaim, String groupsClaim) {}
    }

    /**
     * Two requests of one session at once (a person's tabs, htmx's requests, the first pages after sign-in,
     * which each make the new CSRF token) may both add the same attribute; Spring Session's plain INSERT
     * made the second a 500. Added attributes are upserted: PostgreSQL with Spring Session's own statement,
     * H2 with its MERGE.
     *
     * <p>Spring Session stores a session's last access on every request: a write and a commit (a WAL flush
     * on PostgreSQL) for each page a person opens. The last access is stored when it
     * moved by a minute or more (or when anything else of the session changed), so a session may end up to
     * a minute before its timeout, never after it.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionWrites(DataSource dataSource) {
        if (Databases.isPostgres(dataSource)) {
            return sessions -> {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
                sessions.setUpdateSessionQuery("""
                        UPDATE %TABLE_NAME% S
                           SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
                               MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
                               PRINCIPAL_NAME = V.PRINCIPAL_NAME
                          FROM (""" + SESSION_VALUES + """
                        ) V
                         WHERE S.PRIMARY_ID = V.PRIMARY_ID AND""" + SESSION_CHANGED);
            };
        }
        return sessions -> {
            sessions.setCreateSessionAttributeQuery("""
                    MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                    KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""");
            sessions.setUpdateSessionQuery("""
                    MERGE INTO %TABLE_NAME% S USING (""" + SESSION_VALUES + """
                    ) V ON S.PRIMARY_ID = V.PRIMARY_ID
                    WHEN MATCHED AND""" + SESSION_CHANGED + """
                     THEN UPDATE SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
                         MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
                         PRINCIPAL_NAME = V.PRINCIPAL_NAME""");
        };
    }

    /**
     * Spring Session's statements run in autocommit. By default each ran in a transaction of its own, so a
     * page paid a {@code COMMIT} round trip for each read of the session (two a page then: Spring Session
     * reads it again after Thymeleaf's flush commits the response, spring-projects/spring-session#1731; one
     * since {@link SessionReads}) and one for the last access's update: 3 of the 13 round trips of a taskboard
     * page. A read is one statement (the
     * session joined with its attributes), and so are a sign-out's delete and the expired sessions' clean-up;
     * a save's statements (the session row, then each added, changed or removed attribute) are each whole
     * alone. Should a save fail between two of them, the session lacks an attribute or keeps one: the security
     * context (its person signs in again), the CSRF token (a new one), or passing state whose loss or leftover
     * is harmless (a flash message, the page to return to, an OIDC sign-in under way). The statements would
     * join a transaction open on the thread; none is where sessions are read and saved (filters, views).
     * Injected only where asked for by this name (Spring Session's configuration), so that nothing else takes
     * it for a transaction.
     */
    @Bean(defaultCandidate = false)
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations() {
        return TransactionOperations.withoutTransaction();
    }

    /**
     * The sessions as Spring Session's filter reads and saves them: a page's session is read once, not twice
     * ({@link SessionReads}). Static: a post-processor is made before the other beans.
     */
    @Bean
    static BeanPostProcessor pageSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? SessionReads.readOnce(sessions) : bean;
            }
        };
    }

    /**
     * The request's scope of {@link #pageSessions}: wraps Spring Session's filter, wherever Boot's property
     * puts it.
     */
    @Bean
    FilterRegistrationBean<SessionReads.Scope> sessionReadsScope(
            @Value("${spring.session.servlet.filter-order:" + SessionRepositoryFilter.DEFAULT_ORDER + "}")
                    int sessionFilterOrder) {
        FilterRegistrationBean<SessionReads.Scope> registration =
                new FilterRegistrationBean<>(new SessionReads.Scope());
        registration.setOrder(sessionFilterOrder - 1);
        return registration;
    }

    /** Spring Session's parameters of a session update, in its order. */
    private static final String SESSION_VALUES = """
            SELECT CAST(? AS VARCHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
                   CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
                   CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID""";

    private static final String SESSION_CHANGED = """
             (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
                OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000)""";

    @Bean
    @Order(2)
    SecurityFilterChain signIn(
            HttpSecurity http,
            AccountService accounts,
            SignInAttempts attempts,
            ObjectProvider<ClientRegistrationRepository> registrations,
            OidcClaims claims,
            FailedAuthentications failures,
            ErrorWriter errors)
            throws Exception {
        SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
        AuthenticationFailureHandler refused = (request, response, e) -> {
            request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, e);
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
        http.securityMatcher("/**")
                .headers(headers -> {
                    headers.defaultsDisabled();
                    SecurityHeaders.pageWriters().forEach(headers::addHeaderWriter);
                })
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .authenticationProvider(new LocalSignIn(accounts, attempts))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler((request, response, authentication) -> {
                            accounts.recordSignIn(((PersonAuthentication) authentication).person(), "Local account");
                            back.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(refused))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication instanceof PersonAuthentication person) {
                                accounts.recordSignOut(person.person());
                            }
                        })
                        .logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // an address that guessed tokens too often is refused here too (/API/… is no way around it)
                .addFilterBefore(new FailedAuthenticationFilter(failures, errors), LogoutFilter.class)
                .addFilterBefore(new PersonCallerFilter(accounts, contexts), AuthorizationFilter.class);
        if (registrations.getIfAvailable() != null) {
            // only with a provider configured: oauth2Login() without a registration stops start-up
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(user -> user.oidcUserService(new ProviderSignIn(accounts, claims)))
                    .successHandler((request, response, authentication) -> {
                        SignedInPerson person = ((PersonOidcUser) authentication.getPrincipal()).person();
                        // the session keeps who the person is; roles are read on each request
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(new PersonAuthentication(person));
                        SecurityContextHolder.setContext(context);
                        contexts.saveContext(context, request, response);
                        accounts.recordSignIn(person, "Identity provider " + registrationOf(request));
                        back.onAuthenticationSuccess(request, response, context.getAuthentication());
                    })
                    .failureHandler(refused));
        }
        return http.build();
    }

    private static String registrationOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** A signed-in person as the session keeps them; their roles are read on each request. */
    static final class PersonAuthentication extends AbstractAuthenticationToken {

        @Serial
        private static final long serialVersionUID = 1L;

        private final SignedInPerson person;

        PersonAuthentication(SignedInPerson person) {
            super(List.of());
            this.person = person;
            setAuthenticated(true);
        }

        SignedInPerson person() {
            return person;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return person;
        }

        @Override
        public String getName() {
            return person.accountId().toString();
        }
    }

    /**
     * A local account's sign-in: refused while the account or the address has failed too often; each
     * failure counted and recorded in the administrative trail.
     */
    static final class LocalSignIn implements AuthenticationProvider {

        private final AccountService accounts;
        private final SignInAttempts attempts;

        LocalSignIn(AccountService accounts, SignInAttempts attempts) {
            this.accounts = accounts;
            this.attempts = attempts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            String login = authentication.getName();
            String password = String.valueOf(authentication.getCredentials());
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : null;
            if (!attempts.tryAttempt(login, address)) {
                java.time.Duration wait = attempts.blockedFor(login, address).orElse(java.time.Duration.ofMinutes(1));
                throw new LockedException("Too many failed sign-ins; try again in "
                        + Math.max(1, (wait.toSeconds() + 59) / 60) + " minutes");
            }
            Optional<SignedInPerson> person;
            try {
                person = accounts.signInLocal(login, password);
            } catch (AccountService.InactivePersonException e) {
                accounts.recordFailedSignIn(login, address, e.getMessage());
                throw new DisabledException(e.getMessage());
            }
            if (person.isEmpty()) {
                accounts.recordFailedSignIn(login, address, "Wrong email or password");
                throw new BadCredentialsException("Wrong email or password");
            }
            attempts.succeeded(login, address);
            return new PersonAuthentication(person.get());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /**
     * The person an OpenID Connect provider vouches for: the claim that names them must be the email of one
     * Active identity; the groups claim gives their groups. Anyone else gets a refusal that says why.
     */
    static final class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService provider = new OidcUserService();
        private final AccountService accounts;
        private final OidcClaims claims;

        ProviderSignIn(AccountService accounts, OidcClaims claims) {
            this.accounts = accounts;
            this.claims = claims;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
            OidcUser user = provider.loadUser(request);
            String registration = request.getClientRegistration().getRegistrationId();
            String personClaim = claims.person(registration);
            Object named = user.getClaims().get(personClaim);
            Object groups = user.getClaims().get(claims.groups(registration));
            try {
                boolean vouched = !OidcClaims.EMAIL.equals(personClaim) || Boolean.TRUE.equals(user.getEmailVerified());
                SignedInPerson person = accounts.signInWithProvider(
                        registration,
                        user.getSubject(),
                        named == null ? null : named.toString(),
                        vouched,
                        groups(groups));
                return new PersonOidcUser(user, person);
            } catch (AccountService.InactivePersonException e) {
                accounts.recordFailedSignIn(
                        named == null ? "(unnamed)" : named.toString(), "provider " + registration, e.getMessage());
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied"), e.getMessage());
            }
        }

        private static List<String> groups(Object claim) {
            if (claim instanceof Collection<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return claim == null ? List.of() : List.of(String.valueOf(claim));
        }
    }

    /** The provider's user, with the person they are here; only for the moment of sign-in. */
    static final class PersonOidcUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final SignedInPerson person;

        PersonOidcUser(OidcUser user, SignedInPerson person) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.person = person;
        }

        SignedInPerson person() {
            return person;
        }
    }

    /**
     * Who the signed-in person is on this request: their account still enabled, their identity still Active,
     * their roles as their groups give them now. Someone who may no longer act is signed out at once.
     */
    static final class PersonCallerFilter extends OncePerRequestFilter {

        private final AccountService accounts;
        private final SecurityContextRepository contexts;

        PersonCallerFilter(AccountService accounts, SecurityContextRepository contexts) {
            this.accounts = accounts;
            this.contexts = contexts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof PersonAuthentication signedIn) {
                Optional<Caller> caller = accounts.callerFor(signedIn.person());
                if (caller.isPresent()) {
                    request.setAttribute(CALLER, caller.get());
                } else {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
