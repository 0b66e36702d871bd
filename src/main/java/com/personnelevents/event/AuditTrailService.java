package com.personnelevents.event;

import com.personnelevents.db.AuditChain;
import com.personnelevents.event.AuditTrailRepository.ChainEntry;
import com.personnelevents.failure.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every hash of the audit trail from the entries themselves and compares it with the stored
 * one; also looks for events whose trail is gone and for missing event numbers (numbers are gapless, so
 * a missing one is a removed event). Streams the trail: memory does not grow with its size.
 */
@Service
public class AuditTrailService {

    static final int MAX_REPORTED = 100;

    private final AuditTrailRepository trail;

    AuditTrailService(AuditTrailRepository trail) {
        this.trail = trail;
    }

    /** The whole trail, or one event's ({@code eventId} not null). One snapshot throughout. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditTrailVerification verify(UUID eventId) {
        Findings findings = new Findings();
        AuditTrailRepository.Numbering numbering = trail.numbering();
        long[] eventCount = {0};
        long[] expected = {numbering.gaplessFrom()};
        trail.forEachNumber(eventId, number -> {
            eventCount[0]++;
            if (eventId == null && number > numbering.last()) {
                findings.add(new AuditTrailVerification.Problem(
                        null, null, null, "Personnel event number " + number + " was never handed out"));
                return; // not part of the run of numbers handed out
            }
            if (eventId == null && number >= numbering.gaplessFrom() && number != expected[0]) {
                findings.add(new AuditTrailVerification.Problem(null, null, null, missing(expected[0], number - 1)));
            }
            expected[0] = Math.max(expected[0], number + 1);
        });
        if (eventId != null && eventCount[0] == 0) {
            throw new NotFoundException(PersonnelEventService.notFound(eventId));
        }
        if (eventId == null && expected[0] <= numbering.last()) {
            findings.add(new AuditTrailVerification.Problem(null, null, null, missing(expected[0], numbering.last())));
        }
        trail.forEachEventWithoutActivity(
                eventId,
                event -> findings.add(new AuditTrailVerification.Problem(
                        event, "activity", null, "The event has no activity: its audit trail was removed")));
        long activity = verifyChain(AuditTrailRepository.ACTIVITY_CHAIN, "activity", eventId, findings);
        long comments = verifyChain(AuditTrailRepository.COMMENT_CHAIN, "comments", eventId, findings);
        return new AuditTrailVerification(
                findings.count == 0, eventCount[0], activity, comments, findings.count, findings.reported);
    }

    private long verifyChain(String chain, String name, UUID eventId, Findings findings) {
        long[] entries = {0};
        AuditChain.Walk walk = new AuditChain.Walk(chain);
        trail.forEachEntry(chain, eventId, (ChainEntry entry) -> {
            entries[0]++;
            String expected = walk.expected(
                    entry.eventId(), entry.createdDate(), entry.author(), entry.action(), entry.content());
            if (!expected.equals(entry.hash())) {
                findings.add(new AuditTrailVerification.Problem(
                        entry.eventId(),
                        name,
                        entry.id(),
                        "The entry's hash does not match: it was changed, or an entry before it was removed or"
                                + " inserted"));
            }
            // Go on from the stored hash, so that one tampered entry is reported once, not with all after it.
            walk.passed(entry.hash());
        });
        return entries[0];
    }

    private static String missing(long from, long to) {
        return from == to
                ? "Personnel event number " + from + " is missing"
                : "Personnel event numbers " + from + " to " + to + " are missing";
    }

    /** All findings are counted; the first {@value #MAX_REPORTED} are listed. */
    private static final class Findings {
        private final List<AuditTrailVerification.Problem> reported = new ArrayList<>();
        private long count;

        void add(AuditTrailVerification.Problem problem) {
            count++;
            if (reported.size() < MAX_REPORTED) {
                reported.add(problem);
            }
        }
    }
}
