package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.access.AccessRequestView;
import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.db.QueryBatch;
import com.personnelevents.db.Sha256;
import com.personnelevents.event.IdempotencyStore.StoredResponse;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.CreationFailedException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.failure.UnprocessableException;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityStatus;
import com.personnelevents.settings.CustomFieldValues;
import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.IdempotencyKey;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventDefinition;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import com.personnelevents.workflow.WorkflowException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Service
public class PersonnelEventService implements CustomFieldValues {

    private static final Logger log = LoggerFactory.getLogger(PersonnelEventService.class);

    private final PersonnelEventRepository events;
    private final IdempotencyStore idempotency;
    private final EventConflicts conflicts;
    private final IdentityService identities;
    private final AccessRequestService accessRequests;
    private final SettingsService settings;
    private final EventPermissions permissions;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate repeatableRead;
    private final JsonMapper json;
    private final Duration idempotencyRetention;

    PersonnelEventService(
            PersonnelEventRepository events,
            IdempotencyStore idempotency,
            EventConflicts conflicts,
            IdentityService identities,
            AccessRequestService accessRequests,
            SettingsService settings,
            EventPermissions permissions,
            Clock clock,
            PlatformTransactionManager transactions,
            JsonMapper json,
            @Value("${personnel-events.idempotency-retention:48h}") Duration idempotencyRetention) {
        this.events = events;
        this.idempotency = idempotency;
        this.conflicts = conflicts;
        this.identities = identities;
        this.accessRequests = accessRequests;
        this.settings = settings;
        this.permissions = permissions;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.repeatableRead = new TransactionTemplate(transactions);
        this.repeatableRead.setReadOnly(true);
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
        this.idempotencyRetention = idempotencyRetention;
    }

    /**
     * Creates the event in one transaction. With an idempotency key, a retry of the same request gets
     * the original answer and creates nothing; the same key with another request is refused.
     */
    Created create(EventRequest request, Caller caller, IdempotencyKey key) {
        caller.require(Scope.EVENTS_WRITE, "Creating an event");
        try {
            return createOrReplay(request, caller, key);
        } catch (ValidationException
                | NotFoundException
                | ConflictException
                | ForbiddenException
                | UnprocessableException
                | WorkflowException refused) {
            throw refused;
        } catch (RuntimeException failed) {
            throw new CreationFailedException(failed);
        }
    }

    private Created createOrReplay(EventRequest request, Caller caller, IdempotencyKey key) {
        if (key == null) {
            return new Created(transaction.execute(tx -> createNow(request, caller)), false);
        }
        String idempotencyKey = key.value();
        String requestHash = requestHash(request);
        Optional<Created> replay = replay(caller, idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return new Created(
                    transaction.execute(tx -> {
                        PersonnelEventResponse created = createNow(request, caller);
                        idempotency.insert(
                                caller.tokenId(),
                                idempotencyKey,
                                new StoredResponse(
                                        requestHash, location(created.id()), json.writeValueAsString(created)),
                                clock.instant());
                        return created;
                    }),
                    false);
        } catch (DuplicateKeyException raced) {
            // A concurrent request with the same key won; this one was rolled back whole.
            return replay(caller, idempotencyKey, requestHash).orElseThrow(() -> raced);
        }
    }

