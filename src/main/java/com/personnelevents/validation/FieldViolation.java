package com.personnelevents.validation;

/** One rejected field of a request, as the error envelope reports it. */
public record FieldViolation(String field, String message) {}
