package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each identity's accounts as last read, with their groups ({@link AccountRepository.Acting}), so that a
 * request of a signed-in person or of a personal token does not read them again. Safe only where every change
 * of an account reaches every instance at once ({@link ChangeNotices}: on PostgreSQL, while the instance
 * listens); otherwise every request reads them. Whether the identity is Active is not kept: it is read on
 * every request.
 */
@Component
class AccountCache {

    static final String CHANNEL = "personnel_events_accounts";

    private final Cache<UUID, List<AccountRepository.Acting>> byIdentity;
    private final ChangeNotices notices;

    AccountCache(
            ChangeNotices notices,
            @Value("${personnel-events.account-cache.size:10000}") long size,
            @Value("${personnel-events.account-cache.ttl:10m}") Duration ttl) {
        this.notices = notices;
        this.byIdentity =
                Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
        notices.register(CHANNEL, this::forget);
    }

    /** The identity's accounts: kept while the cache can be trusted, else read. */
    List<AccountRepository.Acting> of(UUID identityId, Function<UUID, List<AccountRepository.Acting>> read) {
        return notices.keptOrRead(byIdentity, identityId, read);
    }

    /**
     * An account of the identity changed (created, disabled, its groups or its last sign-in): every instance
     * forgets the identity's accounts when this transaction commits.
     */
    void changed(UUID identityId) {
        notices.changed(CHANNEL, identityId.toString());
    }

    private void forget(String identityId) {
        UUID id = ChangeNotices.idOrNull(identityId);
        if (id == null) {
            byIdentity.invalidateAll();
        } else {
            byIdentity.invalidate(id);
        }
    }

    /** Whether the identity's accounts are kept now (for tests). */
    boolean holds(UUID identityId) {
        return byIdentity.getIfPresent(identityId) != null;
    }

    /** Whether accounts are being kept now (for tests). */
    boolean isCaching() {
        return notices.trusted();
    }
}
