package com.personnelevents.event;

import com.personnelevents.failure.ConflictException;
import com.personnelevents.workflow.EventType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Events of one person that cannot both be true: nothing happens to a person after the day they leave,
 * and one leave at a time. Checked when an event is created and when it is rescheduled, against the
 * person's other open events, with the identity locked so that two requests cannot both pass.
 */
@Component
class EventConflicts {

    private final PersonnelEventRepository events;

    EventConflicts(PersonnelEventRepository events) {
        this.events = events;
    }

    /**
     * Refuses with 409, naming the other event, when an event of {@code type} on these dates contradicts
     * an open event of the identity; {@code self} (the event being rescheduled) is left out.
     */
    void check(UUID identityId, EventType type, LocalDate effective, LocalDate end, UUID self) {
        List<EventRow> open = events.openEvents(identityId).stream()
                .filter(e -> !e.id().equals(self))
                .toList();
        check(identityId, open, type, effective, end);
    }

    /** The same, against the identity's open events as already read (a create reads them once). */
    void check(UUID identityId, List<EventRow> open, EventType type, LocalDate effective, LocalDate end) {
        for (EventRow other : open) {
            if (other.type() == EventType.Offboard && effective.isAfter(other.neededOn())) {
                throw new ConflictException("Identity " + identityId + " leaves on " + other.neededOn()
                        + " (offboarding " + named(other) + "); an event dated after that contradicts it");
            }
            if (type == EventType.Offboard && other.neededOn().isAfter(effective)) {
                throw new ConflictException("Identity " + identityId + " has an open " + other.type() + " dated "
                        + other.neededOn() + " (" + named(other) + "), after this offboarding; cancel or move it"
                        + " first");
            }
            if (type == EventType.Absence
                    && other.type() == EventType.Absence
                    && overlap(effective, end, other.neededOn(), other.neededUntil())) {
                throw new ConflictException("Identity " + identityId + " is on leave from " + other.neededOn()
                        + (other.neededUntil() == null ? " with no return date" : " to " + other.neededUntil())
                        + " (" + named(other) + "); leaves cannot overlap");
            }
        }
    }

    /** A leave covers its first day up to the day before its return; without a return, every day after. */
    private static boolean overlap(LocalDate start, LocalDate end, LocalDate otherStart, LocalDate otherEnd) {
        return (otherEnd == null || start.isBefore(otherEnd)) && (end == null || otherStart.isBefore(end));
    }

    private static String named(EventRow event) {
        return "event #" + event.number() + " (" + event.id() + ")";
    }
}
