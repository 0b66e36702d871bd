package com.personnelevents.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.personnelevents.validation.FieldViolation;
import java.util.List;
import org.springframework.http.HttpStatus;

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

    /**
     * The envelope of an error known only by its status (raised by the container, not by the API's code):
     * a 2xx or unknown status counts as a server error.
     */
    public static ErrorEnvelope forStatus(HttpStatus status, String correlationId) {
        if (status == HttpStatus.NOT_FOUND) {
            return new ErrorEnvelope("not_found", "No such resource", correlationId, List.of());
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return new ErrorEnvelope("method_not_allowed", "Method not allowed here", correlationId, List.of());
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            return new ErrorEnvelope("payload_too_large", "Request body is too large", correlationId, List.of());
        }
        if (status.is4xxClientError()) {
            return new ErrorEnvelope(
                    "validation_error", "The request could not be processed", correlationId, List.of());
        }
        return new ErrorEnvelope("server_error", "An unexpected error occurred", correlationId, List.of());
    }
}
