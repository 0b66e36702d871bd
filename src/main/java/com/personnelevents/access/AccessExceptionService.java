package com.personnelevents.access;

import com.personnelevents.access.AccessRequest.ExceptionStatus;
import com.personnelevents.auth.Caller;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions about refused removals and suspensions (exceptions), by someone who may approve events:
 * raise the request again, or accept that the person keeps the access, with a reason. Either is in the
 * event's activity; accepting the last undecided exception of a stage completes it.
 */
@Service
class AccessExceptionService {

    private final AccessRequestService requests;
    private final AccessRequestRepository repository;
    private final ObjectProvider<AccessRequestOutcomes> outcomes;
    private final Clock clock;

    AccessExceptionService(
            AccessRequestService requests,
            AccessRequestRepository repository,
            ObjectProvider<AccessRequestOutcomes> outcomes,
            Clock clock) {
        this.requests = requests;
        this.repository = repository;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** A new open request for the same change; the refused one is marked raised again. */
    @Transactional
    AccessRequestView retry(java.util.UUID id, AccessRequests.Reason body, Caller caller) {
        AccessRequest refused = undecided(id, caller);
        String reason = reason(body);
        Instant now = clock.instant();
        decide(refused, ExceptionStatus.Retried, caller, reason, now);
        AccessRequest again = AccessRequest.raised(
                repository.nextNumber(),
                refused.eventId(),
                refused.stage(),
                refused.identityId(),
                refused.permissionId(),
                refused.action(),
                EventStatus.Open,
                caller.name(),
                now,
                refused.id(),
                refused.undoes());
        repository.insert(again);
        requests.record(
                refused,
                caller.actor(),
                "Access request raised again",
                requests.describe(refused) + " raised again as #" + again.number() + ": " + reason,
                now);
        return requests.get(again.id());
    }

    /** The person keeps the access, on record with who decided it and why. */
    @Transactional
    AccessRequestView accept(java.util.UUID id, AccessRequests.Reason body, Caller caller) {
        AccessRequest refused = undecided(id, caller);
        requests.checkMayKeep(refused, caller);
        String reason = reason(body);
        Instant now = clock.instant();
        decide(refused, ExceptionStatus.Accepted, caller, reason, now);
        requests.record(
                refused,
                caller.actor(),
                "Exception accepted",
                requests.describe(refused) + " not carried out: " + reason,
                now);
        return requests.get(refused.id());
    }

    private static String reason(AccessRequests.Reason body) {
        Violations violations = new Violations();
        String reason = violations.requiredLongText(
                "reason", body == null ? null : body.reason(), AccessRequests.REASON_MAX, "Reason");
        violations.throwIfAny();
        return reason.trim();
    }

    /**
     * The refused request, if the caller may see it and may decide it (who may approve its event), its
     * event locked first.
     */
    private AccessRequest undecided(java.util.UUID id, Caller caller) {
        AccessRequest visible = requests.visible(id, caller);
        outcomes.getObject().checkMayDecide(visible.eventId(), caller);
        AccessRequest request = requests.lockEventOf(visible);
        if (!request.awaitsDecision()) {
            throw new ConflictException("Access request #" + request.number()
                    + " is not a refused removal or suspension awaiting a decision");
        }
        return request;
    }

    private void decide(AccessRequest request, ExceptionStatus decision, Caller caller, String reason, Instant now) {
        if (!repository.decide(request, decision, caller.name(), reason, now)) {
            throw new ConflictException("Access request " + request.id() + " was changed concurrently; reload it");
        }
    }
}
