package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.auth.ApiCaller;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.AccessChange;
import com.personnelevents.workflow.EventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises the access requests of a stage when it starts, and closes them: completing one changes what
 * the person holds in the same transaction; when a stage's last request closes, the stage is done.
 */
@Service
public class AccessRequestService {

    private final AccessRequestRepository requests;
    private final AccessPlanner planner;
    private final AccessRequestViews views;
    private final IdentityAccessRepository access;
    private final ApplicationRepository applications;
    private final ObjectProvider<AccessRequestOutcomes> outcomes;
    private final Clock clock;

    AccessRequestService(
            AccessRequestRepository requests,
            AccessPlanner planner,
            AccessRequestViews views,
            IdentityAccessRepository access,
            ApplicationRepository applications,
            ObjectProvider<AccessRequestOutcomes> outcomes,
            Clock clock) {
        this.requests = requests;
        this.planner = planner;
        this.views = views;
        this.access = access;
        this.applications = applications;
        // Looked up when a request closes: the event feature that implements it depends on this service.
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Raises the requests a starting stage's change calls for ({@link AccessPlanner}); returns how many. */
    @Transactional
    public int stageStarted(StageStarted stage) {
        if (stage.change() == AccessChange.ROLE_CHANGE_LATER) {
            return requests.moveAll(stage.eventId(), AccessPlanner.REMOVAL, EventStatus.Scheduled, EventStatus.Open);
        }
        List<AccessPlanner.Planned> plan = planner.plan(stage);
        plan.forEach(planned -> requests.insert(new AccessRequest(
                UUID.randomUUID(),
                requests.nextNumber(),
                stage.eventId(),
                planned.stage(),
                stage.identityId(),
                planned.permissionId(),
                planned.action(),
                planned.status(),
                stage.reporterName(),
                null,
                stage.at(),
                null,
                null,
                0)));
        return plan.size();
    }

    /** Open requests of the stage: it cannot be completed by hand while there are any. */
    @Transactional(readOnly = true)
    public long openCount(UUID eventId, String stage) {
        return requests.forEvent(eventId).stream()
                .filter(r -> r.stage().equals(stage) && !r.isClosed())
                .count();
    }

    /** A canceled event's requests that nobody has carried out are canceled with it. */
    @Transactional
    public void eventCanceled(UUID eventId, Instant now) {
        requests.cancelOpen(eventId, "Personnel event canceled", now);
    }

    /** The event's requests by stage name, oldest first. */
    @Transactional(readOnly = true)
    public Map<String, List<AccessRequestView>> forEvent(UUID eventId) {
        Map<String, List<AccessRequestView>> byStage = new LinkedHashMap<>();
        views.of(requests.forEvent(eventId))
                .forEach(view -> byStage.computeIfAbsent(view.stage(), k -> new ArrayList<>())
                        .add(view));
        return byStage;
    }

    @Transactional(readOnly = true)
    AccessRequestView get(UUID id) {
        return views.of(List.of(find(id))).get(0);
    }

    @Transactional(readOnly = true)
    PageResponse<AccessRequestView> page(
            int page, String identityId, String applicationId, String status, String type) {
        long offset = PageResponse.offset(page);
        AccessRequestFilter filter = AccessRequestFilter.parse(identityId, applicationId, status, type);
        return PageResponse.of(views.of(requests.page(filter, offset)), requests.count(filter), page);
    }

    /** Carries out the request: what the person holds changes now, in this transaction. */
    @Transactional
    AccessRequestView complete(UUID id, ApiCaller caller) {
        AccessRequest request = open(id);
        Instant now = clock.instant();
        switch (request.action()) {
            case Add, Restore, Change -> access.grant(request.identityId(), request.permissionId(), null, now);
            case Remove -> access.revoke(request.identityId(), request.permissionId());
            case Suspend ->
                access.setStatus(request.identityId(), request.permissionId(), IdentityAccessRepository.SUSPENDED, now);
        }
        close(request, EventStatus.Completed, null, now, caller.name());
        return get(id);
    }

    /** Decides not to carry out the request; what the person holds does not change. */
    @Transactional
    AccessRequestView reject(UUID id, String reason, ApiCaller caller) {
        Violations violations = new Violations();
        if (violations.required("reason", reason, "Reason")) {
            violations.longText("reason", reason, AccessRequests.REASON_MAX, "Reason");
        }
        violations.throwIfAny();
        close(open(id), EventStatus.Canceled, "Rejected: " + reason.trim(), clock.instant(), caller.name());
        return get(id);
    }

    private void close(AccessRequest request, EventStatus status, String reason, Instant now, String by) {
        outcomes.getObject().lockEvent(request.eventId());
        if (!requests.close(request, status, reason, now, by)) {
            throw new ConflictException("Access request " + request.id() + " was changed concurrently; reload it");
        }
        PermissionRef ref =
                applications.describe(Set.of(request.permissionId())).get(request.permissionId());
        String what = "#" + request.number() + " " + request.action() + " "
                + ref.permission().name() + " in " + ref.application().name();
        boolean last = openCount(request.eventId(), request.stage()) == 0;
        outcomes.getObject()
                .closed(
                        status == EventStatus.Completed
                                ? new AccessRequestOutcomes.Closed(
                                        request.eventId(),
                                        request.stage(),
                                        by,
                                        "Access request completed",
                                        what,
                                        now,
                                        last)
                                : new AccessRequestOutcomes.Closed(
                                        request.eventId(),
                                        request.stage(),
                                        by,
                                        "Access request rejected",
                                        what + ": " + reason,
                                        now,
                                        last));
    }

    private AccessRequest open(UUID id) {
        AccessRequest request = find(id);
        if (request.status() != EventStatus.Open) {
            throw new ConflictException("Access request #" + request.number() + " is " + request.status()
                    + "; only an Open request can be completed or rejected");
        }
        return request;
    }

    private AccessRequest find(UUID id) {
        return requests.findById(id)
                .orElseThrow(() -> new NotFoundException("Access request with id " + id + " not found"));
    }
}
