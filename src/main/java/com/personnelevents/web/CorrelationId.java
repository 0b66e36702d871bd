package com.personnelevents.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The id that ties a response to the log lines of its request. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    static final String MDC_KEY = "correlationId";
    static final int MAX_LENGTH = 64;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private CorrelationId() {}

    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newId();
    }

    /** A caller's own id is kept when it is safe to echo into headers and logs; otherwise a new one. */
    static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : newId();
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
