package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.audit.AdminTrail;
import com.personnelevents.db.AuditChain;
import com.personnelevents.db.AuditRecords;
import com.personnelevents.event.AuditTrailRepository.ChainEntry;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every hash of the audit trail from the entries themselves and compares it with the stored
 * one, and each chain's last hash with the head its event keeps; compares what the trail last recorded of
 * each event, stage and access request with what the database holds now; and looks for events whose trail
 * is gone and for missing event numbers (numbers are gapless, so a missing one is a removed event). Works
 * through the events a batch at a time: memory does not grow with the trail.
 */
@Service
public class AuditTrailService {

    static final int MAX_REPORTED = 100;
    private static final int BATCH = 500;

    private final AuditTrailRepository trail;
    private final EventStageRepository stages;
    private final AccessRequestService accessRequests;
    private final AdminTrail adminTrail;

    AuditTrailService(
            AuditTrailRepository trail,
            EventStageRepository stages,
            AccessRequestService accessRequests,
            AdminTrail adminTrail) {
        this.trail = trail;
        this.stages = stages;
        this.accessRequests = accessRequests;
        this.adminTrail = adminTrail;
    }

    /** The whole trail, or one event's ({@code eventId} not null). One snapshot throughout. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditTrailVerification verify(UUID eventId) {
        Findings findings = new Findings();
        long eventCount = verifyNumbers(eventId, findings);
        if (eventId != null && eventCount == 0) {
            throw new NotFoundException(PersonnelEventService.notFound(eventId));
        }
        trail.forEachEventWithoutActivity(
                eventId,
                event -> findings.add(new AuditTrailVerification.Problem(
                        event, "activity", null, "The event has no activity: its audit trail was removed")));
        Counts counts = new Counts();
        long after = 0;
        while (true) {
            List<EventRow> batch = trail.eventsToVerify(eventId, after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            verifyBatch(batch, findings, counts);
            if (eventId != null || batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).number();
        }
        long adminEntries = eventId == null
                ? adminTrail.verify((entry, problem) ->
                        findings.add(new AuditTrailVerification.Problem(null, "admin", entry, problem)))
                : 0;
        return new AuditTrailVerification(
                findings.count == 0,
                eventCount,
                counts.activity,
                counts.comments,
                counts.uncovered,
                adminEntries,
                findings.count,
                findings.reported);
    }

    private long verifyNumbers(UUID eventId, Findings findings) {
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
        if (eventId == null && expected[0] <= numbering.last()) {
            findings.add(new AuditTrailVerification.Problem(null, null, null, missing(expected[0], numbering.last())));
        }
        return eventCount[0];
    }

    private void verifyBatch(List<EventRow> batch, Findings findings, Counts counts) {
        List<UUID> ids = batch.stream().map(EventRow::id).toList();
        Map<UUID, List<ChainEntry>> activity = trail.entries(AuditTrailRepository.ACTIVITY_CHAIN, ids);
        Map<UUID, List<ChainEntry>> comments = trail.entries(AuditTrailRepository.COMMENT_CHAIN, ids);
        Map<UUID, List<Stage>> stagesOf = stages.forEvents(ids);
        Map<UUID, List<Response>> responsesOf = stages.responses(ids);
        Map<UUID, Map<String, String>> requestsOf = accessRequests.auditStates(ids);
        for (EventRow event : batch) {
            List<ChainEntry> entries = activity.getOrDefault(event.id(), List.of());
            List<ChainEntry> notes = comments.getOrDefault(event.id(), List.of());
            counts.activity += entries.size();
            counts.comments += notes.size();
            verifyChain(
                    event.id(),
                    AuditTrailRepository.ACTIVITY_CHAIN,
                    "activity",
                    entries,
                    event.heads().activity(),
                    findings);
            verifyChain(
                    event.id(),
                    AuditTrailRepository.COMMENT_CHAIN,
                    "comments",
                    notes,
                    event.heads().comments(),
                    findings);
            Map<String, String> recorded = AuditRecords.states();
            entries.forEach(entry -> AuditRecords.replay(entry.changes(), recorded));
            if (recorded.isEmpty()) {
                counts.uncovered++; // written before the trail recorded states: its hashes are all there is
                continue;
            }
            Map<String, String> stored = EventAudit.states(
                    event,
                    stagesOf.getOrDefault(event.id(), List.of()),
                    responsesOf.getOrDefault(event.id(), List.of()));
            stored.putAll(requestsOf.getOrDefault(event.id(), Map.of()));
            compare(event.id(), recorded, stored, findings);
        }
    }

    private static void verifyChain(
            UUID eventId, String chain, String name, List<ChainEntry> entries, String head, Findings findings) {
        String previous = AuditChain.start(eventId, chain);
        for (ChainEntry entry : entries) {
            String expected = AuditChain.next(
                    previous,
                    eventId,
                    entry.createdDate(),
                    entry.author(),
                    entry.authorId(),
                    entry.action(),
                    entry.content(),
                    entry.changes());
            if (!expected.equals(entry.hash())) {
                findings.add(new AuditTrailVerification.Problem(
                        eventId,
                        name,
                        entry.id(),
                        "The entry's hash does not match: it was changed, or an entry before it was removed or"
                                + " inserted"));
            }
            // Go on from the stored hash, so that one tampered entry is reported once, not with all after it.
            previous = entry.hash();
        }
        String last = entries.isEmpty() ? null : entries.get(entries.size() - 1).hash();
        if (!Objects.equals(last, head)) {
            findings.add(new AuditTrailVerification.Problem(
                    eventId,
                    name,
                    entries.isEmpty() ? null : entries.get(entries.size() - 1).id(),
                    "The " + name + " does not end where the event says it does: entries were removed from its end,"
                            + " or its head was changed"));
        }
    }

    /** Every subject the trail recorded must hold its last recorded state, and nothing may be unrecorded. */
    private static void compare(
            UUID eventId, Map<String, String> recorded, Map<String, String> stored, Findings findings) {
        stored.forEach((subject, state) -> {
            String last = recorded.get(subject);
            if (last == null || last.isEmpty()) {
                findings.add(new AuditTrailVerification.Problem(
                        eventId, "state", null, subject + " is in the database but not in the audit trail"));
            } else if (!last.equals(state)) {
                findings.add(new AuditTrailVerification.Problem(
                        eventId,
                        "state",
                        null,
                        subject + " differs from what the audit trail last recorded: " + difference(last, state)));
            }
        });
        recorded.forEach((subject, state) -> {
            if (!state.isEmpty() && !stored.containsKey(subject)) {
                findings.add(new AuditTrailVerification.Problem(
                        eventId, "state", null, subject + " is in the audit trail but no longer in the database"));
            }
        });
    }

    /** "completedBy is Mallory, recorded Provisioner Pat; …": only the fields that differ. */
    private static String difference(String recorded, String stored) {
        Map<String, String> was = fields(recorded);
        Map<String, String> is = fields(stored);
        List<String> differences = new ArrayList<>();
        is.forEach((key, value) -> {
            if (!Objects.equals(value, was.get(key))) {
                differences.add(key + " is " + shown(value) + ", recorded " + shown(was.get(key)));
            }
        });
        return String.join("; ", differences);
    }

    private static Map<String, String> fields(String state) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : state.split("(?<!\\\\); ")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return fields;
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "empty" : value;
    }

    private static String missing(long from, long to) {
        return from == to
                ? "Personnel event number " + from + " is missing"
                : "Personnel event numbers " + from + " to " + to + " are missing";
    }

    private static final class Counts {
        long activity;
        long comments;
        long uncovered;
    }

    /** All findings are counted; the first {@value #MAX_REPORTED} are listed. */
    static final class Findings {
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
