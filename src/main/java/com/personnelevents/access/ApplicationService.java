package com.personnelevents.access;

import com.personnelevents.audit.AdminTrail;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Actor;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications and their permissions. Applications are retired, never deleted: requests point at them. */
@Service
public class ApplicationService {

    private final ApplicationRepository applications;
    private final AccessMetrics metrics;
    private final AdminTrail adminTrail;
    private final IdentityService identities;
    private final Clock clock;

    ApplicationService(
            ApplicationRepository applications,
            AccessMetrics metrics,
            AdminTrail adminTrail,
            IdentityService identities,
            Clock clock) {
        this.applications = applications;
        this.identities = identities;
        this.adminTrail = adminTrail;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    ApplicationView create(AccessRequests.ApplicationRequest request, Actor author) {
        Violations violations = new Violations();
        String name = violations.requiredText("name", request.name(), AccessRequests.NAME_MAX, "Name");
        String description =
                violations.longText("description", request.description(), AccessRequests.TEXT_MAX, "Description");
        List<AccessRequests.PermissionRequest> permissions = permissions(request.permissions(), violations);
        violations.throwIfAny();
        if (applications.findIdByName(name).isPresent()) {
            throw new ConflictException("An application named '" + name + "' already exists");
        }
        UUID id = UUID.randomUUID();
        applications.insert(id, name, description, clock.instant());
        permissions.forEach(p ->
                applications.insertPermission(UUID.randomUUID(), id, p.name().trim(), p.description()));
        metrics.track(name);
        ApplicationView created = get(id);
        adminTrail.record(author, "Application created", subject(created), describe(created));
        return created;
    }

    /** Renames or re-describes the application; listed permissions are added or re-described. */
    @Transactional
    ApplicationView update(UUID id, AccessRequests.ApplicationRequest request, Actor author) {
        ApplicationView current = get(id);
        Violations violations = new Violations();
        String name = violations.requiredText("name", request.name(), AccessRequests.NAME_MAX, "Name");
        String description =
                violations.longText("description", request.description(), AccessRequests.TEXT_MAX, "Description");
        List<AccessRequests.PermissionRequest> permissions = permissions(request.permissions(), violations);
        violations.throwIfAny();
        applications.findIdByName(name).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw new ConflictException("An application named '" + name + "' already exists");
        });
        applications.update(id, name, description, current.status(), clock.instant());
        metrics.track(name);
        Map<String, UUID> existing = current.permissions().stream()
                .collect(Collectors.toMap(ApplicationView.PermissionView::name, ApplicationView.PermissionView::id));
        for (AccessRequests.PermissionRequest permission : permissions) {
            UUID known = existing.get(permission.name().trim());
            if (known == null) {
                applications.insertPermission(
                        UUID.randomUUID(), id, permission.name().trim(), permission.description());
            } else {
                applications.updatePermission(known, permission.description());
            }
        }
        ApplicationView after = get(id);
        adminTrail.record(author, "Application changed", subject(after), describe(current) + " → " + describe(after));
        return after;
    }

    /** A retired application's permissions are no longer granted by access models. */
    @Transactional
    ApplicationView retire(UUID id, Actor author) {
        ApplicationView current = get(id);
        applications.update(id, current.name(), current.description(), "Retired", clock.instant());
        adminTrail.record(author, "Application retired", subject(current), current.status() + " → Retired");
        return get(id);
    }

    private static String subject(ApplicationView application) {
        return "Application " + application.name() + " (" + application.id() + ")";
    }

    /** "Active; permissions [Teller, Loans]". */
    private static String describe(ApplicationView application) {
        return application.status() + "; permissions "
                + application.permissions().stream()
                        .map(ApplicationView.PermissionView::name)
                        .toList();
    }

    /**
     * Names the application's Provision Engineers and Application Managers (each list replaces the one it
     * names; one left out stays); every person must be an identity. The administrative trail records it.
     */
    @Transactional
    ApplicationView setResponsibilities(UUID id, AccessRequests.ResponsibilitiesRequest request, Actor author) {
        ApplicationView current = get(id);
        Violations violations = new Violations();
        List<UUID> engineers =
                people(request == null ? null : request.provisionEngineers(), "provisionEngineers", violations);
        List<UUID> managers =
                people(request == null ? null : request.applicationManagers(), "applicationManagers", violations);
        violations.throwIfAny();
        if (engineers != null) {
            applications.replaceResponsible(id, Responsibility.ProvisionEngineer, engineers);
        }
        if (managers != null) {
            applications.replaceResponsible(id, Responsibility.ApplicationManager, managers);
        }
        ApplicationView after = get(id);
        adminTrail.record(
                author,
                "Responsibilities changed",
                subject(after),
                "Provision Engineers " + names(current.provisionEngineers()) + " → " + names(after.provisionEngineers())
                        + "; Application Managers " + names(current.applicationManagers()) + " → "
                        + names(after.applicationManagers()));
        return after;
    }

    private List<UUID> people(List<String> ids, String field, Violations violations) {
        if (ids == null) {
            return null;
        }
        Set<UUID> people = new java.util.LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = violations.guid(field + "[" + i + "]", ids.get(i), "Identity id");
            if (id != null) {
                people.add(id);
            }
        }
        Set<UUID> existing = identities.existing(people);
        for (int i = 0; i < ids.size(); i++) {
            String value = ids.get(i);
            people.stream()
                    .filter(p -> p.toString().equalsIgnoreCase(value == null ? "" : value.trim()))
                    .filter(p -> !existing.contains(p))
                    .findFirst()
                    .ifPresent(missing -> violations.add(field, IdentityService.notFound(missing)));
        }
        return List.copyOf(people);
    }

    private static List<String> names(List<Named> people) {
        return people.stream().map(Named::name).toList();
    }

    @Transactional(readOnly = true)
    ApplicationView get(UUID id) {
        return applications
                .findById(id)
                .orElseThrow(() -> new NotFoundException("Application with id " + id + " not found"));
    }

    @Transactional(readOnly = true)
    List<ApplicationView> list() {
        return applications.findAllIds().stream().map(this::get).toList();
    }

    private static List<AccessRequests.PermissionRequest> permissions(
            List<AccessRequests.PermissionRequest> requested, Violations violations) {
        if (requested == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            AccessRequests.PermissionRequest p = requested.get(i);
            String prefix = "permissions[" + i + "].";
            if (p == null) {
                violations.add("permissions[" + i + "]", "Permission must be an object");
                continue;
            }
            String name = violations.requiredText(prefix + "name", p.name(), AccessRequests.NAME_MAX, "Name");
            violations.longText(prefix + "description", p.description(), AccessRequests.TEXT_MAX, "Description");
            if (name != null && !seen.add(name)) {
                violations.add(prefix + "name", "Permission '" + name + "' is listed twice");
            }
        }
        return requested;
    }

    /** Resolves permissions named by application and permission; each unknown one is a field error. */
    @Transactional(readOnly = true)
    List<UUID> resolve(List<AccessRequests.PermissionName> names, String field, Violations violations) {
        if (names == null) {
            return List.of();
        }
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            AccessRequests.PermissionName name = names.get(i);
            String prefix = field + "[" + i + "]";
            if (name == null || name.application() == null || name.permission() == null) {
                violations.add(prefix, "Give the application and the permission by name");
                continue;
            }
            applications
                    .findActivePermission(name.application(), name.permission())
                    .ifPresentOrElse(
                            ids::add,
                            () -> violations.add(
                                    prefix,
                                    "No permission '" + name.permission() + "' in an active application '"
                                            + name.application() + "'"));
        }
        return ids;
    }

    /** Names by permission id, for views. */
    @Transactional(readOnly = true)
    Map<UUID, ApplicationRepository.PermissionRef> describe(Set<UUID> permissionIds) {
        return applications.describe(permissionIds);
    }
}
