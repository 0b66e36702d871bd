package com.personnelevents.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many statements the application sends to the database from the current thread while some work runs:
 * each statement is a round trip, and a {@link com.personnelevents.db.QueryBatch} on PostgreSQL is one
 * statement of several parts. Counted by the shared test context's wrapper of the data source ({@link
 * FaultInjection}), for work called on the test's own thread (a service's method, not an HTTP request).
 */
public final class RoundTrips {

    private static final ThreadLocal<AtomicInteger> COUNTING = new ThreadLocal<>();

    private RoundTrips() {}

    /** The statements {@code work} sent. */
    public static int of(Runnable work) {
        AtomicInteger sent = new AtomicInteger();
        COUNTING.set(sent);
        try {
            work.run();
        } finally {
            COUNTING.remove();
        }
        return sent.get();
    }

    /** A statement was made on this thread. */
    static void sent() {
        AtomicInteger sent = COUNTING.get();
        if (sent != null) {
            sent.incrementAndGet();
        }
    }
}
