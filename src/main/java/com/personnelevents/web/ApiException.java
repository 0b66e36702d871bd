package com.personnelevents.web;

import org.springframework.http.HttpStatus;

/** A failure the caller can act on, answered with its status and code in the error envelope. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable_entity", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
