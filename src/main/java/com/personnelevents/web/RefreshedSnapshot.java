package com.personnelevents.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code refresh}, however often a metrics scrape asks for
 * it: one query per interval instead of one per gauge per scrape.
 */
public final class RefreshedSnapshot<T> {

    private final Supplier<T> read;
    private final Duration refresh;
    private final Clock clock;
    private T value;
    private Instant readAt;

    public RefreshedSnapshot(Supplier<T> read, Duration refresh, Clock clock) {
        this.read = read;
        this.refresh = refresh;
        this.clock = clock;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        // A clock set back (by a test, or by the operating system) refreshes too.
        if (value == null || now.isBefore(readAt) || !now.isBefore(readAt.plus(refresh))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
