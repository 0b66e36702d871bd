package com.personnelevents.web;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessException;

/**
 * A failure as it may be logged: every exception of the chain keeps its class and stack frames, but
 * from the first database exception down the messages are left out. Databases quote the value they
 * refused ("Data conversion error converting 'jane.doe@…'", "Key (email)=(…) already exists"), and the
 * logs must not hold personal data.
 */
public final class RedactedFailure extends RuntimeException {

    static final String WITHHELD = "[message withheld: database messages quote the values they refused]";

    private RedactedFailure(String description, Throwable cause, StackTraceElement[] frames) {
        super(description, cause, false, true);
        setStackTrace(frames);
    }

    public static Throwable of(Throwable failure) {
        return redact(failure, false, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable redact(Throwable failure, boolean withhold, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return null;
        }
        boolean database = withhold || failure instanceof SQLException || failure instanceof DataAccessException;
        String message = database ? WITHHELD : failure.getMessage();
        Throwable cause = redact(failure.getCause(), database, seen);
        String description = failure.getClass().getName() + (message == null ? "" : ": " + message);
        return new RedactedFailure(description, cause, failure.getStackTrace());
    }
}
