package com.personnelevents.db;

/**
 * The configured database cannot be used: found out with one connection before anything else touches it,
 * and said in one line that names the setting to fix, instead of a bean-creation stack trace.
 */
public final class DatabaseProblem extends RuntimeException {

    /** What is wrong. */
    public enum Kind {
        /** Nothing answers at the address, or the connection failed. */
        UNREACHABLE,
        /** The server refused the user or password. */
        REFUSED_CREDENTIALS,
        /** The server has no database of that name (or no H2 file there). */
        NO_SUCH_DATABASE,
        /** The database exists but was never set up by this service (a command asked for an existing one). */
        NOT_CREATED
    }

    private final Kind kind;
    private final String action;

    DatabaseProblem(Kind kind, String message, String action) {
        super(message);
        this.kind = kind;
        this.action = action;
    }

    public Kind kind() {
        return kind;
    }

    /** What to do about it: the setting to change. */
    public String action() {
        return action;
    }
}
