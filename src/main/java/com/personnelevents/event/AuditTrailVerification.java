package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * What a check of the audit trail found: {@code intact} when every entry's hash matches its content and
 * the entry before it, every event has its trail, and no event number is missing.
 */
public record AuditTrailVerification(
        boolean intact, long events, long activityEntries, long comments, long problemCount, List<Problem> problems) {

    /** One finding; {@code entryId} names the first entry whose hash no longer holds, when there is one. */
    @Schema(name = "AuditTrailProblem")
    public record Problem(
            @Schema(nullable = true) UUID eventId,
            @Schema(nullable = true) String trail,
            @Schema(nullable = true) Long entryId,
            String problem) {}
}
