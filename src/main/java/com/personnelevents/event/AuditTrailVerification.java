package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What a check of the audit trail found: {@code intact} when every entry's hash matches its content and
 * the entry before it, every chain ends at the head its event keeps, every event, stage and access
 * request holds what the trail last recorded of it, every event has its trail, no event number is
 * missing, and the administrative trail holds too.
 *
 * @param uncoveredEvents events written before the trail recorded states (older versions): their hashes
 *     are checked, their stages and requests cannot be
 */
public record AuditTrailVerification(
        boolean intact,
        long events,
        long activityEntries,
        long comments,
        long uncoveredEvents,
        long adminEntries,
        long problemCount,
        List<Problem> problems) {

    /**
     * One finding; {@code trail} says where ({@code activity}, {@code comments}, {@code state}, {@code
     * admin}), {@code entryId} names the first entry whose hash no longer holds, when there is one.
     */
    @Schema(name = "AuditTrailProblem")
    public record Problem(
            @Schema(nullable = true) UUID eventId,
            @Schema(nullable = true) String trail,
            @Schema(nullable = true) Long entryId,
            String problem) {}
}
