package com.personnelevents.failure;

/** The request cannot be carried out as sent, though well formed: an Idempotency-Key reused for another body (422 unprocessable_entity). */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