    private Optional<Created> replay(Caller caller, String key, String requestHash) {
        return idempotency.find(caller.tokenId(), key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new UnprocessableException(
                        "Idempotency-Key '" + key + "' was already used with a different request");
            }
            return new Created(json.readValue(stored.body(), PersonnelEventResponse.class), true);
        });
    }

    private PersonnelEventResponse createNow(EventRequest request, Caller caller) {
        Settings current = settings.current();
        LocalDate today = current.today(clock);
        Violations violations = new Violations();
        NewEvent checked = request.validate(current, today, violations);
        // An onboarding of someone known is a rehire: the event is about their identity from now on. (A
        // request with bad fields is answered with all of them first.)
        Optional<IdentityResponse> returning =
                checked.type() == EventType.Onboard && violations.isEmpty() ? rehired(checked) : Optional.empty();
        NewEvent event = returning.map(r -> checked.rehireOf(r.id())).orElse(checked);
        // The affected identity is locked before any check reads it, and read once for the answer too. Its
        // open events are read in the same round trip, once the lock is held (a batch's statements run in
        // order, each with its own snapshot at read committed).
        Optional<IdentityResponse> identity = Optional.empty();
        List<EventRow> open = List.of();
        if (event.identityId() != null) {
            QueryBatch reads = events.batch();
            Supplier<Optional<IdentityResponse>> locked = identities.lock(reads, event.identityId());
            QueryBatch.Read<EventRow> openRead = events.openEvents(reads, event.identityId());
            reads.run();
            identity = locked.get();
            open = openRead.list();
        }
        String supervisorName = checkReferences(event, identity.isPresent(), violations);
        violations.throwIfAny();
        if (event.identityId() != null) {
            checkGuardRails(event, identity.orElseThrow().status(), open);
            conflicts.check(event.identityId(), open, event.type(), event.effectiveDate(), event.endDate());
        }
        PersonnelEvent created = PersonnelEvent.create(
                UUID.randomUUID(),
                events.nextNumber(),
                event,
                caller.actor(),
                caller.tokenId() == null ? "by hand" : "via API",
                identity.filter(i -> event.type() == EventType.Onboard)
                        .map(i -> i.lastName() + ", " + i.firstName() + " (" + i.id() + ")")
                        .orElse(null),
                current.leadTimeDays(),
                today,
                clock.instant());
        events.insert(created, event.externalId());
        // A new event has no access requests yet: they are raised when a stage starts.
        return PersonnelEventResponse.of(
                created,
                identity.orElseGet(() -> created.identityData() == null
                        ? null
                        : identities.preview(
                                created.identityId(), created.identityData(), created.createdAt(), supervisorName)),
                Map.of(),
                current.responseRules());
    }

    /**
     * The identity an onboarding brings back, matched by its externalId or else its email: a Disabled or
     * Removed one. An Active match, several matches, or an open onboarding of the same person are refused.
     */
    private Optional<IdentityResponse> rehired(NewEvent event) {
        String externalId = event.externalId();
        String email = event.identityData().email();
        List<IdentityResponse> matches = identities.matchingHire(externalId, email);
        if (matches.size() > 1) {
            throw new ConflictException("Email " + email + " matches " + matches.size()
                    + " identities; give identity.externalId to say which one");
        }
        Optional<IdentityResponse> match = matches.stream().findFirst();
        match.filter(m -> m.status() == IdentityStatus.Active).ifPresent(active -> {
            throw new ConflictException("Identity " + active.id() + " (" + active.lastName() + ", "
                    + active.firstName() + ") with "
                    + (externalId != null ? "externalId " + externalId : "email " + email)
                    + " is Active; an onboarding brings in someone who is not");
        });
        if (match.isEmpty() && externalId != null) {
            events.openOnboardingOf(externalId).ifPresent(open -> {
                throw new ConflictException("An onboarding of externalId " + externalId + " is already open: event #"
                        + open.number() + " (" + open.id() + ")");
            });
        }
        return match;
    }

    /**
     * Only an onboarding brings an inactive person back; the one exception is the offboarding of a person
     * suspended by a leave of absence (people resign during leave). And one offboarding at a time. The
     * identity row stays locked until the event is stored, so concurrent requests cannot both pass.
     */
    private void checkGuardRails(NewEvent event, IdentityStatus status, List<EventRow> open) {
        UUID identityId = event.identityId();
        if (event.type() == EventType.Onboard) {
            open.stream().filter(e -> e.type() == EventType.Onboard).findFirst().ifPresent(onboarding -> {
                throw new ConflictException("Identity " + identityId + " already has an open onboarding:" + " event #"
                        + onboarding.number() + " (" + onboarding.id() + ")");
            });
            return;
        }
        if (status != IdentityStatus.Active
                && !(event.type() == EventType.Offboard
                        && open.stream().anyMatch(e -> e.type() == EventType.Absence))) {
            throw new ConflictException("Identity " + identityId + " is " + status
                    + "; only an onboarding can bring an inactive person back");
        }
        if (event.type() == EventType.Offboard) {
            open.stream()
                    .filter(e -> e.type() == EventType.Offboard)
                    .findFirst()
                    .ifPresent(offboarding -> {
                        throw new ConflictException("Identity " + identityId
                                + " already has an open offboarding: event #" + offboarding.number() + " ("
                                + offboarding.id() + ", " + offboarding.status() + ")");
                    });
        }
    }

    /**
     * Identities the request points at must exist: the affected one and the supervisor. Returns the
     * supervisor's name ("Last, First"), which the answer shows: one lookup both checks and names them.
     */
    private String checkReferences(NewEvent event, boolean identityExists, Violations violations) {
        if (event.identityId() != null && !identityExists) {
            violations.add("identityId", IdentityService.notFound(event.identityId()));
        }
        UUID supervisor =
                event.identityData() == null ? null : event.identityData().supervisorId();
        if (supervisor == null) {
            return null;
        }
        if (supervisor.equals(event.identityId())) {
            violations.add("identity.supervisorId", "An identity cannot be its own supervisor");
            return null;
        }
        Optional<String> name = identities.displayName(supervisor);
        if (name.isEmpty()) {
            violations.add("identity.supervisorId", IdentityService.notFound(supervisor));
        }
        return name.orElse(null);
    }

    /**
     * The event, if the caller may see it; one they may not is not found. The event, what it holds, its
     * person and its access requests are read in one round trip (they took three, each waiting for the one
     * before): the person is found through the event. In autocommit, like a first list page's: a read-only
     * transaction at read committed would add a {@code COMMIT} round trip and give the statements no common
     * snapshot either.
     */
    public PersonnelEventResponse get(UUID id, Caller caller) {
        QueryBatch batch = events.batch();
        Supplier<Optional<PersonnelEvent>> eventRead = events.findById(batch, id);
        Supplier<Optional<IdentityResponse>> identityRead = identities.findOfEvent(batch, id);
        Supplier<Map<String, List<AccessRequestView>>> requestsRead = accessRequests.forEvent(batch, id);
        batch.run();
        PersonnelEvent event = eventRead.get().orElseThrow(() -> new NotFoundException(notFound(id)));
        permissions.checkVisible(event, caller, identityRead);
        return response(event, identityRead.get().orElseGet(() -> proposedIdentity(event)), requestsRead.get());
    }

    /** The event as stored (read, not locked), if the caller may see it; one they may not is not found. */
    PersonnelEvent visible(UUID id, Caller caller) {
        PersonnelEvent event = events.findById(id).orElseThrow(() -> new NotFoundException(notFound(id)));
        permissions.checkVisible(event, caller);
        return event;
    }

    /**
     * The requests the event's access stages would raise if they started now, for an event whose Provision
     * has not started; for a new hire, from the attributes the identity will have.
     */
    @Transactional(readOnly = true)
    AccessPreviewResponse accessPreview(UUID id, Caller caller) {
        PersonnelEvent event = visible(id, caller);
        permissions.checkMaySeeAccess(caller, event);
        if (event.progress().isCalledOff() || event.progress().isTerminal()) {
            throw new ConflictException(
                    "The event is " + (event.progress().isUndoing() ? "being canceled" : event.status())
                            + ": it raises no more access requests");
        }
        Stage provision = event.progress().stage(StageName.Provision);
        if (provision.startedOn() != null || provision.status().isTerminal()) {
            throw new ConflictException(
                    "The Provision stage of this event has started: its access requests are on the event");
        }
        EventDefinition definition = EventDefinition.of(event.type());
        boolean exists = identities.statusOf(event.identityId()).isPresent();
        IdentityAttributes attributes = event.type() == EventType.Onboard
                ? event.identityData()
                : identities.attributes(event.identityId()).orElseThrow();
        return new AccessPreviewResponse(
                id,
                accessRequests.preview(
                        exists ? event.identityId() : null,
                        attributes,
                        definition.accessChange(StageName.Provision),
                        definition.accessChange(StageName.Removal),
                        event.type() == EventType.RoleTransition ? event.identityData() : null,
                        event.progress().stage(StageName.Removal) != null));
    }

    static String notFound(UUID id) {
        return "Personnel event with id " + id + " not found";
    }

    PersonnelEventResponse response(PersonnelEvent event) {
        return response(event, affectedIdentity(event), accessRequests.forEvent(event.id()));
    }

    private PersonnelEventResponse response(
            PersonnelEvent event, IdentityResponse identity, Map<String, List<AccessRequestView>> requests) {
        return PersonnelEventResponse.of(
                event, identity, requests, settings.current().responseRules());
    }

    /**
     * One snapshot for the page, its start and the total, so that a concurrent create cannot shift one of
     * them: the first page and its total come from one statement (the common case, and one round trip),
     * in autocommit, as do the page's identities after it (a transaction around the two would add a
     * {@code BEGIN} and a {@code COMMIT} round trip and make neither more exact: an identity is shown as
     * it is when read); a deeper page reads in one repeatable-read transaction.
     */
    PageResponse<PersonnelEventSummary> page(int page, EventFilter filter) {
        long offset = PageResponse.offset(page);
        if (offset == 0) {
            PersonnelEventRepository.FirstPage first = events.firstPage(filter);
            return PageResponse.of(summaries(first.rows()), first.total(), page);
        }
        return repeatableRead.execute(tx -> {
            List<EventRow> rows = events.page(filter, offset);
            return PageResponse.of(summaries(rows), events.count(filter), page);
        });
    }

    /**
     * The rows as the list shows them, each with its identity (or the one an onboarding will create): what
     * the page's onboardings propose, with their supervisors' names, and the stored identities, read in one
     * round trip where they took up to three (each waited for the one before). The stored identity wins, as
     * in get by id: a proposal shows only until its onboarding's identity is stored.
     */
    List<PersonnelEventSummary> summaries(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        QueryBatch batch = events.batch();
        List<UUID> hires = rows.stream()
                .filter(row -> row.type() == EventType.Onboard)
                .map(EventRow::id)
                .toList();
        QueryBatch.Read<PersonnelEventRepository.Proposed> proposedRead =
                hires.isEmpty() ? null : events.proposedIdentities(batch, hires);
        Supplier<Map<UUID, IdentityResponse>> identitiesRead = identities.findAll(
                batch, rows.stream().map(EventRow::identityId).collect(Collectors.toSet()));
        batch.run();
        Map<UUID, IdentityResponse> stored = identitiesRead.get();
        Map<UUID, PersonnelEventRepository.Proposed> proposed = proposedRead == null
                ? Map.of()
                : proposedRead.list().stream()
                        .collect(Collectors.toMap(PersonnelEventRepository.Proposed::eventId, Function.identity()));
        return rows.stream()
                .map(row -> PersonnelEventSummary.of(row, identityOf(row, stored, proposed)))
                .toList();
    }

    /** The row's stored identity, or a preview of the one its onboarding proposes; null when neither. */
    private IdentityResponse identityOf(
            EventRow row, Map<UUID, IdentityResponse> stored, Map<UUID, PersonnelEventRepository.Proposed> proposed) {
        IdentityResponse identity = stored.get(row.identityId());
        if (identity != null) {
            return identity;
        }
        PersonnelEventRepository.Proposed hire = proposed.get(row.id());
        return hire == null
                ? null
                : identities.preview(row.identityId(), hire.attributes(), row.createdAt(), hire.supervisorName());
    }

    /** The stored identity, or for an onboarding not yet approved, the identity it will create. */
    private IdentityResponse affectedIdentity(PersonnelEvent event) {
        return identities.find(event.identityId()).orElseGet(() -> proposedIdentity(event));
    }

    /** For an onboarding whose identity is not stored yet, the identity it will create; else none. */
    private IdentityResponse proposedIdentity(PersonnelEvent event) {
        return event.type() == EventType.Onboard
                ? preview(event.identityId(), event.identityData(), event.createdAt())
                : null;
    }

    private IdentityResponse preview(UUID futureId, IdentityAttributes attributes, Instant createdAt) {
        return attributes == null ? null : identities.preview(futureId, attributes, createdAt);
    }

    /**
     * Keys are honoured for at least the retention (48 hours by default), then forgotten. The first
     * cleanup comes an interval after start, so that a short-lived command never runs one.
     */
    @Scheduled(
            initialDelayString = "${personnel-events.idempotency-cleanup-interval:1h}",
            fixedDelayString = "${personnel-events.idempotency-cleanup-interval:1h}")
    void forgetOldIdempotencyKeys() {
        int deleted = idempotency.deleteOlderThan(clock.instant().minus(idempotencyRetention));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys older than {}", deleted, idempotencyRetention);
        }
    }

    /** A disabled custom field's values go from the identities events are still to create or change. */
    @Override
    public void clearCustomField(int slot) {
        events.clearCustomField(slot);
    }

    static String location(UUID id) {
        return "/api/personnel-events/" + id;
    }

    private String requestHash(EventRequest request) {
        String canonical = request.getClass().getSimpleName() + ":" + json.writeValueAsString(request);
        return Sha256.hex(canonical);
    }

    record Created(PersonnelEventResponse event, boolean replayed) {}
}
