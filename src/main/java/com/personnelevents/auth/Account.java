package com.personnelevents.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A way for a person to sign in, linked to their identity: a local account ({@link #LOCAL}: the email as
 * login, a password hash) or one an OpenID Connect provider vouches for (its registration id, and the claim
 * value that named the person). {@code groups} are a local account's own, or what the provider said at the
 * last sign-in; an administrator maps groups to roles.
 */
record Account(
        UUID id,
        UUID identityId,
        String provider,
        String login,
        String passwordHash,
        Set<String> groups,
        Instant createdAt,
        Instant lastSignInAt,
        Instant disabledAt) {

    static final String LOCAL = "local";

    Account {
        groups = Set.copyOf(groups);
    }

    boolean isEnabled() {
        return disabledAt == null;
    }
}
