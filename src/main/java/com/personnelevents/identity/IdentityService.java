package com.personnelevents.identity;

import com.personnelevents.db.QueryBatch;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityRepository.IdentityRow;
import com.personnelevents.settings.CustomFieldValues;
import com.personnelevents.web.PageResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class IdentityService implements CustomFieldValues {

    private final IdentityRepository repository;

    IdentityService(IdentityRepository repository) {
        this.repository = repository;
    }

    /** Who, among active identities, meets every criterion: how many, and the first {@code limit} by name. */
    @Transactional(readOnly = true)
    public Matching matching(Map<IdentityAttribute, Set<String>> criteria, int limit) {
        IdentityRepository.Matching found = repository.matching(criteria, limit);
        return new Matching(
                found.count(),
                found.sample().stream().map(IdentityService::response).toList());
    }

    public record Matching(long count, List<IdentityResponse> sample) {}

    /** One statement: no transaction of its own (inside a caller's, it reads in it). */
    public Optional<IdentityResponse> find(UUID id) {
        return repository.findById(id).map(IdentityService::response);
    }

    /**
     * The identity the event concerns, as the answers show it, read with the batch's other statements: an
     * event's get reads it with the event, in one round trip.
     */
    public Supplier<Optional<IdentityResponse>> findOfEvent(QueryBatch batch, UUID eventId) {
        QueryBatch.Read<IdentityRow> row = repository.findOfEvent(batch, eventId);
        return () -> row.optional().map(IdentityService::response);
    }

    @Transactional(readOnly = true)
    public Optional<IdentityStatus> statusOf(UUID id) {
        return repository.findById(id).map(row -> row.identity().status());
    }

    @Transactional(readOnly = true)
    public Optional<UUID> findIdByExternalId(String externalId) {
        return repository.findByExternalId(externalId).map(row -> row.identity().id());
    }

    /** The identity's attributes, as access models match them. */
    @Transactional(readOnly = true)
    public Optional<IdentityAttributes> attributes(UUID id) {
        return repository.findById(id).map(row -> row.identity().attributes());
    }

    @Transactional(readOnly = true)
    public IdentityResponse get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException(notFound(id)));
    }

    /**
     * These identities as the answers show them, by id (those that exist), read with the batch's other
     * statements: a list page reads them with what its onboardings propose, in one round trip.
     */
    public Supplier<Map<UUID, IdentityResponse>> findAll(QueryBatch batch, Collection<UUID> ids) {
        QueryBatch.Read<IdentityRow> rows = repository.findByIds(batch, ids);
        return () -> rows.list().stream()
                .map(IdentityService::response)
                .collect(Collectors.toMap(IdentityResponse::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Set<UUID> existing(Collection<UUID> ids) {
        return new HashSet<>(repository.existing(ids));
    }

    /**
     * How an identity that an onboarding will create looks before it exists: the documents show it as
     * {@code affectedIdentity}, with its future id, from the moment the event is created.
     */
    @Transactional(readOnly = true)
    public IdentityResponse preview(UUID futureId, IdentityAttributes attributes, Instant createdAt) {
        return preview(
                futureId,
                attributes,
                createdAt,
                attributes.supervisorId() == null
                        ? null
                        : repository.displayName(attributes.supervisorId()).orElse(null));
    }

    /** The same, with the supervisor's name already read (a create reads it when it checks they exist). */
    public IdentityResponse preview(
            UUID futureId, IdentityAttributes attributes, Instant createdAt, String supervisorName) {
        Identity identity = Identity.create(futureId, null, attributes, IdentityStatus.Active, createdAt);
        return response(new IdentityRow(identity, supervisorName));
    }

    /** "Last, First", the way the product shows people. */
    public static String displayName(String lastName, String firstName) {
        return IdentityRepository.displayName(lastName, firstName);
    }

    /**
     * Locks the identity for the rest of the transaction and returns it, so that checks such as "one
     * open offboarding per person" hold against concurrent requests.
     */
    @Transactional
    public Optional<IdentityResponse> lock(UUID id) {
        return repository.lock(id).map(IdentityService::response);
    }

    /**
     * The same lock and read as {@link #lock(UUID)}, with the batch's other statements, in the caller's
     * transaction: the answer once the batch has run.
     */
    public Supplier<Optional<IdentityResponse>> lock(QueryBatch batch, UUID id) {
        org.springframework.util.Assert.state(
                org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive(),
                "A lock outside a transaction ends with its statement");
        QueryBatch.Read<IdentityRow> row = repository.lock(batch, id);
        return () -> row.optional().map(IdentityService::response);
    }

    /** "Last, First" of an existing identity. */
    @Transactional(readOnly = true)
    public Optional<String> displayName(UUID id) {
        return repository.displayName(id);
    }

    /** "Last, First" of each existing identity among {@code ids}, by id, in one statement. */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        return repository.displayNames(ids);
    }

    /**
     * An onboarding's approval: the identity exists from now on, with the HR system's key if the
     * onboarding gave one, and becomes active on the start date.
     */
    @Transactional
    public void createPendingHire(UUID id, IdentityAttributes attributes, String externalId, Instant now) {
        if (externalId != null) {
            repository.findByExternalId(externalId).ifPresent(taken -> {
                throw new ConflictException("Identity " + taken.identity().id() + " has externalId " + externalId
                        + " since this onboarding was created; cancel it and onboard that identity instead");
            });
        }
        repository.insert(Identity.pendingHire(id, externalId, attributes, now));
    }

    /**
     * The identities an onboarding is about, if the person is known: the one with its externalId, or
     * without one, those with its email.
     */
    @Transactional(readOnly = true)
    public List<IdentityResponse> matchingHire(String externalId, String email) {
        List<IdentityRow> rows = externalId != null
                ? repository.findByExternalId(externalId).stream().toList()
                : email == null ? List.of() : repository.findByEmail(email);
        return rows.stream().map(IdentityService::response).toList();
    }

    /**
     * A rehire's approval: the returning person's identity takes the onboarding's attributes (and its
     * externalId, when it had none) and stays inactive until the start date.
     */
    @Transactional
    public Changed rehire(UUID id, IdentityAttributes attributes, String externalId, Instant now) {
        return change(
                id,
                identity -> identity.update(
                        externalId != null ? externalId : identity.externalId(),
                        attributes.withTypeIfAbsent(identity.attributes().identityType()),
                        IdentityStatus.Disabled,
                        now));
    }

    @Transactional
    public Changed activate(UUID id, Instant now) {
        return change(
                id,
                identity -> identity.update(identity.externalId(), identity.attributes(), IdentityStatus.Active, now));
    }

    @Transactional
    public Changed deactivate(UUID id, Instant now) {
        return change(
                id,
                identity ->
                        identity.update(identity.externalId(), identity.attributes(), IdentityStatus.Disabled, now));
    }

    /**
     * A canceled onboarding's identity goes back to the status it had before ({@code previous}), or, new
     * with the onboarding, becomes {@code Removed}: it never started.
     */
    @Transactional
    public Changed revert(UUID id, IdentityStatus previous, Instant now) {
        return change(id, identity -> identity.inactive(previous != null ? previous : IdentityStatus.Removed, now));
    }

    /** A role transition's changes: every non-null attribute replaces the stored one. */
    @Transactional
    public Changed applyChanges(UUID id, IdentityAttributes changes, Instant now) {
        return change(
                id,
                identity -> identity.update(
                        identity.externalId(), identity.attributes().apply(changes), identity.status(), now));
    }

    /**
     * What a change did to an identity: its status before, and every value that changed, before and after
     * ("title Loan Officer → Senior Loan Officer; status Active → Disabled"), or "no change".
     */
    public record Changed(IdentityStatus statusBefore, String differences) {}

    private Changed change(UUID id, java.util.function.UnaryOperator<Identity> change) {
        Identity before = repository
                .findById(id)
                .map(IdentityRow::identity)
                .orElseThrow(() -> new IllegalStateException(notFound(id)));
        Identity after = change.apply(before);
        if (!after.sameRecordAs(before) && !repository.update(after)) {
            throw new ConflictException("Identity " + id + " was changed concurrently; retry");
        }
        return new Changed(before.status(), differences(before, after));
    }

    private static String differences(Identity before, Identity after) {
        List<String> differences = new ArrayList<>();
        if (!java.util.Objects.equals(before.externalId(), after.externalId())) {
            differences.add("externalId " + shown(before.externalId()) + " → " + shown(after.externalId()));
        }
        for (IdentityAttribute attribute : IdentityAttribute.values()) {
            String was = attribute.valueOf(before.attributes());
            String is = attribute.valueOf(after.attributes());
            if (!java.util.Objects.equals(was, is)) {
                differences.add(attribute.name() + " " + shown(was) + " → " + shown(is));
            }
        }
        if (before.status() != after.status()) {
            differences.add("status " + before.status() + " → " + after.status());
        }
        return differences.isEmpty() ? "no change" : String.join("; ", differences);
    }

    private static String shown(String value) {
        return value == null ? "none" : value;
    }

    public static String notFound(UUID id) {
        return "Identity with id " + id + " not found";
    }

    @Transactional(readOnly = true)
    public PageResponse<IdentityResponse> page(int page, String status, String search) {
        long offset = PageResponse.offset(page);
        IdentityFilter filter = IdentityFilter.parse(status, search);
        List<IdentityResponse> items = repository.page(filter, offset).stream()
                .map(IdentityService::response)
                .toList();
        return PageResponse.of(items, repository.count(filter), page);
    }

    @Override
    public void clearCustomField(int slot) {
        repository.clearCustomField(slot);
    }

    static IdentityResponse response(IdentityRow row) {
        Identity identity = row.identity();
        IdentityAttributes a = identity.attributes();
        Map<String, String> custom = new LinkedHashMap<>();
        for (IdentityAttribute field : IdentityAttribute.CUSTOM_FIELDS) {
            if (field.valueOf(a) != null) {
                custom.put(field.name(), field.valueOf(a));
            }
        }
        return new IdentityResponse(
                identity.id(),
                IdentityResponse.KIND,
                a.firstName(),
                a.lastName(),
                a.email(),
                a.identityType(),
                a.title(),
                a.company(),
                a.division(),
                a.department(),
                a.office(),
                row.supervisorName(),
                identity.createdDate(),
                identity.updatedDate(),
                identity.firstSeenDate(),
                identity.inactivatedDate(),
                identity.status(),
                identity.externalId(),
                a.supervisorId(),
                custom);
    }
}
