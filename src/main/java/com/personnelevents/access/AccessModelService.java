package com.personnelevents.access;

import com.personnelevents.access.AccessModelView.GrantedPermission;
import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.audit.AdminTrail;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityAttribute;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityType;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccessModelService {

    private final AccessModelRepository models;
    private final ApplicationService applications;
    private final IdentityService identities;
    private final AdminTrail adminTrail;
    private final Clock clock;

    AccessModelService(
            AccessModelRepository models,
            ApplicationService applications,
            IdentityService identities,
            AdminTrail adminTrail,
            Clock clock) {
        this.adminTrail = adminTrail;
        this.models = models;
        this.applications = applications;
        this.identities = identities;
        this.clock = clock;
    }

    @Transactional
    AccessModelView create(AccessRequests.ModelRequest request, Actor author) {
        AccessModel model = validate(UUID.randomUUID(), request, 0);
        if (models.findIdByName(model.name()).isPresent()) {
            throw new ConflictException("An access model named '" + model.name() + "' already exists");
        }
        models.insert(model, clock.instant());
        AccessModelView created = get(model.id());
        adminTrail.record(author, "Access model created", subject(created), describe(created));
        return created;
    }

    /** Replaces the model's definition: name, criteria, permissions, enabled. */
    @Transactional
    AccessModelView update(UUID id, AccessRequests.ModelRequest request, Actor author) {
        AccessModelView before = get(id);
        AccessModel current = find(id);
        AccessModel model = validate(id, request, current.version());
        models.findIdByName(model.name()).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw new ConflictException("An access model named '" + model.name() + "' already exists");
        });
        if (!models.update(model, clock.instant())) {
            throw new ConflictException("Access model " + id + " was changed concurrently; reload it");
        }
        AccessModelView after = get(id);
        adminTrail.record(author, "Access model changed", subject(after), describe(before) + " → " + describe(after));
        return after;
    }

    private static String subject(AccessModelView model) {
        return "Access model " + model.name() + " (" + model.id() + ")";
    }

    /** "enabled; criteria {department=[Lending]}; permissions [Core Banking/Teller]". */
    private static String describe(AccessModelView model) {
        return (model.enabled() ? "enabled" : "disabled") + "; criteria " + model.criteria() + "; permissions "
                + model.permissions().stream()
                        .map(g -> g.application().name() + "/" + g.permission().name())
                        .toList();
    }

    @Transactional(readOnly = true)
    AccessModelView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    /** Who the model matches now, among active people: how many, and the first 50 by name. */
    @Transactional(readOnly = true)
    IdentityService.Matching whoMatches(UUID id) {
        return identities.matching(find(id).criteria(), 50);
    }

    @Transactional(readOnly = true)
    List<AccessModelView> list() {
        return views(models.findAll());
    }

    /** Which enabled models the identity matches now, and the permissions they grant together. */
    @Transactional(readOnly = true)
    AccessModelView.Preview preview(UUID identityId) {
        IdentityAttributes attributes = identities
                .attributes(identityId)
                .orElseThrow(() -> new NotFoundException(IdentityService.notFound(identityId)));
        List<AccessModel> matching = AccessPlanner.matching(models.findAll(), attributes);
        Set<UUID> permissions = new LinkedHashSet<>();
        matching.forEach(m -> permissions.addAll(m.permissionIds()));
        Map<UUID, PermissionRef> refs = applications.describe(permissions);
        return new AccessModelView.Preview(
                new Named(identityId, identities.displayName(identityId).orElse(null)),
                matching.stream().map(m -> new Named(m.id(), m.name())).toList(),
                granted(permissions, refs).stream()
                        .filter(g -> refs.get(g.permission().id()).active())
                        .toList());
    }

    private AccessModel find(UUID id) {
        return models.findById(id)
                .orElseThrow(() -> new NotFoundException("Access model with id " + id + " not found"));
    }

    private AccessModel validate(UUID id, AccessRequests.ModelRequest request, long version) {
        Violations violations = new Violations();
        String name = violations.requiredText("name", request.name(), AccessRequests.NAME_MAX, "Name");
        String description =
                violations.longText("description", request.description(), AccessRequests.TEXT_MAX, "Description");
        Map<IdentityAttribute, Set<String>> criteria = new EnumMap<>(IdentityAttribute.class);
        if (request.criteria() != null) {
            request.criteria().forEach((attribute, values) -> {
                String field = "criteria." + attribute;
                IdentityAttribute parsed =
                        IdentityAttribute.matchable(attribute).orElse(null);
                if (parsed == null) {
                    violations.add(field, "Unknown attribute; valid attributes: " + IdentityAttribute.matchableNames());
                    return;
                }
                if (values == null || values.isEmpty()) {
                    violations.add(field, "At least one accepted value is required");
                    return;
                }
                Set<String> accepted = new LinkedHashSet<>();
                for (String value : values) {
                    String text = violations.text(field, value, AccessRequests.TEXT_MAX, "Value");
                    if (text == null) {
                        violations.add(field, "Values must not be empty");
                    } else if (parsed == IdentityAttribute.identityType
                            && IdentityType.parse(text).isEmpty()) {
                        // a misspelt type would silently never match
                        violations.add(field, "Identity type must be one of: " + IdentityType.validValues());
                    } else {
                        accepted.add(text);
                    }
                }
                criteria.put(parsed, accepted);
            });
        }
        List<UUID> permissions = applications.resolve(request.permissions(), "permissions", violations);
        if (request.permissions() == null || request.permissions().isEmpty()) {
            violations.add("permissions", "A model grants at least one permission");
        }
        violations.throwIfAny();
        return new AccessModel(
                id,
                name,
                description,
                request.enabled() == null || request.enabled(),
                criteria,
                new LinkedHashSet<>(permissions),
                version);
    }

    private List<AccessModelView> views(Collection<AccessModel> list) {
        Set<UUID> all = new LinkedHashSet<>();
        list.forEach(m -> all.addAll(m.permissionIds()));
        Map<UUID, PermissionRef> refs = applications.describe(all);
        List<AccessModelView> views = new ArrayList<>();
        for (AccessModel model : list) {
            Map<String, List<String>> criteria = new LinkedHashMap<>();
            model.criteria().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> criteria.put(e.getKey().name(), List.copyOf(e.getValue())));
            views.add(new AccessModelView(
                    model.id(),
                    model.name(),
                    model.description(),
                    model.enabled(),
                    criteria,
                    granted(model.permissionIds(), refs)));
        }
        return views;
    }

    private static List<GrantedPermission> granted(Collection<UUID> permissions, Map<UUID, PermissionRef> refs) {
        return permissions.stream()
                .map(refs::get)
                .map(ref -> new GrantedPermission(ref.application(), ref.permission()))
                .sorted(java.util.Comparator.comparing(
                                (GrantedPermission g) -> g.application().name())
                        .thenComparing(g -> g.permission().name()))
                .toList();
    }
}
