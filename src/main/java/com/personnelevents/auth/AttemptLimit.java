package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Failed attempts counted per key (an address, an account): after {@code limit} of them within {@code
 * window} (counted from the key's first failure), the key is refused until the window ends. Buckets live in
 * a bounded cache, so a flood of keys costs bounded memory; a key pushed out early only gets its attempts
 * back. Counts are per instance. Time is the application's clock, so that tests move it instead of waiting.
 */
final class AttemptLimit {

    private final long limit;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    AttemptLimit(long limit, Duration window, long tracked, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(tracked)
                .expireAfterAccess(window)
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** How long {@code key} must wait before it may try again, if it has used up its attempts. */
    Optional<Duration> blockedFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts one failure; true when it used up the key's last attempt. */
    boolean record(String key) {
        Bucket bucket = buckets.get(key, k -> newBucket());
        return bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens() == 0;
    }

    /** Takes one attempt if the key has any left: false when it has used them all (refused). */
    boolean tryTake(String key) {
        return buckets.get(key, k -> newBucket()).tryConsume(1);
    }

    /** Gives an attempt back (the attempt succeeded). */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null && bucket.getAvailableTokens() < limit) {
            bucket.addTokens(1);
        }
    }

    long limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, window))
                .withCustomTimePrecision(time)
                .build();
    }
}
