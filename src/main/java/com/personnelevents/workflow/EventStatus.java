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
    public static final String TERMINAL_SQL = sqlList(TERMINAL);

    /**
     * The statuses of an event still awaiting approval or its access changes: one past its effective date
     * in one of them is overdue. The taskboards' flag, "My work"'s overdue queue and the operator's metric
     * all read this set, and PostgreSQL's index of overdue candidates (V19) is written with its SQL list.
     */
    public static final Set<EventStatus> AWAITING = Collections.unmodifiableSet(EnumSet.of(Pending, Open));

    /** {@link #AWAITING} as an SQL list: {@code ('Pending', 'Open')}. */
    public static final String AWAITING_SQL = sqlList(AWAITING);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    public boolean isAwaiting() {
        return AWAITING.contains(this);
    }

    private static String sqlList(Set<EventStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
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
