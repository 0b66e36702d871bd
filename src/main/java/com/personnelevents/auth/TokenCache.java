package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens as last read, by hash, so that a request does not look its token up in the database. Safe only
 * where every change of a token reaches every instance at once ({@link ChangeNotices}: on PostgreSQL, while
 * the instance listens); otherwise every request reads its token.
 */
@Component
class TokenCache {

    static final String CHANNEL = "personnel_events_tokens";

    private final Cache<String, ApiToken> byHash;
    private final ChangeNotices notices;

    TokenCache(
            ChangeNotices notices,
            @Value("${personnel-events.token-cache.size:10000}") long size,
            @Value("${personnel-events.token-cache.ttl:10m}") Duration ttl) {
        this.notices = notices;
        this.byHash =
                Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
        notices.register(CHANNEL, this::forget);
    }

    /** The token of this hash: cached while the cache can be trusted, else read. */
    Optional<ApiToken> find(String hash, Supplier<Optional<ApiToken>> read) {
        return Optional.ofNullable(
                notices.keptOrRead(byHash, hash, h -> read.get().orElse(null)));
    }

    /**
     * Keeps the token's new last use, so that it is not written again within the minute. Only the last use
     * changes in what is kept: the rest of {@code token} may have been read before a change that has been kept
     * since (a revocation read by another request), and must not bring back what that change ended.
     */
    void used(ApiToken token) {
        byHash.asMap().computeIfPresent(token.hash(), (h, kept) -> kept.usedAt(token.lastUsedAt()));
    }

    /**
     * A token changed (revoked, its stand-ins set): every instance forgets it when this transaction commits,
     * this one at once then, the others by the notice.
     */
    void changed(UUID tokenId) {
        notices.changed(CHANNEL, tokenId.toString());
    }

    private void forget(String tokenId) {
        UUID id = ChangeNotices.idOrNull(tokenId);
        if (id == null) {
            byHash.invalidateAll();
        } else {
            byHash.asMap().values().removeIf(t -> t.id().equals(id));
        }
    }

    /** Whether tokens are being cached now (for tests and health). */
    boolean isCaching() {
        return notices.trusted();
    }
}
