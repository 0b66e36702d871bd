package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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

    /** The statuses nothing moves on from. */
    public static final Set<EventStatus> TERMINAL = Collections.unmodifiableSet(EnumSet.of(Completed, Canceled));

    /** {@link #TERMINAL} as an SQL list: {@code ('Completed', 'Canceled')}. */
    public static final String TERMINAL_SQL =
            TERMINAL.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public static Optional<EventStatus> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(value.trim()))
                .findFirst();
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
