package com.personnelevents.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A named API token. Only the SHA-256 hash of its secret is ever stored. */
record ApiToken(
        UUID id,
        String name,
        String hash,
        Set<Scope> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
