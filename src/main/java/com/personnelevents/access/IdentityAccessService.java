package com.personnelevents.access;

import com.personnelevents.access.ApplicationRepository.PermissionRef;
import com.personnelevents.access.IdentityAccessRepository.Held;
import com.personnelevents.auth.Caller;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** What each person holds now, and loading it in bulk from an application's export. */
@Service
public class IdentityAccessService {

    static final int MAX_IMPORT = 10_000;
    static final Set<String> CSV_COLUMNS = Set.of("identityId", "externalId", "application", "permission", "account");

    private final IdentityAccessRepository access;
    private final ApplicationRepository applications;
    private final IdentityService identities;
    private final Clock clock;
    private final CsvMapper csv = CsvMapper.builder().build();

    IdentityAccessService(
            IdentityAccessRepository access,
            ApplicationRepository applications,
            IdentityService identities,
            Clock clock) {
        this.access = access;
        this.applications = applications;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * What the identity holds, for a caller who may see it: those who see everything, and the person's
     * supervisor; to anyone else the identity's access is not found.
     */
    @Transactional(readOnly = true)
    public List<HeldAccessView> held(UUID identityId, Caller caller) {
        UUID me = caller.narrowedTo();
        if (identities
                .find(identityId)
                .filter(i -> me == null || me.equals(i.supervisorId()))
                .isEmpty()) {
            throw new NotFoundException(IdentityService.notFound(identityId));
        }
        List<Held> held = access.heldBy(identityId);
        Map<UUID, PermissionRef> refs =
                applications.describe(held.stream().map(Held::permissionId).collect(Collectors.toSet()));
        return held.stream()
                .map(h -> new HeldAccessView(
                        refs.get(h.permissionId()).application(),
                        refs.get(h.permissionId()).permission(),
                        h.account(),
                        h.status(),
                        h.updatedAt()))
                .sorted(Comparator.comparing(
                                (HeldAccessView v) -> v.application().name())
                        .thenComparing(v -> v.permission().name()))
                .toList();
    }

    /** Grants every row (all or none); rows already held keep their status and take the account given. */
    @Transactional
    int importGrants(List<AccessRequests.Grant> grants) {
        if (grants == null || grants.isEmpty()) {
            throw ValidationException.of("grants", "At least one grant is required");
        }
        if (grants.size() > MAX_IMPORT) {
            throw ValidationException.of("grants", "At most " + MAX_IMPORT + " grants can be imported at once");
        }
        Violations violations = new Violations();
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            AccessRequests.Grant grant = grants.get(i);
            String prefix = "grants[" + i + "]";
            if (grant == null) {
                violations.add(prefix, "Grant must be an object");
                continue;
            }
            UUID identity = identity(grant, prefix, violations);
            UUID permission = grant.application() == null || grant.permission() == null
                    ? null
                    : applications
                            .findActivePermission(grant.application(), grant.permission())
                            .orElse(null);
            if (permission == null) {
                violations.add(
                        prefix + ".permission",
                        "No permission '" + grant.permission() + "' in an active application '" + grant.application()
                                + "'");
            }
            String account = violations.text(prefix + ".account", grant.account(), AccessRequests.NAME_MAX, "Account");
            if (identity != null && permission != null) {
                resolved.add(new Resolved(identity, permission, account));
            }
        }
        violations.throwIfAny();
        Instant now = clock.instant();
        resolved.forEach(r -> access.grant(r.identity, r.permission, r.account, now));
        return resolved.size();
    }

    /** The same rows as CSV with a header: identityId or externalId, application, permission, account. */
    @Transactional
    int importCsv(String text) {
        // Spreadsheets ("CSV UTF-8") start the file with a byte order mark; it is not part of the header.
        String csvText = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (csvText.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store or even compare text holding NUL; no export legitimately has one.
            throw ValidationException.of("csv", "The CSV must not contain NUL characters");
        }
        List<AccessRequests.Grant> grants = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csvText)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                for (String column : row.keySet()) {
                    if (!CSV_COLUMNS.contains(column)) {
                        throw ValidationException.of(
                                "csv", "Unknown column '" + column + "'; columns: " + String.join(", ", CSV_COLUMNS));
                    }
                }
                grants.add(new AccessRequests.Grant(
                        empty(row.get("identityId")),
                        empty(row.get("externalId")),
                        empty(row.get("application")),
                        empty(row.get("permission")),
                        empty(row.get("account"))));
            }
        } catch (JacksonException e) {
            throw ValidationException.of("csv", "The CSV could not be read: a header row and one grant per line");
        }
        return importGrants(grants);
    }

    private UUID identity(AccessRequests.Grant grant, String prefix, Violations violations) {
        if (grant.identityId() != null) {
            UUID id = violations.guid(prefix + ".identityId", grant.identityId(), "Identity id");
            if (id != null && identities.find(id).isEmpty()) {
                violations.add(prefix + ".identityId", IdentityService.notFound(id));
                return null;
            }
            return id;
        }
        if (grant.externalId() != null) {
            return identities.findIdByExternalId(grant.externalId()).orElseGet(() -> {
                violations.add(prefix + ".externalId", "Identity with externalId " + grant.externalId() + " not found");
                return null;
            });
        }
        violations.add(prefix + ".identityId", "identityId or externalId is required");
        return null;
    }

    private static String empty(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private record Resolved(UUID identity, UUID permission, String account) {}
}
