package com.personnelevents.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A token as listed; {@code token}, the secret, is present only in the answer that created it. */
public record TokenView(
        UUID id,
        String name,
        List<Scope> scopes,
        Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    static TokenView of(ApiToken token, String secret) {
        return new TokenView(
                token.id(),
                token.name(),
                token.scopes().stream().sorted().toList(),
                token.createdAt(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.revokedAt(),
                secret);
    }
}
