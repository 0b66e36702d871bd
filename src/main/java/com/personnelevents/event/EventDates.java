package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Effective and end dates are calendar days. They come as {@code YYYY-MM-DD} or as a full ISO 8601
 * date-time; for the latter the day is taken as written ({@code 2026-04-01T00:00:00Z} is April 1st),
 * never shifted into another zone.
 */
final class EventDates {

    static final int MAX_YEAR = 9999;

    /** How the API document describes a day: YYYY-MM-DD, or an ISO 8601 date-time whose day counts. */
    static final String DAY_PATTERN = "^\\d{4}-\\d{2}-\\d{2}(T.+)?$";

    static final String DAY_DESCRIPTION = "YYYY-MM-DD or an ISO 8601 date-time (the day as written)";

    private EventDates() {}

    static LocalDate parse(String field, String value, String label, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = iso(value.trim());
        // ISO 8601 also allows "+10000-01-01T00:00Z": no day a person starts or leaves, and past what
        // the database's date type holds.
        if (date == null || date.getYear() > MAX_YEAR) {
            violations.add(field, label + " must be a valid date in YYYY-MM-DD or ISO 8601 format");
            return null;
        }
        return date;
    }

    private static LocalDate iso(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text).toLocalDate();
            }
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The effective date: required, and today or later in the organisation's time zone. */
    static LocalDate effective(String value, LocalDate today, Violations violations) {
        if (!violations.required("effectiveDate", value, "Effective date")) {
            return null;
        }
        LocalDate date = parse("effectiveDate", value, "Effective date", violations);
        if (date != null && date.isBefore(today)) {
            violations.add("effectiveDate", "Effective date must be today or later");
        }
        return date;
    }

    /** The optional end date: after the effective date. */
    static LocalDate end(String value, LocalDate effective, Violations violations) {
        LocalDate date = parse("endDate", value, "End date", violations);
        if (date != null && effective != null && !date.isAfter(effective)) {
            violations.add("endDate", "End date must be after effective date");
        }
        return date;
    }
}
