package com.personnelevents.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personnelevents.workflow.Role;
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

        @Schema(
                nullable = true,
                description = "A personal token's person: it acts as them; null for an integration token")
        UUID identityId,

        @Schema(description = "The roles an integration token stands in for")
        List<String> standsInFor,

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
                token.identityId(),
                token.standsInFor().stream().sorted().map(Role::apiName).toList(),
                secret);
    }
}
