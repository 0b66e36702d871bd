package com.personnelevents.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personnelevents.validation.FieldViolation;
import java.util.List;

/** The one error body of the API: {@code error}, {@code message}, {@code correlationId}, {@code errors}. */
public record ErrorEnvelope(
        String error,
        String message,
        String correlationId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldViolation> errors) {

    public static final String VALIDATION_MESSAGE = "One or more validation errors occurred";

    public static ErrorEnvelope of(String error, String message) {
        return new ErrorEnvelope(error, message, CorrelationId.current(), List.of());
    }

    public static ErrorEnvelope validation(List<FieldViolation> errors) {
        return new ErrorEnvelope("validation_error", VALIDATION_MESSAGE, CorrelationId.current(), errors);
    }
}
