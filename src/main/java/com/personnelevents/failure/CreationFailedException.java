package com.personnelevents.failure;

/**
 * A create failed for a reason that is none of the caller's (500 creation_failed, as the documents say);
 * the cause says which, and may still be an outage the caller should retry (503).
 */
public class CreationFailedException extends RuntimeException {

    public CreationFailedException(RuntimeException cause) {
        super("The event could not be created due to a server-side error", cause);
    }
}
