package com.personnelevents.identity;

import com.personnelevents.failure.ConflictException;
import com.personnelevents.identity.IdentityImportResponse.Outcome;
import com.personnelevents.identity.IdentityRepository.IdentityRow;
import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HR import: a batch of full records, each matched to a stored identity by {@code externalId} (or
 * email when it has none), checked as a whole and written as a whole.
 */
@Service
class IdentityImportService {

    static final int MAX_IMPORT = 1000;
    static final int EXTERNAL_ID_MAX = IdentityRequest.EXTERNAL_ID_MAX;

    private final IdentityRepository repository;
    private final SettingsService settings;
    private final Clock clock;

    IdentityImportService(IdentityRepository repository, SettingsService settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates or updates every row of the batch, or none of them. */
    @Transactional
    IdentityImportResponse importIdentities(IdentityImportRequest request) {
        List<IdentityImportRequest.Item> items = request.identities();
        if (items == null || items.isEmpty()) {
            throw ValidationException.of("identities", "At least one identity is required");
        }
        if (items.size() > MAX_IMPORT) {
            throw ValidationException.of("identities", "At most " + MAX_IMPORT + " identities can be imported at once");
        }
        Violations violations = new Violations();
        List<Planned> plan = plan(items, settings.current(), violations);
        resolveSupervisors(plan, violations);
        violations.throwIfAny();
        return write(plan, clock.instant());
    }

    private List<Planned> plan(List<IdentityImportRequest.Item> items, Settings current, Violations violations) {
        List<Planned> plan = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        Map<UUID, Integer> claimed = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            IdentityImportRequest.Item item = items.get(i);
            String prefix = "identities[" + i + "].";
            if (item == null) {
                violations.add("identities[" + i + "]", "Identity must be an object");
                continue;
            }
            String externalId =
                    violations.text(prefix + "externalId", item.externalId(), EXTERNAL_ID_MAX, "External id");
            IdentityAttributes attributes =
                    item.attributes().validate(prefix, IdentityRequest.Names.REQUIRED, current, violations);
            IdentityStatus status = null;
            if (item.status() != null && !item.status().isBlank()) {
                status = IdentityStatus.parse(item.status()).orElse(null);
                if (status == null) {
                    violations.add(prefix + "status", "Status must be one of: " + IdentityStatus.validValues());
                }
            }
            String supervisorExternalId = violations.text(
                    prefix + "supervisorExternalId",
                    item.supervisorExternalId(),
                    EXTERNAL_ID_MAX,
                    "Supervisor external id");
            if (supervisorExternalId != null && attributes.supervisorId() != null) {
                violations.add(prefix + "supervisorExternalId", "Give supervisorId or supervisorExternalId, not both");
            }
            String keyField = externalId != null ? "externalId" : "email";
            String key = externalId != null
                    ? "externalId:" + externalId
                    : attributes.email() == null
                            ? null
                            : "email:" + attributes.email().toLowerCase(Locale.ROOT);
            if (key == null) {
                if (!violations.has(prefix + "email")) {
                    violations.add(prefix + "externalId", "External id or email is required to match the identity");
                }
            } else if (keys.putIfAbsent(key, i) != null) {
                violations.add(prefix + keyField, "Same " + keyField + " as identities[" + keys.get(key) + "]");
            }
            Planned planned = new Planned(i, externalId, attributes, status, supervisorExternalId);
            matchExisting(planned, prefix, violations);
            Integer earlier = planned.existing == null ? null : claimed.putIfAbsent(planned.id, i);
            if (earlier != null) {
                violations.add(
                        prefix + keyField,
                        "Matches the same stored identity as identities[" + earlier + "]; send one row per person");
            }
            plan.add(planned);
        }
        return plan;
    }

    private void matchExisting(Planned planned, String prefix, Violations violations) {
        if (planned.externalId != null) {
            planned.existing = repository
                    .findByExternalId(planned.externalId)
                    .map(IdentityRow::identity)
                    .orElse(null);
        } else if (planned.attributes.email() != null) {
            List<IdentityRow> matches = repository.findByEmail(planned.attributes.email());
            if (matches.size() > 1) {
                violations.add(
                        prefix + "email",
                        "Email matches " + matches.size() + " identities; give an externalId to choose one");
            } else if (matches.size() == 1) {
                planned.existing = matches.get(0).identity();
            }
        }
        planned.id = planned.existing != null ? planned.existing.id() : UUID.randomUUID();
    }

