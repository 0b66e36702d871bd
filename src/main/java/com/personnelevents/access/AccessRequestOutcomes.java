package com.personnelevents.access;

import com.personnelevents.auth.Caller;
import com.personnelevents.workflow.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What happens to a personnel event when one of its access requests is closed; implemented by the event
 * feature, which depends on this one (this interface is the only way back, and ArchUnit sees it).
 */
public interface AccessRequestOutcomes {

    /**
     * Locks the request's event before the request itself, the order canceling the event takes too, so
     * that the two cannot wait on each other.
     */
    void lockEvent(UUID eventId);

    /**
     * A request was carried out, refused, raised again or its exception accepted: an entry in the event's
     * audit trail, and, when nothing of its stage is left open or undecided, the stage completed by whoever
     * made the change.
     */
    void closed(Closed closed);

    /**
     * Refuses (403) unless the caller may decide the event's refused removals: a token with the approving
     * scope, or a person who may approve the event.
     */
    void checkMayDecide(UUID eventId, Caller caller);

    /**
     * One change of a request, as the event's trail records it.
     *
     * @param states the changed requests as the trail records them ({@code request:12} and its state)
     */
    record Closed(
            UUID eventId,
            String stage,
            Actor by,
            String action,
            String description,
            Instant at,
            boolean lastOfStage,
            Map<String, String> states) {}
}
