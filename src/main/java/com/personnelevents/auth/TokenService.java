package com.personnelevents.auth;

import com.personnelevents.audit.AdminTrail;
import com.personnelevents.db.Sha256;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TokenService {

    static final String PREFIX = "pe_";
    private static final int SECRET_BYTES = 32;
    static final int NAME_MAX = 256;
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private final TokenRepository repository;
    private final TokenCache cache;
    private final AccountService accounts;
    private final AdminTrail adminTrail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Who is behind each actor id asked about, kept: it never changes (a token's creator is written when it is
     * created, and tokens are revoked, never deleted; a person's id is never a token's), so every instance may
     * keep its own without being told of anything. "My work" asked it of each event it checked, 40 statements
     * a page.
     */
    private final com.github.benmanes.caffeine.cache.Cache<UUID, Optional<UUID>> behind =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .build();

    TokenService(
            TokenRepository repository, TokenCache cache, AccountService accounts, AdminTrail adminTrail, Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.accounts = accounts;
        this.adminTrail = adminTrail;
        this.clock = clock;
    }

    /** Who changes tokens at the command line, as the administrative trail names them. */
    public static final String COMMAND_LINE = "Command line";

    /** A token created at the command line ({@link #create(TokenRequest, String)}). */
    @Transactional
    public TokenView create(TokenRequest request) {
        return create(request, new Actor(Actor.Kind.SYSTEM, null, COMMAND_LINE));
    }

    /**
     * A personal token of the person with this email, created at the command line: it acts as them, with
     * what their roles open narrowed to its scopes, as long as they have an enabled account.
     */
    @Transactional
    public TokenView createPersonal(String email, TokenRequest request) {
        PersonDirectory.Person person = accounts.onePersonWithEmail(email);
        if (!accounts.hasEnabledAccount(person.id())) {
            throw new com.personnelevents.failure.ConflictException(email.trim()
                    + " has no enabled account, and a personal token acts only for a person who has one; create"
                    + " one first (user create)");
        }
        return create(request, person.id(), new Actor(Actor.Kind.SYSTEM, null, COMMAND_LINE));
    }

    /**
     * A personal token a person creates for themselves. Through a token, only with scopes that token has: a
     * token never makes a wider one.
     */
    @Transactional
    public TokenView createPersonal(Caller person, TokenRequest request) {
        if (person.tokenId() != null && request.scopes() != null) {
            List<String> wider = request.scopes().stream()
                    .filter(value -> value != null
                            && Scope.parse(value)
                                    .filter(scope -> !person.has(scope))
                                    .isPresent())
                    .toList();
            if (!wider.isEmpty()) {
                throw ValidationException.of(
                        "scopes",
                        "A token creates tokens only with scopes it has itself; this one does not have "
                                + String.join(", ", wider));
            }
        }
        return create(request, person.identityId(), person.actor());
    }

    /**
     * Creates a token and returns it with its secret, which is not kept and cannot be shown again; the
     * administrative trail records who created it, its name and scopes (never its secret).
     */
    @Transactional
    public TokenView create(TokenRequest request, Actor author) {
        return create(request, null, author);
    }

    private TokenView create(TokenRequest request, UUID personal, Actor author) {
        Violations violations = new Violations();
        String name = violations.requiredText("name", request.name(), NAME_MAX, "Name");
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (request.scopes() == null || request.scopes().isEmpty()) {
            violations.add("scopes", "At least one scope is required (" + Scope.validValues() + ")");
        } else {
            for (String value : request.scopes()) {
                Optional<Scope> scope = value == null ? Optional.empty() : Scope.parse(value);
                if (scope.isEmpty()) {
                    violations.add("scopes", "Unknown scope '" + value + "'; valid scopes: " + Scope.validValues());
                } else {
                    scopes.add(scope.get());
                }
            }
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(request.expiresAt(), now, violations);
        Set<Role> standsInFor = standsInFor(request.standsInFor(), "standsInFor", personal != null, violations);
        violations.throwIfAny();

        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(
                UUID.randomUUID(),
                name,
                hash(secret),
                scopes,
                now,
                expiresAt,
                null,
                null,
                personal,
                standsInFor,
                personal == null ? personBehind(author) : null);
        repository.insert(token);
        adminTrail.record(
                author,
                "Token created",
                "Token " + name + " (" + token.id() + ")",
                (personal == null ? "Integration token" : "Personal token of identity " + personal) + ", scopes "
                        + scopes.stream().map(Scope::value).sorted().toList() + ", expires "
                        + (expiresAt == null ? "never" : expiresAt.toString())
                        + (standsInFor.isEmpty() ? "" : ", stands in for " + roleNames(standsInFor)));
        return TokenView.of(token, secret);
    }

    /**
     * Which roles an integration token's responses count for, once approval rules name roles; the
     * administrative trail records the change.
     */
    @Transactional
    public TokenView standInFor(UUID id, List<String> roles, Actor author) {
        Violations violations = new Violations();
        if (roles == null) {
            violations.add("roles", "Roles are required (an empty list: none)");
        }
        Set<Role> parsed = standsInFor(roles, "roles", false, violations);
        violations.throwIfAny();
        ApiToken token = repository.findById(id).orElseThrow(() -> new NotFoundException(notFound(id)));
        if (token.isPersonal()) {
            throw new ConflictException(
                    "Token " + id + " is a personal token: it acts as its person, with their roles");
        }
        repository.standInFor(id, parsed);
        cache.changed(id);
        adminTrail.record(
                author,
                "Token stands in",
                "Token " + token.name() + " (" + id + ")",
                "Stands in for " + roleNames(token.standsInFor()) + " → " + roleNames(parsed));
        return TokenView.of(repository.findById(id).orElseThrow(), null);
    }

    /** A person's own tokens. */
    @Transactional(readOnly = true)
    public List<TokenView> listPersonal(UUID identityId) {
        return repository.findByIdentity(identityId).stream()
                .map(t -> TokenView.of(t, null))
                .toList();
    }

    /** A person revokes one of their own tokens; another's is not theirs to see (404). */
    @Transactional
    public void revokePersonal(UUID id, Caller person) {
        ApiToken token = repository
                .findById(id)
                .filter(t -> person.identityId().equals(t.identityId()))
                .orElseThrow(() -> new NotFoundException(notFound(id)));
        revoke(token.id(), person.actor());
    }

    private static Set<Role> standsInFor(List<String> roles, String field, boolean personal, Violations violations) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles == null) {
            return parsed;
        }
        if (personal && !roles.isEmpty()) {
            violations.add(field, "A personal token acts as its person: it stands in for no role");
            return parsed;
        }
        for (int i = 0; i < roles.size(); i++) {
            Optional<Role> role = Role.parse(roles.get(i)).filter(Role::mayRespond);
            if (role.isEmpty()) {
                violations.add(field + "[" + i + "]", "Role must be one of: " + Role.validValues(true));
            } else {
                parsed.add(role.get());
            }
        }
        return parsed;
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::apiName).toList().toString();
    }

    private static String notFound(UUID id) {
        return "Token with id " + id + " not found";
    }

    @Transactional(readOnly = true)
    public List<TokenView> list() {
        return repository.findAll().stream().map(t -> TokenView.of(t, null)).toList();
    }

    /** The tokens page: 50 a page, the newest first, with the exact total (in one snapshot). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<TokenView> page(int page) {
        long offset = PageResponse.offset(page);
        return PageResponse.of(
                repository.page(offset).stream().map(t -> TokenView.of(t, null)).toList(), repository.count(), page);
    }

    /** At the command line ({@link #revoke(UUID, String)}). */
    @Transactional
    public void revoke(UUID id) {
        revoke(id, new Actor(Actor.Kind.SYSTEM, null, COMMAND_LINE));
    }

    /** Takes effect at once: the next request with the token is refused. Revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID id, Actor author) {
        if (repository.revoke(id, clock.instant())) {
            cache.changed(id);
            adminTrail.record(author, "Token revoked", "Token " + id, "Revoked");
        } else if (!repository.exists(id)) {
            throw new NotFoundException(notFound(id));
        }
    }

    /**
     * Revocation over the API, which keeps one usable admin token: revoking the last would leave nobody
     * able to administer the service but someone at its command line (which still may, to rotate it). The
     * usable tokens stay locked until the revocation commits, so two concurrent revocations cannot each
     * leave the other's token as the last.
     */
    @Transactional
    public void revokeKeepingAnAdministrator(UUID id, Actor author) {
        Instant now = clock.instant();
        List<ApiToken> admins = repository.lockUsable(now).stream()
                .filter(t -> !t.isPersonal() && t.scopes().contains(Scope.ADMIN))
                .toList();
        // a personal token with the admin scope acts only while its person holds Administrator: it keeps nothing
        if (admins.size() == 1 && admins.get(0).id().equals(id)) {
            throw new ConflictException(
                    "Token " + id + " is the last usable integration token with the admin scope; create "
                            + "another admin token first (or revoke it with 'token revoke' at the command line)");
        }
        revoke(id, author);
    }

    /**
     * The caller a bearer secret stands for, if it is a known token that is neither revoked nor expired (and,
     * for a personal token, whose person is still Active). Read on every API request, in autocommit: each
     * statement stands alone (the last use's write included), and a transaction around them cost a COMMIT
     * round trip per request of a personal token.
     */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        // The row is found by its hash, so what a timing attack could measure is the database comparing
        // hashes of guesses, which says nothing about a secret. Comparing the fetched hash again in
        // constant time costs nothing and keeps the check sound should the lookup ever change (say, by
        // a token id, with the secret's hash compared afterwards).
        Optional<ApiToken> token = cache.find(hash, () -> repository.findByHash(hash))
                .filter(t -> MessageDigest.isEqual(
                        t.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(t -> t.isUsableAt(now));
        // The last use is kept to the minute: most requests need no write.
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(t -> {
                    repository.touch(t.id(), now);
                    cache.used(t.usedAt(now));
                });
        if (token.isPresent() && token.get().isPersonal()) {
            ApiToken personal = token.get();
            return accounts.callerFor(personal.id(), personal.identityId(), Scope.granted(personal.scopes()));
        }
        return token.map(
                t -> Caller.token(t.id(), t.name(), Scope.granted(t.scopes()), t.standsInFor(), t.createdBy()));
    }

    /**
     * The person behind what {@code actorId} did, for the separations of duties: an integration token's
     * creator, or the id itself (a person).
     */
    public Optional<UUID> personBehind(UUID actorId) {
        if (actorId == null) {
            return Optional.empty();
        }
        return behind.get(actorId, repository::personBehind);
    }

    /** Who creates a token: a person, or a person's integration token (its creator); not the command line. */
    private UUID personBehind(Actor author) {
        return switch (author.kind()) {
            case PERSON -> author.id();
            case TOKEN -> repository.creatorOf(author.id()).orElse(null);
            default -> null;
        };
    }

    private static Instant expiry(String value, Instant now, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant expiresAt;
        try {
            expiresAt = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            expiresAt = null;
        }
        // ISO 8601 allows years past 9999, which the database's timestamp type does not hold.
        if (expiresAt == null || expiresAt.isAfter(LATEST_EXPIRY)) {
            violations.add("expiresAt", "Expiry must be a date (YYYY-MM-DD) or an ISO 8601 date and time");
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            violations.add("expiresAt", "Expiry must be in the future");
        }
        return expiresAt;
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
