package com.personnelevents.validation;

import java.util.List;

/** A request broke one or more field rules; every violation is reported at once. */
public class ValidationException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super("One or more validation errors occurred");
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
