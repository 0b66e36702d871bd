package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The statuses of events, their stages and access requests. {@code Scheduled} until the approval window
 * opens, {@code Pending} while awaiting approval, {@code Open} while access is changed, {@code
 * Resolved} while awaiting verification, {@code Completed} at the end, {@code Canceled}, and {@code
 * Snoozed} while a date (a leave's return) is unknown.
 */
public enum EventStatus {
    Pending,
    Open,
    Resolved,
    Completed,
    Canceled,
    Scheduled,
    Snoozed;

    public static Optional<EventStatus> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(value.trim()))
                .findFirst();
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
