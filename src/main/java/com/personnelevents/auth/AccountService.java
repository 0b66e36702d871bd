package com.personnelevents.auth;

import com.personnelevents.audit.AdminTrail;
import com.personnelevents.db.Sha256;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: local accounts (created at the command line, passwords kept only as the password
 * encoder's hashes) and the accounts OpenID Connect providers vouch for; and who a person is when they
 * act: their identity, name, the roles their groups give them, and what those open.
 */
@Service
public class AccountService {

    /** Long enough to resist guessing; bcrypt reads no more than 72 bytes. */
    static final int PASSWORD_MIN = 12;

    static final int PASSWORD_MAX_BYTES = 72;

    private final AccountRepository accounts;
    private final PersonDirectory directory;
    private final PersonCache people;
    private final RoleMapping roleMapping;
    private final PasswordEncoder passwords;
    private final AdminTrail adminTrail;
    private final Clock clock;
    private final java.time.Duration providerGroupsLast;
    /** The hash of a random secret: checked against when a login is unknown, so that both take as long. */
    private final String unknownLoginHash;

    AccountService(
            AccountRepository accounts,
            PersonDirectory directory,
            PersonCache people,
            RoleMapping roleMapping,
            PasswordEncoder passwords,
            AdminTrail adminTrail,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${personnel-events.oidc.groups-last:12h}")
                    java.time.Duration providerGroupsLast) {
        this.providerGroupsLast = providerGroupsLast;
        this.accounts = accounts;
        this.directory = directory;
        this.people = people;
        this.roleMapping = roleMapping;
        this.passwords = passwords;
        this.adminTrail = adminTrail;
        this.clock = clock;
        this.unknownLoginHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** A local account for the identity with this email; the password is kept only as its hash. */
    @Transactional
    public AccountView createLocal(String email, Collection<String> groups, String password, String author) {
        Violations violations = new Violations();
        String login = violations.requiredText("--email", email, 256, "Email");
        Set<String> checkedGroups = groups(groups, violations);
        checkPassword(password, violations);
        violations.throwIfAny();
        PersonDirectory.Person person = onePersonWithEmail(login);
        String key = login.trim().toLowerCase(Locale.ROOT);
        if (accounts.find(Account.LOCAL, key).isPresent()) {
            throw new ConflictException("A local account for " + key + " already exists");
        }
        Instant now = clock.instant();
        Account account = new Account(
                UUID.randomUUID(),
                person.id(),
                Account.LOCAL,
                key,
                passwords.encode(password),
                checkedGroups,
                now,
                null,
                null);
        accounts.insert(account, now);
        adminTrail.record(
                author,
                "Account created",
                "Account " + key + " of " + person.name() + " (" + person.id() + ")",
                "Local account, groups " + checkedGroups);
        return view(account, person);
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return accounts.findAll().stream()
                .map(a -> view(a, directory.person(a.identityId()).orElse(null)))
                .toList();
    }

    /** Disables the account; a person left with no enabled account can no longer act through their tokens. */
    @Transactional
    public void disable(String email, String author) {
        Account account = local(email);
        if (accounts.disable(account, clock.instant())) {
            adminTrail.record(author, "Account disabled", "Account " + account.login(), "Disabled");
        }
    }

    @Transactional
    public void setPassword(String email, String password, String author) {
        Violations violations = new Violations();
        checkPassword(password, violations);
        violations.throwIfAny();
        Account account = local(email);
        accounts.setPassword(account.id(), passwords.encode(password), clock.instant());
        adminTrail.record(author, "Password set", "Account " + account.login(), "Password changed");
    }

    @Transactional
    public AccountView setGroups(String email, Collection<String> groups, String author) {
        Violations violations = new Violations();
        Set<String> checked = groups(groups, violations);
        violations.throwIfAny();
        Account account = local(email);
        accounts.replaceGroups(account, checked);
        adminTrail.record(author, "Groups changed", "Account " + account.login(), account.groups() + " → " + checked);
        return view(
                accounts.findById(account.id()).orElseThrow(),
                directory.person(account.identityId()).orElse(null));
    }

    /**
     * The local account a password signs in to, if it does and its identity is Active. Empty for an unknown
     * login and a wrong password alike (the caller counts both as a failure).
     */
    @Transactional
    public Optional<SignedInPerson> signInLocal(String email, String password) throws InactivePersonException {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(Account.LOCAL, email.trim().toLowerCase(Locale.ROOT));
        if (account.isEmpty()) {
            passwords.matches(password, unknownLoginHash); // the same work as for a known login
            return Optional.empty();
        }
        if (account.get().passwordHash() == null
                || !passwords.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(signIn(account.get()));
    }

    /**
     * The person an OpenID Connect provider vouched for. The account is bound to the provider's own id of the
     * person ({@code subject}, the ID token's {@code sub}): once linked, it signs in as the identity it was
     * linked to, whatever the claims say later. The first time, it is linked to the one identity whose email is
     * the claim's value ({@code claimValue}), which must be Active; its groups are refreshed from the groups
     * claim at every sign-in. Group names longer than a group may be are left out.
     */
    @Transactional
    public SignedInPerson signInWithProvider(
            String provider, String subject, String claimValue, boolean vouched, Collection<String> groups)
            throws InactivePersonException {
        if (subject == null || subject.isBlank()) {
            throw new InactivePersonException("The identity provider did not say who you are");
        }
        Set<String> cleaned = new LinkedHashSet<>();
        groups.stream()
                .filter(g -> g != null && !g.isBlank() && g.trim().length() <= RoleMapping.GROUP_MAX)
                .map(String::trim)
                .forEach(cleaned::add);
        Instant now = clock.instant();
        String login = subject.length() > 256 ? Sha256.hex(subject) : subject;
        Account account = accounts.find(provider, login).orElse(null);
        if (account == null) {
            if (claimValue == null || claimValue.isBlank()) {
                throw new InactivePersonException("The identity provider did not say who you are");
            }
            if (!vouched) {
                throw new InactivePersonException("The identity provider has not verified your email address; ask"
                        + " it to, or sign in with a local account");
            }
            String key = claimValue.trim().toLowerCase(Locale.ROOT);
            List<PersonDirectory.Person> people = directory.byEmail(key);
            if (people.size() != 1) {
                throw new InactivePersonException(shorten(key)
                        + (people.isEmpty()
                                ? " is not a person known to Personnel Events"
                                : " names several people in Personnel Events; ask an administrator to correct"
                                        + " their emails"));
            }
            account =
                    new Account(UUID.randomUUID(), people.get(0).id(), provider, login, null, cleaned, now, null, null);
            accounts.insert(account, now);
        } else {
            accounts.replaceGroups(account, cleaned);
            account = accounts.findById(account.id()).orElseThrow();
        }
        return signIn(account);
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private SignedInPerson signIn(Account account) throws InactivePersonException {
        if (!account.isEnabled()) {
            throw new InactivePersonException("This account is disabled");
        }
        PersonDirectory.Person person = directory
                .person(account.identityId())
                .filter(PersonDirectory.Person::active)
                .orElseThrow(() -> new InactivePersonException("Your identity is not active in Personnel Events"));
        accounts.signedIn(account, clock.instant());
        return new SignedInPerson(account.id(), person.id(), person.name());
    }

    /**
     * Who a signed-in person is now: their account still enabled and their identity still Active, with the
     * roles their groups give them today. Empty when they may no longer act. Read on every request of a
     * signed-in person, in autocommit: the accounts ({@link AccountCache}), then the identity ({@link
     * PersonCache}), each kept while every change of it reaches this instance at once.
     */
    public Optional<Caller> callerFor(SignedInPerson signedIn) {
        return accounts.actingOf(signedIn.identityId()).stream()
                .filter(a -> a.id().equals(signedIn.accountId()) && a.enabled())
                .findFirst()
                .flatMap(a -> person(null, signedIn.identityId(), roleMapping.rolesOf(a.groups()), null));
    }

    /**
     * A person acting through a personal token: with an enabled account (a person whose accounts are all
     * disabled acts through none of their tokens) and Active, with their roles; what they may do is what their
     * roles open, narrowed to the token's scopes. In autocommit, as for a signed-in person.
     */
    Optional<Caller> callerFor(UUID tokenId, UUID identityId, Set<Scope> tokenScopes) {
        List<AccountRepository.Acting> acting = accounts.actingOf(identityId);
        if (acting.stream().noneMatch(AccountRepository.Acting::enabled)) {
            return Optional.empty();
        }
        return person(tokenId, identityId, roleMapping.rolesOf(groupsOf(acting)), tokenScopes);
    }

    private Optional<Caller> person(UUID tokenId, UUID identityId, Set<Role> roles, Set<Scope> narrowTo) {
        return people.of(identityId, directory::person)
                .filter(PersonDirectory.Person::active)
                .map(person -> {
                    Set<Scope> scopes = PersonScopes.of(roles);
                    if (narrowTo != null) {
                        scopes.retainAll(narrowTo);
                    }
                    return Caller.person(tokenId, identityId, person.name(), scopes, roles);
                });
    }

    /** Whether the person has an account that is not disabled (without one, no personal token acts). */
    public boolean hasEnabledAccount(UUID identityId) {
        return accounts.actingOf(identityId).stream().anyMatch(AccountRepository.Acting::enabled);
    }

    /** The groups behind the roles, for "why do I hold this role". */
    public Set<String> groupsOf(UUID identityId) {
        return groupsOf(accounts.actingOf(identityId));
    }

    /**
     * The groups of these accounts that count now: an enabled local account's, and an enabled provider
     * account's as long as the person signed in there recently (its groups are refreshed only then).
     */
    private Set<String> groupsOf(List<AccountRepository.Acting> acting) {
        Instant providerSince = clock.instant().minus(providerGroupsLast);
        Set<String> groups = new TreeSet<>();
        acting.stream()
                .filter(a -> a.enabled()
                        && (a.isLocal()
                                || (a.lastSignInAt() != null
                                        && !a.lastSignInAt().isBefore(providerSince))))
                .forEach(a -> groups.addAll(a.groups()));
        return groups;
    }

    /** The one identity with this email, for a person named at the command line. */
    @Transactional(readOnly = true)
    public PersonDirectory.Person onePersonWithEmail(String email) {
        List<PersonDirectory.Person> people = directory.byEmail(email.trim());
        if (people.isEmpty()) {
            throw new NotFoundException("No identity has the email " + email.trim() + "; import the person first");
        }
        if (people.size() > 1) {
            throw new ConflictException(people.size() + " identities have the email " + email.trim()
                    + "; give each person an email of their own first");
        }
        return people.get(0);
    }

    /** How sign-ins, failed ones and sign-outs are named in the administrative trail. */
    public void recordSignIn(SignedInPerson person, String how) {
        adminTrail.record(
                Actor.person(person.identityId(), person.name()), "Signed in", "Account of " + person.name(), how);
    }

    public void recordSignOut(SignedInPerson person) {
        adminTrail.record(
                Actor.person(person.identityId(), person.name()),
                "Signed out",
                "Account of " + person.name(),
                "Signed out");
    }

    public void recordFailedSignIn(String login, String address, String why) {
        String shown = login == null ? "" : shorten(login);
        adminTrail.record("Sign-in page", "Sign-in failed", "Login " + shown, why + " (from " + address + ")");
    }

    private Account local(String email) {
        if (email == null || email.isBlank()) {
            throw ValidationException.of("--email", "Email is required");
        }
        String key = email.trim().toLowerCase(Locale.ROOT);
        return accounts.find(Account.LOCAL, key)
                .orElseThrow(() -> new NotFoundException("No local account for " + key));
    }

    private static Set<String> groups(Collection<String> groups, Violations violations) {
        Set<String> checked = new LinkedHashSet<>();
        if (groups == null) {
            return checked;
        }
        for (String group : groups) {
            String name = violations.text("--groups", group, RoleMapping.GROUP_MAX, "Group");
            if (name != null && !name.isBlank()) {
                checked.add(name.trim());
            }
        }
        return checked;
    }

    private static void checkPassword(String password, Violations violations) {
        if (password == null || password.isEmpty()) {
            violations.add("password", "A password is required");
        } else if (password.length() < PASSWORD_MIN) {
            violations.add("password", "A password must have at least " + PASSWORD_MIN + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            violations.add("password", "A password must have at most " + PASSWORD_MAX_BYTES + " bytes");
        }
    }

    private static AccountView view(Account account, PersonDirectory.Person person) {
        return new AccountView(
                account.id(),
                account.provider(),
                account.login(),
                account.identityId(),
                person == null ? null : person.name(),
                List.copyOf(account.groups()),
                account.isEnabled(),
                person != null && person.active(),
                account.lastSignInAt());
    }

    /** A person who may not sign in (or no longer act): the message says why, for them. */
    public static final class InactivePersonException extends Exception {

        public InactivePersonException(String message) {
            super(message);
        }
    }

    /** An account as the command line and the API list it. */
    public record AccountView(
            UUID id,
            String provider,
            String login,
            UUID identityId,
            String name,
            List<String> groups,
            boolean enabled,
            boolean identityActive,
            Instant lastSignInAt) {}
}