    private void resolveSupervisors(List<Planned> plan, Violations violations) {
        Map<String, UUID> batchByExternalId = new HashMap<>();
        plan.stream().filter(p -> p.externalId != null).forEach(p -> batchByExternalId.put(p.externalId, p.id));
        Set<UUID> stored = new HashSet<>(repository.existing(plan.stream()
                .map(p -> p.attributes.supervisorId())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet())));
        for (Planned p : plan) {
            String prefix = "identities[" + p.index + "].";
            UUID supervisor = p.attributes.supervisorId();
            if (supervisor != null && !stored.contains(supervisor)) {
                violations.add(prefix + "supervisorId", IdentityService.notFound(supervisor));
            }
            if (p.supervisorExternalId != null) {
                supervisor = batchByExternalId.get(p.supervisorExternalId);
                if (supervisor == null) {
                    supervisor = repository
                            .findByExternalId(p.supervisorExternalId)
                            .map(row -> row.identity().id())
                            .orElse(null);
                }
                if (supervisor == null) {
                    violations.add(
                            prefix + "supervisorExternalId",
                            "Identity with externalId " + p.supervisorExternalId + " not found");
                }
            }
            if (supervisor != null && supervisor.equals(p.id)) {
                String field = p.supervisorExternalId != null ? "supervisorExternalId" : "supervisorId";
                violations.add(prefix + field, "An identity cannot be its own supervisor");
            }
            p.supervisor = supervisor;
        }
    }

    /**
     * New rows first (a supervisor that is itself new in the batch is linked afterwards), then the
     * updates, whose supervisors all exist by then.
     */
    private IdentityImportResponse write(List<Planned> plan, Instant now) {
        Set<UUID> newIds =
                plan.stream().filter(p -> p.existing == null).map(p -> p.id).collect(Collectors.toSet());
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        List<Planned> linkLater = new ArrayList<>();
        for (Planned p : plan) {
            if (p.existing != null) {
                continue;
            }
            boolean supervisorIsNew = p.supervisor != null && newIds.contains(p.supervisor);
            IdentityAttributes attributes =
                    p.finalAttributes(IdentityType.DEFAULT, supervisorIsNew ? null : p.supervisor);
            repository.insert(Identity.create(
                    p.id, p.externalId, attributes, p.status == null ? IdentityStatus.Active : p.status, now));
            if (supervisorIsNew) {
                linkLater.add(p);
            }
            outcomes.put(p.index, Outcome.Created);
        }
        for (Planned p : plan) {
            if (p.existing == null) {
                continue;
            }
            Identity before = p.existing;
            Identity after = before.update(
                    p.externalId != null ? p.externalId : before.externalId(),
                    p.finalAttributes(before.attributes().identityType(), p.supervisor),
                    p.status != null ? p.status : before.status(),
                    now);
            if (after.sameRecordAs(before)) {
                outcomes.put(p.index, Outcome.Unchanged);
                continue;
            }
            if (!repository.update(after)) {
                throw new ConflictException("Identity " + before.id() + " was changed concurrently; retry the import");
            }
            outcomes.put(p.index, Outcome.Updated);
        }
        for (Planned p : linkLater) {
            repository.setSupervisor(p.id, p.supervisor);
        }
        List<IdentityImportResponse.Result> results = plan.stream()
                .map(p -> new IdentityImportResponse.Result(
                        p.index, p.id, p.externalId, p.attributes.email(), outcomes.get(p.index)))
                .toList();
        return new IdentityImportResponse(
                count(outcomes, Outcome.Created),
                count(outcomes, Outcome.Updated),
                count(outcomes, Outcome.Unchanged),
                results);
    }

    private static int count(Map<Integer, Outcome> outcomes, Outcome outcome) {
        return (int) outcomes.values().stream().filter(o -> o == outcome).count();
    }

    /** One row of an import on its way to the database. */
    private static final class Planned {
        final int index;
        final String externalId;
        final IdentityAttributes attributes;
        final IdentityStatus status;
        final String supervisorExternalId;
        Identity existing;
        UUID id;
        UUID supervisor;

        Planned(
                int index,
                String externalId,
                IdentityAttributes attributes,
                IdentityStatus status,
                String supervisorExternalId) {
            this.index = index;
            this.externalId = externalId;
            this.attributes = attributes;
            this.status = status;
            this.supervisorExternalId = supervisorExternalId;
        }

        /** The row is the whole record, except that an absent type keeps the stored one. */
        IdentityAttributes finalAttributes(IdentityType typeIfAbsent, UUID supervisorId) {
            IdentityAttributes a = attributes.withTypeIfAbsent(typeIfAbsent);
            return new IdentityAttributes(
                    a.firstName(),
                    a.lastName(),
                    a.email(),
                    a.identityType(),
                    a.title(),
                    a.company(),
                    a.division(),
                    a.department(),
                    a.office(),
                    supervisorId,
                    a.customFields());
        }
    }
}
