package com.personnelevents.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the servlet container routes to /error (failures outside Spring MVC) in the same
 * envelope, instead of Spring Boot's default error page.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly, not forwarded by the container: there is no such resource.
            return ApiExceptionHandler.answer(
                    HttpStatus.NOT_FOUND, ErrorEnvelope.forStatus(HttpStatus.NOT_FOUND, CorrelationId.current()));
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        // A filter (the token lookup) that could not reach the database: as unavailable as a controller.
        if (failure instanceof Throwable thrown && DatabaseUnavailable.causedBy(thrown)) {
            return DatabaseUnavailable.response();
        }
        if (failure instanceof InvalidParameterException) {
            return ApiExceptionHandler.malformedQuery();
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ApiExceptionHandler.answer(status, ErrorEnvelope.forStatus(status, CorrelationId.current()));
    }
}
