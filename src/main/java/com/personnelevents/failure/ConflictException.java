package com.personnelevents.failure;

/** The request contradicts the current state: another event, a concurrent change, a rule about the state (409 conflict). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
