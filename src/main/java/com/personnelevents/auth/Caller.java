package com.personnelevents.auth;

import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who makes a request: an integration token (its scopes, and the roles its administrator lets it stand in
 * for), or a person, signed in or through a personal token (their identity, name and the roles their
 * groups give them; {@code scopes} are what those roles open, narrowed by a personal token's own scopes).
 * Services decide what a caller may see and do from this; the roles a person holds through facts
 * (supervisor, provision engineer, application manager) are looked up where they matter.
 *
 * @param tokenId the token the request came with; null for a signed-in person
 * @param identityId the person's identity; null for an integration token
 * @param roles a person's roles held through groups; the roles an integration token stands in for
 * @param createdBy the person who created an integration token (null at the command line or for a person)
 */
public record Caller(
        Kind kind, UUID tokenId, UUID identityId, String name, Set<Scope> scopes, Set<Role> roles, UUID createdBy) {

    public enum Kind {
        TOKEN,
        PERSON
    }

    public Caller {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    public static Caller token(UUID tokenId, String name, Set<Scope> scopes, Set<Role> standsInFor, UUID createdBy) {
        return new Caller(Kind.TOKEN, tokenId, null, name, scopes, standsInFor, createdBy);
    }

    public static Caller person(UUID tokenId, UUID identityId, String name, Set<Scope> scopes, Set<Role> roles) {
        return new Caller(Kind.PERSON, tokenId, identityId, name, scopes, roles, null);
    }

    /**
     * The person the separations of duties hold for: the person, or whoever created the integration token;
     * null for a token created at the command line.
     */
    public UUID personBehind() {
        return isPerson() ? identityId : createdBy;
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * Refuses (403) unless the caller has the scope: the API's door checks it for tokens and people alike; the
     * pages, which have no such door, call this.
     */
    public void require(Scope scope, String what) {
        if (!has(scope)) {
            throw new com.personnelevents.failure.ForbiddenException(what + " needs the " + scope.value()
                    + (isPerson() ? " scope, which your roles do not give" : " scope"));
        }
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** Who the audit trail and the duties name: the person, or the integration token. */
    public Actor actor() {
        return isPerson() ? Actor.person(identityId, name) : Actor.token(tokenId, name);
    }

    /**
     * Integration tokens see everything their scopes allow; people see everything when they hold Security
     * Team, Provision Team, Administrator or Reporting Only, and otherwise only what concerns them.
     */
    public boolean seesEverything() {
        return !isPerson() || roles.stream().anyMatch(Role::seesEverything);
    }

    /** The person whose view is narrowed ({@link #seesEverything()} is false); null when nothing is narrowed. */
    public UUID narrowedTo() {
        return seesEverything() ? null : identityId;
    }
}
