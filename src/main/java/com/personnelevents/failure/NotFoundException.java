package com.personnelevents.failure;

/** Nothing with the id or name asked for exists (answered 404 not_found). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
