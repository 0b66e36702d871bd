package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.auth.Caller;
import com.personnelevents.auth.TokenService;
import com.personnelevents.db.AuditRecords;
import com.personnelevents.db.QueryBatch;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.AccessChange;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises the access requests of a stage when it starts, and closes them: completing one changes what
 * the person holds in the same transaction; when nothing of a stage is left open or undecided, the
 * stage is done. A canceled event's completed requests are undone by new ones.
 */
@Service
public class AccessRequestService {

    /** What undoes a completed change; a change without an entry here leaves nothing to undo. */
    private static final Map<AccessAction, AccessAction> UNDO = Map.of(
            AccessAction.Add, AccessAction.Remove,
            AccessAction.Remove, AccessAction.Add,
            AccessAction.Suspend, AccessAction.Restore);

    private final AccessRequestRepository requests;
    private final AccessPlanner planner;
    private final AccessRequestViews views;
    private final IdentityAccessRepository access;
    private final ApplicationRepository applications;
    private final ObjectProvider<AccessRequestOutcomes> outcomes;
    private final SettingsService settings;
    private final TokenService tokens;
    private final Clock clock;

    AccessRequestService(
            AccessRequestRepository requests,
            AccessPlanner planner,
            AccessRequestViews views,
            IdentityAccessRepository access,
            ApplicationRepository applications,
            ObjectProvider<AccessRequestOutcomes> outcomes,
            SettingsService settings,
            TokenService tokens,
            Clock clock) {
        this.requests = requests;
        this.planner = planner;
        this.views = views;
        this.access = access;
        this.applications = applications;
        // Looked up when a request closes: the event feature that implements it depends on this service.
        this.outcomes = outcomes;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Raises the requests a starting stage's change calls for ({@link AccessPlanner}); returns how many. */
    @Transactional
    public int stageStarted(StageStarted stage) {
        if (stage.change() == AccessChange.ROLE_CHANGE_LATER) {
            return requests.moveAll(stage.eventId(), AccessPlanner.REMOVAL, EventStatus.Scheduled, EventStatus.Open);
        }
        List<AccessPlanner.Planned> plan = planner.plan(stage);
        plan.forEach(planned -> requests.insert(AccessRequest.raised(
                requests.nextNumber(),
                stage.eventId(),
                planned.stage(),
                stage.identityId(),
                planned.permissionId(),
                planned.action(),
                planned.status(),
                stage.reporterName(),
                stage.at(),
                null,
                null)));
        return plan.size();
    }

    /**
     * What still holds a stage open: requests not carried out yet, and refused removals or suspensions
     * nobody has decided. A stage cannot be completed by hand while there are any.
     */
    @Transactional(readOnly = true)
    public Outstanding outstanding(UUID eventId, String stage) {
        List<AccessRequest> ofStage = requests.forEvent(eventId).stream()
                .filter(r -> stage == null || r.stage().equals(stage))
                .toList();
        return new Outstanding(
                ofStage.stream().filter(r -> !r.isClosed()).count(),
                ofStage.stream().filter(AccessRequest::awaitsDecision).count());
    }

    /** Open requests and undecided exceptions of a stage (or of the whole event). */
    public record Outstanding(long open, long undecided) {

        public boolean none() {
            return open == 0 && undecided == 0;
        }
    }

    /** How many requests of each event wait to be carried out (Open), by event: one statement, no transaction. */
    public Map<UUID, Long> openCounts(java.util.Collection<UUID> eventIds) {
        return requests.openCounts(eventIds);
    }

    /**
     * The open requests this person may carry out, oldest first, up to {@code limit}: all of them for the
     * Provision Team, those of their applications for a Provision Engineer, none for anyone else.
     */
    @Transactional(readOnly = true)
    public List<AccessRequestView> workable(Caller caller, int limit) {
        if (!caller.isPerson()) {
            return List.of();
        }
        return views.of(requests.open(caller.holds(Role.ProvisionTeam) ? null : caller.identityId(), limit));
    }

    /** Who carried out or refused each event's requests, by event (none: left out). */
    @Transactional(readOnly = true)
    public Map<UUID, Set<UUID>> workedBy(java.util.Collection<UUID> eventIds) {
        return eventIds.isEmpty() ? Map.of() : requests.completersOf(eventIds);
    }

    /** Who carried out or refused the event's requests: people's identities and tokens' ids. */
    @Transactional(readOnly = true)
    public Set<UUID> workedBy(UUID eventId) {
        return requests.completersOf(List.of(eventId)).getOrDefault(eventId, Set.of());
    }

    /** How many completed changes canceling the event would have to undo. */
    @Transactional(readOnly = true)
    public long undoable(UUID eventId) {
        return toUndo(requests.forEvent(eventId)).size();
    }

    /**
     * The event is called off: requests nobody has carried out are canceled with it, its undecided
     * exceptions withdrawn, and each completed change undone by a new open request in its Removal stage
     * (Remove what was added, Add back what was removed, Restore what was suspended). Returns those
     * requests as the event's activity names them.
     */
    @Transactional
    public List<String> eventCanceled(UUID eventId, Actor by, boolean undoCompleted, Instant now) {
        List<AccessRequest> before = requests.forEvent(eventId);
        requests.cancelOpen(eventId, "Personnel event canceled", now);
        requests.withdrawUndecided(eventId, by.name(), now);
        List<AccessRequest> undo = new ArrayList<>();
        for (AccessRequest done : undoCompleted ? toUndo(before) : List.<AccessRequest>of()) {
            AccessRequest undoing = AccessRequest.raised(
                    requests.nextNumber(),
                    eventId,
                    AccessPlanner.REMOVAL,
                    done.identityId(),
                    done.permissionId(),
                    UNDO.get(done.action()),
                    EventStatus.Open,
                    by.name(),
                    now,
                    null,
                    done.id());
            requests.insert(undoing);
            undo.add(undoing);
        }
        return describe(undo);
    }

    private static List<AccessRequest> toUndo(List<AccessRequest> ofEvent) {
        return ofEvent.stream()
                .filter(r -> r.status() == EventStatus.Completed && UNDO.containsKey(r.action()))
                .toList();
    }

    /**
     * The requests a Provision stage with {@code provision}'s change (and a Removal with {@code removal}'s)
     * would raise if it started now, for a person with these attributes who holds what {@code identityId}
     * holds (nothing, for a person whose identity does not exist yet).
     *
     * @param changes a role transition's requested changes; null for other types
     */
    @Transactional(readOnly = true)
    public List<PlannedRequest> preview(
            UUID identityId,
            IdentityAttributes attributes,
            AccessChange provision,
            AccessChange removal,
            IdentityAttributes changes,
            boolean removalLater) {
        List<IdentityAccessRepository.Held> held = identityId == null ? List.of() : access.heldBy(identityId);
        List<AccessPlanner.Planned> plan = new ArrayList<>(planner.plan(
                provision, attributes, held, changes == null ? IdentityAttributes.none() : changes, removalLater));
        if (removal == AccessChange.RESTORE_SUSPENDED) {
            // what the suspension would take away is what the return restores
            plan.addAll(plan.stream()
                    .filter(p -> p.action() == AccessAction.Suspend)
                    .map(p -> new AccessPlanner.Planned(
                            p.permissionId(), AccessAction.Restore, AccessPlanner.REMOVAL, EventStatus.Scheduled))
                    .toList());
        }
        Map<UUID, PermissionRef> refs = applications.describe(
                plan.stream().map(AccessPlanner.Planned::permissionId).collect(Collectors.toSet()));
        return plan.stream()
                .map(p -> new PlannedRequest(
                        p.stage(),
                        p.action(),
                        refs.get(p.permissionId()).application(),
                        refs.get(p.permissionId()).permission()))
                .toList();
    }

    /**
     * The event's requests as its audit trail records them, by subject ({@code request:12}), oldest first:
     * what a step changed is the difference between these before and after it.
     */
    @Transactional(readOnly = true)
    public Map<String, String> auditStates(UUID eventId) {
        return auditStates(requests.forEvent(eventId));
    }

    /** The same for many events at once (the verification), by event. */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, String>> auditStates(java.util.Collection<UUID> eventIds) {
        Map<UUID, Map<String, String>> byEvent = new java.util.HashMap<>();
        requests.forEvents(eventIds)
                .forEach(r -> byEvent.computeIfAbsent(r.eventId(), k -> AuditRecords.states())
                        .put(AuditRecords.requestSubject(r.number()), r.auditState()));
        return byEvent;
    }

    private static Map<String, String> auditStates(List<AccessRequest> list) {
        Map<String, String> states = AuditRecords.states();
        list.forEach(r -> states.put(AuditRecords.requestSubject(r.number()), r.auditState()));
        return states;
    }

    /**
     * The event's requests by stage name, oldest first. No transaction of its own: an event's get reads in
     * autocommit (inside a caller's transaction, it reads in it).
     */
    public Map<String, List<AccessRequestView>> forEvent(UUID eventId) {
        return byStage(requests.forEvent(eventId));
    }

    /**
     * The same, read with the batch's other statements: an event's get reads them with the event. The
     * application, permission and person names they show are read when asked for, after the batch has run.
     */
    public Supplier<Map<String, List<AccessRequestView>>> forEvent(QueryBatch batch, UUID eventId) {
        QueryBatch.Read<AccessRequest> read = requests.forEvent(batch, eventId);
        return () -> byStage(read.list());
    }

    private Map<String, List<AccessRequestView>> byStage(List<AccessRequest> list) {
        Map<String, List<AccessRequestView>> byStage = new LinkedHashMap<>();
        views.of(list)
                .forEach(view -> byStage.computeIfAbsent(view.stage(), k -> new ArrayList<>())
                        .add(view));
        return byStage;
    }

    @Transactional(readOnly = true)
    AccessRequestView get(UUID id) {
        return views.of(List.of(find(id))).get(0);
    }

    /** The request, if the caller may see it; one they may not is not found. */
    @Transactional(readOnly = true)
    public AccessRequestView get(UUID id, Caller caller) {
        return views.of(List.of(visible(id, caller))).get(0);
    }

    /** The requests the caller may see, the filters applied, newest first; the total counts only those. */
    @Transactional(readOnly = true)
    public PageResponse<AccessRequestView> page(
            int page, String identityId, String applicationId, String status, String type, Caller caller) {
        long offset = PageResponse.offset(page);
        AccessRequestFilter filter = AccessRequestFilter.parse(identityId, applicationId, status, type)
                .visibleTo(caller.narrowedTo());
        return PageResponse.of(views.of(requests.page(filter, offset)), requests.count(filter), page);
    }

    /**
     * Carries out the request: what the person holds changes now, in this transaction. Who may: a token
     * with the provisioning scope; a person of the Provision Team or a Provision Engineer of the request's
     * application, never on their own access.
     */
    @Transactional
    public AccessRequestView complete(UUID id, Caller caller) {
        AccessRequest request = open(visible(id, caller).id());
        checkMayWork(request, caller);
        Instant now = clock.instant();
        switch (request.action()) {
            case Add, Restore, Change -> access.grant(request.identityId(), request.permissionId(), null, now);
            case Remove -> access.revoke(request.identityId(), request.permissionId());
            case Suspend ->
                access.setStatus(request.identityId(), request.permissionId(), IdentityAccessRepository.SUSPENDED, now);
        }
        close(request, EventStatus.Completed, null, now, caller.actor());
        record(request, caller.actor(), "Access request completed", describe(request), now);
        return get(id);
    }

    /**
     * Decides not to carry out the request; what the person holds does not change. A refused removal or
     * suspension leaves the person holding what should have gone: an exception that keeps its stage open
     * until someone decides it ({@link AccessExceptionService}).
     */
    @Transactional
    public AccessRequestView reject(UUID id, String reason, Caller caller) {
        AccessRequest visible = visible(id, caller);
        checkMayWork(visible, caller);
        Violations violations = new Violations();
        String why = violations.requiredLongText("reason", reason, AccessRequests.REASON_MAX, "Reason");
        violations.throwIfAny();
        AccessRequest request = open(visible.id());
        Instant now = clock.instant();
        close(request, EventStatus.Canceled, "Rejected: " + why.trim(), now, caller.actor());
        record(
                request,
                caller.actor(),
                "Access request rejected",
                describe(request) + ": Rejected: " + why.trim(),
                now);
        return get(id);
    }

    /**
     * Assigns the request to the caller, who must be one who may carry it out (it must be open); the event's
     * trail records it.
     */
    @Transactional
    public AccessRequestView assignToMe(UUID id, Caller caller) {
        AccessRequest request = open(visible(id, caller).id());
        checkMayWork(request, caller);
        if (!caller.isPerson()) {
            throw new ForbiddenException("Only a person can be assigned an access request");
        }
        Named me = new Named(caller.identityId(), caller.name());
        if (!requests.assign(request, me)) {
            throw new ConflictException("Access request " + request.id() + " was changed concurrently; reload it");
        }
        record(
                request,
                caller.actor(),
                "Access request assigned",
                describe(request) + " assigned to " + me.name(),
                clock.instant());
        return get(id);
    }

    /**
     * Tells the event about a change of one of its requests: an entry of its audit trail, and the stage
     * completed by whoever made the change when nothing of it is left open or undecided.
     */
    void record(AccessRequest request, Actor by, String action, String description, Instant now) {
        List<AccessRequest> ofEvent = requests.forEvent(request.eventId());
        boolean last = outstanding(request.eventId(), request.stage()).none();
        outcomes.getObject()
                .closed(new AccessRequestOutcomes.Closed(
                        request.eventId(),
                        request.stage(),
                        by,
                        action,
                        description,
                        now,
                        last,
                        auditStates(ofEvent.stream()
                                .filter(r -> r.id().equals(request.id())
                                        || request.id().equals(r.retryOf()))
                                .toList())));
    }

    /** The event first, then the request: the order canceling the event takes too. */
    AccessRequest lockEventOf(AccessRequest request) {
        outcomes.getObject().lockEvent(request.eventId());
        return find(request.id());
    }

    private void close(AccessRequest request, EventStatus status, String reason, Instant now, Actor by) {
        boolean exception = status == EventStatus.Canceled && request.refusalIsAnException();
        if (!requests.close(request, status, reason, now, by, exception)) {
            throw new ConflictException("Access request " + request.id() + " was changed concurrently; reload it");
        }
    }

    /** "#12 Remove Loans in Core Banking": how the event's activity names a request. */
    String describe(AccessRequest request) {
        return describe(List.of(request)).get(0);
    }

    private List<String> describe(List<AccessRequest> list) {
        Map<UUID, PermissionRef> refs = applications.describe(
                list.stream().map(AccessRequest::permissionId).collect(Collectors.toSet()));
        return list.stream()
                .map(r -> {
                    PermissionRef ref = refs.get(r.permissionId());
                    return "#" + r.number() + " " + r.action() + " "
                            + ref.permission().name() + " in "
                            + ref.application().name();
                })
                .toList();
    }

    /** The request, its event locked first; it must be Open. */
    private AccessRequest open(UUID id) {
        AccessRequest request = lockEventOf(find(id));
        if (request.status() != EventStatus.Open) {
            throw new ConflictException("Access request #" + request.number() + " is " + request.status()
                    + "; only an Open request can be completed or rejected");
        }
        return request;
    }

    /** The request, if the caller may see it (404 otherwise, as for one that does not exist). */
    AccessRequest visible(UUID id, Caller caller) {
        AccessRequest request = find(id);
        UUID me = caller.narrowedTo();
        if (me != null && !requests.isVisibleTo(id, me)) {
            throw new NotFoundException(notFound(id));
        }
        return request;
    }

    /**
     * Who may carry out or refuse the request: a token with the provisioning scope (the door checked it), a
     * person of the Provision Team or one of the application's Provision Engineers; and nobody their own
     * access, unless the duty is relaxed.
     */
    private void checkMayWork(AccessRequest request, Caller caller) {
        if (!caller.isPerson()) {
            return;
        }
        if (!caller.holds(Role.ProvisionTeam)
                && !applications.isResponsible(
                        caller.identityId(), request.permissionId(), Responsibility.ProvisionEngineer)) {
            throw new ForbiddenException("Carrying out access requests of "
                    + applications
                            .describe(Set.of(request.permissionId()))
                            .get(request.permissionId())
                            .application()
                            .name()
                    + " needs the Provision Team role or to be one of the application's Provision Engineers");
        }
        if (request.identityId().equals(caller.personBehind())
                && settings.current().enforces(Duty.NO_WORK_ON_OWN_ACCESS)) {
            throw new ForbiddenException(Duty.NO_WORK_ON_OWN_ACCESS.refusal("this request is about your own access"));
        }
    }

    /**
     * Keeping the access a request would have removed: not by whoever refused to remove it, unless the
     * administrator relaxed that duty.
     */
    void checkMayKeep(AccessRequest request, Caller caller) {
        UUID refuser = request.completedById();
        if (refuser != null
                && (caller.actor().is(refuser)
                        || (caller.personBehind() != null
                                && caller.personBehind()
                                        .equals(tokens.personBehind(refuser).orElse(null))))
                && settings.current().enforces(Duty.REFUSER_DOES_NOT_DECIDE)) {
            throw new ForbiddenException(Duty.REFUSER_DOES_NOT_DECIDE.refusal("you refused to carry out this request"));
        }
    }

    /** What a person may do to a request on the Change Management page (the server checks again). */
    public record RequestActions(
            boolean assignToMe, boolean complete, boolean reject, boolean retry, boolean acceptException) {}

    @Transactional(readOnly = true)
    public Map<UUID, RequestActions> actions(List<AccessRequestView> list, Caller caller) {
        Map<UUID, RequestActions> actions = new java.util.HashMap<>();
        for (AccessRequestView view : list) {
            AccessRequest request = find(view.id());
            boolean open = request.status() == EventStatus.Open;
            boolean work = open && passes(() -> checkMayWork(request, caller));
            boolean decide = request.awaitsDecision()
                    && passes(() -> outcomes.getObject().checkMayDecide(request.eventId(), caller));
            boolean mine = request.assignee() != null && request.assignee().id().equals(caller.identityId());
            actions.put(
                    view.id(),
                    new RequestActions(
                            work && caller.isPerson() && !mine,
                            work,
                            work,
                            decide,
                            decide && passes(() -> checkMayKeep(request, caller))));
        }
        return actions;
    }

    private static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    static String notFound(UUID id) {
        return "Access request with id " + id + " not found";
    }

    AccessRequest find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException(notFound(id)));
    }
}
