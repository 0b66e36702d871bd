package com.personnelevents.web;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code refresh}, however often a metrics scrape asks for
 * it: one query per interval instead of one per gauge per scrape. A read that fails is not retried within
 * the interval either (a scrape during an outage would otherwise wait out the pool's timeout once per
 * gauge): until the next read the value is unknown, and {@link #get()} fails at once, which a gauge shows
 * as NaN.
 */
public final class RefreshedSnapshot<T> {

    private final Supplier<T> read;
    private final long refreshNanos;
    private T value;
    private RuntimeException failure;
    private long readAt;
    private boolean everRead;

    public RefreshedSnapshot(Supplier<T> read, Duration refresh) {
        this.read = read;
        this.refreshNanos = refresh.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!everRead || now - readAt >= refreshNanos) {
            everRead = true;
            readAt = now;
            try {
                value = read.get();
                failure = null;
            } catch (RuntimeException e) {
                value = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
