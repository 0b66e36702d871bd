package com.personnelevents.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each person as last read ({@link PersonDirectory.Person}: whether their identity is Active, their name and
 * email), so that a request of a signed-in person or of a personal token does not read their identity again.
 * Safe only where every change reaches every instance at once ({@link ChangeNotices}: on PostgreSQL, while the
 * instance listens); otherwise every request reads it. Unlike tokens and accounts, which only the service
 * changes, identities change on many paths (imports, events, the scheduler) and may be changed by SQL from
 * outside, so the database announces each change itself: a trigger on {@code identity} (V20) sends {@code
 * NOTIFY personnel_events_identities} with the identity whenever its status, names or email change, whoever
 * changes it. The instance that changes one also forgets it when its transaction commits ({@link #changed}),
 * so that its own next request cannot be answered from what it kept.
 */
@Component
public class PersonCache {

    static final String CHANNEL = "personnel_events_identities";

    private final KeptPerIdentity<PersonDirectory.Person> kept;
    private final ChangeNotices notices;

    PersonCache(
            ChangeNotices notices,
            @Value("${personnel-events.person-cache.size:10000}") long size,
            @Value("${personnel-events.person-cache.ttl:10m}") Duration ttl) {
        this.notices = notices;
        this.kept = new KeptPerIdentity<>(notices, CHANNEL, size, ttl);
    }

    /** The person of the identity: kept while the cache can be trusted, else read (none is never kept). */
    Optional<PersonDirectory.Person> of(UUID identityId, Function<UUID, Optional<PersonDirectory.Person>> read) {
        return Optional.ofNullable(kept.of(identityId, id -> read.apply(id).orElse(null)));
    }

    /**
     * The identity was changed in this transaction: this instance forgets it when the transaction commits (the
     * database's trigger tells the other instances).
     */
    public void changed(UUID identityId) {
        notices.forgetAtCommit(CHANNEL, identityId.toString());
    }

    /** Whether the identity's person is kept now (for tests). */
    boolean holds(UUID identityId) {
        return kept.holds(identityId);
    }

    /** Whether people are being kept now (for tests). */
    boolean isCaching() {
        return kept.isCaching();
    }
}
