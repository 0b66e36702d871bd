package com.personnelevents.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per client address: after {@code limit} of them within {@code window}
 * (counted from the address's first failure), the address is refused until the window ends, whatever
 * token it brings. Buckets live in a bounded cache, so a flood of addresses costs bounded memory; an
 * address pushed out early only gets its attempts back. Counts are per instance.
 */
@Component
class FailedAuthentications {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthentications.class);

    private final long limit;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    private final Counter failures;
    private final Counter refusals;

    FailedAuthentications(
            @Value("${personnel-events.failed-authentication.limit:20}") long limit,
            @Value("${personnel-events.failed-authentication.window:1m}") Duration window,
            @Value("${personnel-events.failed-authentication.tracked-addresses:100000}") long trackedAddresses,
            Clock clock,
            MeterRegistry metrics) {
        this.limit = limit;
        this.window = window;
        this.failures = Counter.builder("personnel.events.authentication.failures")
                .description("Requests whose token was refused (unknown, revoked or expired)")
                .register(metrics);
        this.refusals = Counter.builder("personnel.events.authentication.blocked")
                .description("Requests refused with 429 because their address failed authentication too often")
                .register(metrics);
        // The application's clock, so that tests move time instead of waiting out a window.
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
                .maximumSize(trackedAddresses)
                .expireAfterAccess(window)
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** How long {@code address} must wait before it may try again, if it has used up its attempts. */
    Optional<Duration> blockedFor(String address) {
        Bucket bucket = buckets.getIfPresent(client(address));
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        refusals.increment();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(nanos));
    }

    void record(String address) {
        failures.increment();
        Bucket bucket = buckets.get(client(address), a -> newBucket());
        if (bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens() == 0) {
            // Once per address and window: the address is what an operator needs to act on.
            log.warn(
                    "{} failed authentications from {} within {}; refusing it until the window ends",
                    limit,
                    address,
                    window);
        }
    }

    /**
     * Who is counted: an IPv4 address, or an IPv6 address's /64 network, since one IPv6 client usually
     * holds a whole /64 and could otherwise take a fresh address for every guess.
     */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // an IPv4-mapped address
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, window))
                .withCustomTimePrecision(time)
                .build();
    }
}
