package com.personnelevents.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that is not storable text: it holds a NUL character (which PostgreSQL cannot store in
 * text and no field legitimately holds) or half of a surrogate pair (not Unicode at all; it would be
 * stored as "?").
 */
class InvalidTextException extends MismatchedInputException {

    static final String MESSAGE = "Value must be valid Unicode text without NUL characters";

    InvalidTextException(JsonParser parser) {
        super(parser, MESSAGE, String.class);
    }
}
