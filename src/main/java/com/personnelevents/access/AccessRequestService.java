package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.access.IdentityAccessRepository.Held;
import com.personnelevents.auth.ApiCaller;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises the access requests of a stage when it starts, and closes them: completing one changes what
 * the person holds in the same transaction; when a stage's last request closes, the stage is done.
 */
@Service
public class AccessRequestService {

    static final String PROVISION = "Provision";
    static final String REMOVAL = "Removal";

    private final AccessRequestRepository requests;
    private final AccessModelRepository models;
    private final IdentityAccessRepository access;
    private final ApplicationRepository applications;
    private final IdentityService identities;
    private final ObjectProvider<AccessRequestOutcomes> outcomes;
    private final Clock clock;

    AccessRequestService(
            AccessRequestRepository requests,
            AccessModelRepository models,
            IdentityAccessRepository access,
            ApplicationRepository applications,
            IdentityService identities,
            ObjectProvider<AccessRequestOutcomes> outcomes,
            Clock clock) {
        this.requests = requests;
        this.models = models;
        this.access = access;
        this.applications = applications;
        this.identities = identities;
        // Looked up when a request closes: the event feature that implements it depends on this service.
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * Raises the requests a starting stage's change calls for ({@link AccessChange}); returns how many.
     * Onboarding adds what the matching models grant; offboarding removes everything held; a role
     * transition adds what the new attributes bring and removes what only the old ones justified (in the
     * Removal stage when old and new access overlap until a date); a leave suspends everything held, and
     * its Removal restores exactly what was suspended.
     */
    @Transactional
    public int stageStarted(StageStarted stage) {
        switch (stage.change()) {
            case RESTORE_SUSPENDED:
                return raise(stage, suspendedBy(stage.eventId()), AccessAction.Restore, REMOVAL, EventStatus.Open);
            case ROLE_CHANGE_LATER:
                return requests.moveAll(stage.eventId(), REMOVAL, EventStatus.Scheduled, EventStatus.Open);
            default:
                break;
        }
        List<Held> held = access.heldBy(stage.identityId());
        Set<UUID> active = held.stream()
                .filter(h -> IdentityAccessRepository.ACTIVE.equals(h.status()))
                .map(Held::permissionId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        IdentityAttributes current = identities.attributes(stage.identityId()).orElseThrow();
        List<AccessModel> all = models.findAll();
        switch (stage.change()) {
            case GRANT_MODELS:
                return raise(
                        stage,
                        AccessPlan.toAdd(grantable(AccessPlan.granted(all, current)), active),
                        AccessAction.Add,
                        PROVISION,
                        EventStatus.Open);
            case REMOVE_HELD:
                return raise(
                        stage,
                        held.stream().map(Held::permissionId).collect(Collectors.toSet()),
                        AccessAction.Remove,
                        PROVISION,
                        EventStatus.Open);
            case SUSPEND_ACTIVE:
                return raise(stage, active, AccessAction.Suspend, PROVISION, EventStatus.Open);
            case ROLE_CHANGE:
                IdentityAttributes after = current.apply(stage.changes());
                Set<UUID> before = AccessPlan.granted(all, current);
                Set<UUID> granted = grantable(AccessPlan.granted(all, after));
                int added =
                        raise(stage, AccessPlan.toAdd(granted, active), AccessAction.Add, PROVISION, EventStatus.Open);
                Set<UUID> remove = AccessPlan.toRemove(before, granted, active);
                return added
                        + (stage.removalLater()
                                ? raise(stage, remove, AccessAction.Remove, REMOVAL, EventStatus.Scheduled)
                                : raise(stage, remove, AccessAction.Remove, PROVISION, EventStatus.Open));
            default:
                throw new IllegalArgumentException("No access requests for " + stage.change());
        }
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
        views(requests.forEvent(eventId))
                .forEach(view -> byStage.computeIfAbsent(view.stage(), k -> new ArrayList<>())
                        .add(view));
        return byStage;
    }

    @Transactional(readOnly = true)
    AccessRequestView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    @Transactional(readOnly = true)
    PageResponse<AccessRequestView> page(
            int page, String identityId, String applicationId, String status, String type) {
        long offset = PageResponse.offset(page);
        Violations violations = new Violations();
        Map<String, Object> filters = new LinkedHashMap<>();
        putIfPresent(
                filters,
                "identity_id",
                blank(identityId) ? null : violations.guid("identityId", identityId, "Identity id"));
        putIfPresent(
                filters,
                "application_id",
                blank(applicationId) ? null : violations.guid("applicationId", applicationId, "Application id"));
        if (!blank(status)) {
            EventStatus parsed = EventStatus.parse(status).orElse(null);
            if (parsed == null) {
                violations.add("status", "Status must be one of: " + EventStatus.validValues());
            }
            putIfPresent(filters, "status", parsed == null ? null : parsed.name());
        }
        if (!blank(type)) {
            AccessAction action = java.util.Arrays.stream(AccessAction.values())
                    .filter(a -> a.name().equalsIgnoreCase(type.trim()))
                    .findFirst()
                    .orElse(null);
            if (action == null) {
                violations.add("type", "Type must be one of: Add, Change, Remove, Suspend, Restore");
            }
            putIfPresent(filters, "action", action == null ? null : action.name());
        }
        violations.throwIfAny();
        return PageResponse.of(views(requests.page(filters, offset)), requests.count(filters), page);
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

    private int raise(
            StageStarted stage,
            Collection<UUID> permissions,
            AccessAction action,
            String stageName,
            EventStatus status) {
        for (UUID permission : permissions) {
            requests.insert(new AccessRequest(
                    UUID.randomUUID(),
                    requests.nextNumber(),
                    stage.eventId(),
                    stageName,
                    stage.identityId(),
                    permission,
                    action,
                    status,
                    stage.reporterName(),
                    null,
                    stage.at(),
                    null,
                    null,
                    0));
        }
        return permissions.size();
    }

    /** What this event's suspension actually took away: its completed Suspend requests. */
    private Set<UUID> suspendedBy(UUID eventId) {
        return requests.forEvent(eventId).stream()
                .filter(r -> r.action() == AccessAction.Suspend && r.status() == EventStatus.Completed)
                .map(AccessRequest::permissionId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Permissions of retired applications are no longer handed out. */
    private Set<UUID> grantable(Set<UUID> permissions) {
        Map<UUID, PermissionRef> refs = applications.describe(permissions);
        return permissions.stream()
                .filter(p -> refs.containsKey(p) && refs.get(p).active())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private List<AccessRequestView> views(List<AccessRequest> list) {
        Map<UUID, PermissionRef> refs = applications.describe(
                list.stream().map(AccessRequest::permissionId).collect(Collectors.toSet()));
        Map<UUID, String> names = new java.util.HashMap<>();
        return list.stream()
                .map(r -> {
                    String person = names.computeIfAbsent(
                            r.identityId(), id -> identities.displayName(id).orElse(id.toString()));
                    PermissionRef ref = refs.get(r.permissionId());
                    return new AccessRequestView(
                            r.id(),
                            AccessRequestView.KIND,
                            r.number(),
                            r.action(),
                            r.status(),
                            new Named(null, r.reporterName()),
                            null,
                            new AccessRequestView.Target("User", person, new Named(r.identityId(), person)),
                            ref.application(),
                            ref.permission(),
                            r.eventId(),
                            r.stage(),
                            r.reason(),
                            r.createdAt(),
                            r.completedOn(),
                            r.completedBy());
                })
                .toList();
    }

    private static void putIfPresent(Map<String, Object> filters, String key, Object value) {
        if (value != null) {
            filters.put(key, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
