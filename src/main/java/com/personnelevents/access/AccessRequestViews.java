package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.identity.IdentityService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Access requests as the API shows them: with the person's name, the application and the permission. */
@Component
class AccessRequestViews {

    private final ApplicationRepository applications;
    private final IdentityService identities;

    AccessRequestViews(ApplicationRepository applications, IdentityService identities) {
        this.applications = applications;
        this.identities = identities;
    }

    List<AccessRequestView> of(List<AccessRequest> list) {
        Map<UUID, PermissionRef> refs = applications.describe(
                list.stream().map(AccessRequest::permissionId).collect(Collectors.toSet()));
        // one statement for the people of a page, not one per person
        Map<UUID, String> names = identities.displayNames(
                list.stream().map(AccessRequest::identityId).collect(Collectors.toSet()));
        return list.stream()
                .map(r -> {
                    String person =
                            names.getOrDefault(r.identityId(), r.identityId().toString());
                    PermissionRef ref = refs.get(r.permissionId());
                    return new AccessRequestView(
                            r.id(),
                            AccessRequestView.KIND,
                            r.number(),
                            r.action(),
                            r.status(),
                            new Named(null, r.reporterName()),
                            r.assignee(),
                            new AccessRequestView.Target("User", person, new Named(r.identityId(), person)),
                            ref.application(),
                            ref.permission(),
                            r.eventId(),
                            r.stage(),
                            r.reason(),
                            r.createdAt(),
                            r.completedOn(),
                            r.completedBy(),
                            r.refusal() == null
                                    ? null
                                    : new AccessRequestView.AccessException(
                                            r.refusal().status().name(),
                                            r.refusal().decidedBy(),
                                            r.refusal().reason(),
                                            r.refusal().decidedOn()),
                            r.retryOf(),
                            r.undoes());
                })
                .toList();
    }
}
