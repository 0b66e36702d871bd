package com.personnelevents.auth;

import com.personnelevents.workflow.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A named API token. Only the SHA-256 hash of its secret is ever stored. A personal token acts as the person
 * of {@code identityId}; an integration token (no identity) acts as itself and may stand in for roles.
 * {@code createdBy} is the person who created an integration token (null at the command line): the
 * separations of duties hold for what they do through it.
 */
record ApiToken(
        UUID id,
        String name,
        String hash,
        Set<Scope> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        UUID identityId,
        Set<Role> standsInFor,
        UUID createdBy) {

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    ApiToken usedAt(Instant at) {
        return new ApiToken(
                id, name, hash, scopes, createdAt, expiresAt, at, revokedAt, identityId, standsInFor, createdBy);
    }

    boolean isPersonal() {
        return identityId != null;
    }
}
