package com.personnelevents.auth;

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
 * listens); otherwise every request reads them. The identity (whether it is Active, the name) is kept apart,
 * by {@link PersonCache}.
 */
@Component
class AccountCache {

    static final String CHANNEL = "personnel_events_accounts";

    private final KeptPerIdentity<List<AccountRepository.Acting>> kept;
    private final ChangeNotices notices;

    AccountCache(
            ChangeNotices notices,
            @Value("${personnel-events.account-cache.size:10000}") long size,
            @Value("${personnel-events.account-cache.ttl:10m}") Duration ttl) {
        this.notices = notices;
        this.kept = new KeptPerIdentity<>(notices, CHANNEL, size, ttl);
    }

    /** The identity's accounts: kept while the cache can be trusted, else read. */
    List<AccountRepository.Acting> of(UUID identityId, Function<UUID, List<AccountRepository.Acting>> read) {
        return kept.of(identityId, read);
    }

    /**
     * An account of the identity changed (created, disabled, its groups or its last sign-in): every instance
     * forgets the identity's accounts when this transaction commits.
     */
    void changed(UUID identityId) {
        notices.changed(CHANNEL, identityId.toString());
    }

    /** Whether the identity's accounts are kept now (for tests). */
    boolean holds(UUID identityId) {
        return kept.holds(identityId);
    }

    /** Whether accounts are being kept now (for tests). */
    boolean isCaching() {
        return kept.isCaching();
    }
}
