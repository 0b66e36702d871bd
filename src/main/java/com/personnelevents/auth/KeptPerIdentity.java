package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a cache keeps per identity ({@link AccountCache}, {@link PersonCache}): up to {@code size} identities,
 * each for {@code ttl} at most, forgotten when a notice on the cache's channel names it (all of them for a
 * notice that names none), and kept only while {@link ChangeNotices} can be trusted.
 */
final class KeptPerIdentity<V> {

    private final Cache<UUID, V> byIdentity;
    private final ChangeNotices notices;

    KeptPerIdentity(ChangeNotices notices, String channel, long size, Duration ttl) {
        this.notices = notices;
        this.byIdentity =
                Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
        notices.register(channel, this::forget);
    }

    /** The identity's value: kept while the cache can be trusted, else read (null: nothing, never kept). */
    V of(UUID identityId, Function<UUID, V> read) {
        return notices.keptOrRead(byIdentity, identityId, read);
    }

    private void forget(String identityId) {
        UUID id = ChangeNotices.idOrNull(identityId);
        if (id == null) {
            byIdentity.invalidateAll();
        } else {
            byIdentity.invalidate(id);
        }
    }

    /** Whether the identity's value is kept now (for tests). */
    boolean holds(UUID identityId) {
        return byIdentity.getIfPresent(identityId) != null;
    }

    /** Whether values are being kept now (for tests). */
    boolean isCaching() {
        return notices.trusted();
    }
}
