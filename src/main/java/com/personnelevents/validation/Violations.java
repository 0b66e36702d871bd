package com.personnelevents.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects every field violation of one request so that the caller learns about all of them in one
 * answer, not one per retry.
 */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    public void add(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    public boolean has(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    /** Records "X is required" when the value is null or blank; returns whether it was present. */
    public boolean required(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            add(field, label + " is required");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max, String label) {
        if (value != null && value.length() > max) {
            add(field, label + " must be at most " + max + " characters");
        }
    }

    /**
     * An optional text field: trimmed, blank treated as absent, checked for length and for control
     * characters (which no name, title or address legitimately holds).
     */
    public String text(String field, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        maxLength(field, trimmed, max, label);
        if (trimmed.chars().anyMatch(Violations::isForbiddenControl)) {
            add(field, label + " must not contain control characters");
        }
        return trimmed;
    }

    /** As {@link #text} and also required. */
    public String requiredText(String field, String value, int max, String label) {
        return required(field, value, label) ? text(field, value, max, label) : null;
    }

    /** Free text such as a comment: kept as written, line breaks and tabs allowed. */
    public String longText(String field, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        maxLength(field, value, max, label);
        if (value.chars().anyMatch(c -> isForbiddenControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            add(field, label + " must not contain control characters");
        }
        return value;
    }

    /** As {@link #longText} and also required. */
    public String requiredLongText(String field, String value, int max, String label) {
        return required(field, value, label) ? longText(field, value, max, label) : null;
    }

    private static boolean isForbiddenControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Parses a GUID; records a violation and returns null when it is not one. */
    public UUID guid(String field, String value, String label) {
        if (value == null) {
            return null;
        }
        try {
            UUID parsed = UUID.fromString(value.trim());
            if (!parsed.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            add(field, label + " must be a valid GUID");
            return null;
        }
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
