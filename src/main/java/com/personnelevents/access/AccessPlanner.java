package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.access.IdentityAccessRepository.Held;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.workflow.AccessChange;
import com.personnelevents.workflow.EventStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Works out which requests an access change calls for, from what the person holds and what the access
 * models grant: onboarding adds what the matching models grant; offboarding removes everything held; a
 * role transition adds what the new attributes bring and removes what only the old ones justified (in
 * the Removal stage when old and new access overlap until a date); a leave suspends everything held and
 * in use, and its Removal restores exactly what was suspended.
 */
@Component
class AccessPlanner {

    static final String PROVISION = "Provision";
    static final String REMOVAL = "Removal";

    private final AccessModelRepository models;
    private final IdentityAccessRepository access;
    private final ApplicationRepository applications;
    private final AccessRequestRepository requests;
    private final IdentityService identities;

    AccessPlanner(
            AccessModelRepository models,
            IdentityAccessRepository access,
            ApplicationRepository applications,
            AccessRequestRepository requests,
            IdentityService identities) {
        this.models = models;
        this.access = access;
        this.applications = applications;
        this.requests = requests;
        this.identities = identities;
    }

    /** One request to raise: which permission, what to do with it, in which stage and status. */
    record Planned(UUID permissionId, AccessAction action, String stage, EventStatus status) {}

    /** The requests of a starting stage, from what the person holds now. */
    List<Planned> plan(StageStarted stage) {
        if (stage.change() == AccessChange.RESTORE_SUSPENDED) {
            return planned(suspendedBy(stage.eventId()), AccessAction.Restore, REMOVAL, EventStatus.Open);
        }
        return plan(
                stage.change(),
                identities.attributes(stage.identityId()).orElseThrow(),
                access.heldBy(stage.identityId()),
                stage.changes(),
                stage.removalLater());
    }

    /**
     * The requests a change calls for given these attributes and holdings (which may be hypothetical: a
     * new hire holds nothing yet).
     */
    List<Planned> plan(
            AccessChange change,
            IdentityAttributes current,
            List<Held> held,
            IdentityAttributes changes,
            boolean removalLater) {
        Set<UUID> active = held.stream()
                .filter(h -> IdentityAccessRepository.ACTIVE.equals(h.status()))
                .map(Held::permissionId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return switch (change) {
            case GRANT_MODELS ->
                planned(
                        toAdd(grantable(granted(models.findAll(), current)), active),
                        AccessAction.Add,
                        PROVISION,
                        EventStatus.Open);
            case REMOVE_HELD ->
                planned(
                        held.stream().map(Held::permissionId).collect(Collectors.toCollection(LinkedHashSet::new)),
                        AccessAction.Remove,
                        PROVISION,
                        EventStatus.Open);
            case SUSPEND_ACTIVE -> planned(active, AccessAction.Suspend, PROVISION, EventStatus.Open);
            case ROLE_CHANGE -> {
                List<AccessModel> all = models.findAll();
                Set<UUID> before = granted(all, current);
                Set<UUID> after = grantable(granted(all, current.apply(changes)));
                List<Planned> plan =
                        new ArrayList<>(planned(toAdd(after, active), AccessAction.Add, PROVISION, EventStatus.Open));
                plan.addAll(planned(
                        toRemove(before, after, active),
                        AccessAction.Remove,
                        removalLater ? REMOVAL : PROVISION,
                        removalLater ? EventStatus.Scheduled : EventStatus.Open));
                yield plan;
            }
            default -> throw new IllegalArgumentException("No plan for " + change);
        };
    }

    static List<AccessModel> matching(Collection<AccessModel> models, IdentityAttributes attributes) {
        return models.stream().filter(m -> m.matches(attributes)).toList();
    }

    static Set<UUID> granted(Collection<AccessModel> models, IdentityAttributes attributes) {
        Set<UUID> permissions = new LinkedHashSet<>();
        matching(models, attributes).forEach(m -> permissions.addAll(m.permissionIds()));
        return permissions;
    }

    /** What the new attributes bring that the person does not hold yet. */
    static Set<UUID> toAdd(Set<UUID> grantedAfter, Set<UUID> held) {
        Set<UUID> add = new LinkedHashSet<>(grantedAfter);
        add.removeAll(held);
        return add;
    }

    /**
     * What only the old attributes justified: granted before, not after, and held. Permissions held for
     * other reasons (granted by hand, imported) are not the models' to take away.
     */
    static Set<UUID> toRemove(Set<UUID> grantedBefore, Set<UUID> grantedAfter, Set<UUID> held) {
        Set<UUID> remove = new LinkedHashSet<>(grantedBefore);
        remove.removeAll(grantedAfter);
        remove.retainAll(held);
        return remove;
    }

    private static List<Planned> planned(
            Collection<UUID> permissions, AccessAction action, String stage, EventStatus status) {
        return permissions.stream()
                .map(permission -> new Planned(permission, action, stage, status))
                .toList();
    }

    /** What this event's suspension actually took away: its completed Suspend requests. */
    private Set<UUID> suspendedBy(UUID eventId) {
        return requests.forEvent(eventId).stream()
                .filter(r -> r.action() == AccessAction.Suspend && r.status() == EventStatus.Completed)
                .map(AccessRequest::permissionId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Permissions of retired applications are no longer handed out. */
    private Set<UUID> grantable(Set<UUID> permissions) {
        Map<UUID, PermissionRef> refs = applications.describe(permissions);
        return permissions.stream()
                .filter(p -> refs.containsKey(p) && refs.get(p).active())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
