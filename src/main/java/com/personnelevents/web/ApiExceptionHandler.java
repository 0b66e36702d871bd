package com.personnelevents.web;

import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.CreationFailedException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.failure.UnprocessableException;
import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.workflow.WorkflowException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure of a request leaves here as the documented envelope; internals never do. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ErrorEnvelope> validation(ValidationException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorEnvelope.validation(e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorEnvelope> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ErrorEnvelope.of("not_found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ErrorEnvelope> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, ErrorEnvelope.of("conflict", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ErrorEnvelope> forbidden(ForbiddenException e) {
        return answer(HttpStatus.FORBIDDEN, ErrorEnvelope.of("forbidden", e.getMessage()));
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ErrorEnvelope> unprocessable(UnprocessableException e) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, ErrorEnvelope.of("unprocessable_entity", e.getMessage()));
    }

    /**
     * A create that failed for a reason none of the caller's: 500 creation_failed, as documented, unless the
     * database is out of reach (503: the caller retries with its Idempotency-Key) or a lock ended it (409).
     */
    @ExceptionHandler(CreationFailedException.class)
    ResponseEntity<ErrorEnvelope> creationFailed(CreationFailedException e, HttpServletRequest request) {
        RuntimeException cause = (RuntimeException) e.getCause();
        if (cause instanceof PessimisticLockingFailureException lock) {
            return lockConflict(lock, request);
        }
        if (DatabaseUnavailable.causedBy(cause)) {
            return unexpected(cause, request);
        }
        log.error(
                "Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), RedactedFailure.of(cause));
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorEnvelope.of("creation_failed", "The event could not be created due to a server-side error"));
    }

    @ExceptionHandler(WorkflowException.class)
    ResponseEntity<ErrorEnvelope> workflow(WorkflowException e) {
        return answer(HttpStatus.CONFLICT, ErrorEnvelope.of("conflict", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, ErrorEnvelope.of("payload_too_large", cause.getMessage()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return fieldError(path(unknown), "Unknown field");
        }
        if (cause instanceof InvalidTextException text) {
            return fieldError(path(text), InvalidTextException.MESSAGE);
        }
        if (cause instanceof InputCoercionException number && !path(number).isEmpty()) {
            return fieldError(path(number), "Value is out of range");
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JacksonException mismatch = (JacksonException) cause;
            String field = path(mismatch);
            if (!field.isEmpty()) {
                return fieldError(field, "Value has the wrong type: " + expected(mismatch));
            }
            return answer(
                    HttpStatus.BAD_REQUEST, ErrorEnvelope.of("validation_error", "Request body must be a JSON object"));
        }
        if (cause instanceof StreamReadException) {
            return answer(
                    HttpStatus.BAD_REQUEST, ErrorEnvelope.of("validation_error", "Request body is not valid JSON"));
        }
        return answer(
                HttpStatus.BAD_REQUEST, ErrorEnvelope.of("validation_error", "Request body is missing or unreadable"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> argumentType(MethodArgumentTypeMismatchException e) {
        return fieldError(e.getName(), "Value '" + e.getValue() + "' is not valid");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
        return fieldError(e.getParameterName(), "Parameter is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e) {
        return fieldError(e.getHeaderName(), "Header is required");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> method(HttpRequestMethodNotSupportedException e) {
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return answer(
                HttpStatus.METHOD_NOT_ALLOWED,
                allow,
                ErrorEnvelope.of("method_not_allowed", "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ErrorEnvelope.of("unsupported_media_type", "Content-Type must be application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(
                HttpStatus.NOT_ACCEPTABLE,
                ErrorEnvelope.of("not_acceptable", "Responses are available as application/json only"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorEnvelope> noRoute(Exception e) {
        return answer(HttpStatus.NOT_FOUND, ErrorEnvelope.of("not_found", "No such resource"));
    }

    /**
     * The database chose this transaction to undo, to end a lock cycle with another or a lock wait that ran
     * out: nothing was written, and the same request may well succeed again.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ErrorEnvelope> lockConflict(PessimisticLockingFailureException e, HttpServletRequest request) {
        log.warn(
                "Lock conflict during {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName());
        return answer(
                HttpStatus.CONFLICT,
                ErrorEnvelope.of(
                        "conflict", "A concurrent request changed the same data; nothing was changed, retry it"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            // Also on a create: the client should retry (safely, with its Idempotency-Key), not report a bug.
            // The log names the root cause's class and SQLState only: driver messages can quote values.
            log.warn(
                    "Database unavailable during {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    DatabaseUnavailable.rootCause(e));
            return DatabaseUnavailable.response();
        }
        // The path without its query (which may hold a search for a name), the failure without the
        // values a database quoted.
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), RedactedFailure.of(e));
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR, ErrorEnvelope.of("server_error", "An unexpected error occurred"));
    }

    /**
     * A query string the container could not decode (a bad escape, a pair without a name): Tomcat refuses
     * it when the parameters are first read, with a message that quotes the value, which stays out of the
     * log.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorEnvelope> malformedQuery(InvalidParameterException e) {
        return malformedQuery();
    }

    static ResponseEntity<ErrorEnvelope> malformedQuery() {
        return answer(
                HttpStatus.BAD_REQUEST, ErrorEnvelope.of("validation_error", "The query string could not be read"));
    }

    /**
     * Every error answer: the envelope, as JSON whatever the request's Accept header allows (an error must
     * still say what went wrong, a 406 too).
     */
    static ResponseEntity<ErrorEnvelope> answer(HttpStatusCode status, ErrorEnvelope envelope) {
        return answer(status, new HttpHeaders(), envelope);
    }

    private static ResponseEntity<ErrorEnvelope> answer(
            HttpStatusCode status, HttpHeaders headers, ErrorEnvelope envelope) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(envelope);
    }

    private static ResponseEntity<ErrorEnvelope> fieldError(String field, String message) {
        return answer(HttpStatus.BAD_REQUEST, ErrorEnvelope.validation(List.of(new FieldViolation(field, message))));
    }

    private static String expected(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type == String.class) {
                return "expected a string";
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "expected a whole number";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "expected a number";
            }
            if (type == Boolean.class) {
                return "expected true or false";
            }
            if (java.util.Collection.class.isAssignableFrom(type)) {
                return "expected an array";
            }
            return "expected an object";
        }
        return "unexpected value";
    }

    /** "identity.firstName", "identities[3].email": the JSON path of the offending value. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
