package com.personnelevents.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
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

    private final AttemptLimit attempts;
    private final Counter failures;
    private final Counter refusals;

    FailedAuthentications(
            @Value("${personnel-events.failed-authentication.limit:20}") long limit,
            @Value("${personnel-events.failed-authentication.window:1m}") Duration window,
            @Value("${personnel-events.failed-authentication.tracked-addresses:100000}") long trackedAddresses,
            Clock clock,
            MeterRegistry metrics) {
        this.attempts = new AttemptLimit(limit, window, trackedAddresses, clock);
        this.failures = Counter.builder("personnel.events.authentication.failures")
                .description("Requests whose token was refused (unknown, revoked or expired)")
                .register(metrics);
        this.refusals = Counter.builder("personnel.events.authentication.blocked")
                .description("Requests refused with 429 because their address failed authentication too often")
                .register(metrics);
    }

    /** How long {@code address} must wait before it may try again, if it has used up its attempts. */
    Optional<Duration> blockedFor(String address) {
        Optional<Duration> blocked = attempts.blockedFor(client(address));
        blocked.ifPresent(b -> refusals.increment());
        return blocked;
    }

    void record(String address) {
        failures.increment();
        if (attempts.record(client(address))) {
            // Once per address and window: the address is what an operator needs to act on.
            log.warn(
                    "{} failed authentications from {} within {}; refusing it until the window ends",
                    attempts.limit(),
                    address,
                    attempts.window());
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
}
