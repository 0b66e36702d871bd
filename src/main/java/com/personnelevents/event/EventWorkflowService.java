package com.personnelevents.event;

import com.personnelevents.access.AccessRequestOutcomes;
import com.personnelevents.access.AccessRequestService;
import com.personnelevents.access.StageStarted;
import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityStatus;
import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.workflow.AccessChange;
import com.personnelevents.workflow.EventDefinition;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.IdentityChange;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and time do to events once they exist. Each action is one straight transaction: the event
 * is loaded, its transition checks the state and returns what it caused ({@link Changes}), the service
 * carries that out (the identity's changes, the access requests of the stages that started) and saves the
 * event with its whole audit trail of the step at once. A concurrent change to the same event makes the
 * save fail with 409 and leaves nothing behind.
 */
@Service
public class EventWorkflowService implements AccessRequestOutcomes {

    private final PersonnelEventRepository events;
    private final PersonnelEventService views;
    private final EventConflicts conflicts;
    private final AccessRequestService accessRequests;
    private final IdentityService identities;
    private final SettingsService settings;
    private final EventPermissions permissions;
    private final Clock clock;

    EventWorkflowService(
            PersonnelEventRepository events,
            PersonnelEventService views,
            EventConflicts conflicts,
            AccessRequestService accessRequests,
            IdentityService identities,
            SettingsService settings,
            EventPermissions permissions,
            Clock clock) {
        this.events = events;
        this.views = views;
        this.conflicts = conflicts;
        this.accessRequests = accessRequests;
        this.identities = identities;
        this.settings = settings;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * A response to the Approval step: it answers for one of the roles the rule requires (the default: the
     * Security Team, or a token with the scope); when the last is in, the event is approved.
     */
    @Transactional
    PersonnelEventResponse approve(UUID id, ActionRequests.Note request, Caller caller, Long expectedVersion) {
        return respond(id, StageName.Approval, request, caller, expectedVersion);
    }

    @Transactional
    PersonnelEventResponse reject(UUID id, ActionRequests.Reason request, Caller caller, Long expectedVersion) {
        String reason = ActionRequests.checked(request, ActionRequests.Reason.NONE, ActionRequests.Reason::validate);
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            permissions.checkMayReject(caller, event, settings);
            return event.reject(caller.actor(), reason, now);
        });
    }

    /**
     * Completes a Provision or Removal stage by hand (one with nothing left open), or gives a response to the
     * Verification step, which completes when every role its rule requires has responded.
     */
    @Transactional
    PersonnelEventResponse complete(
            UUID id, String stage, ActionRequests.Note request, Caller caller, Long expectedVersion) {
        StageName name = stageToComplete(stage);
        if (name == StageName.Verification) {
            return respond(id, name, request, caller, expectedVersion);
        }
        ActionRequests.Note.Checked note =
                ActionRequests.checked(request, ActionRequests.Note.NONE, ActionRequests.Note::validate);
        if (note.role() != null) {
            throw ValidationException.of("role", "Only approvals and verifications answer for a role");
        }
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            permissions.checkMayProvision(caller, name);
            checkNothingOutstanding(id, name);
            return event.complete(name, caller.actor(), note.comment(), now, today);
        });
    }

    /** Takes back the caller's responses to the open Approval or Verification step. */
    @Transactional
    PersonnelEventResponse resetVote(UUID id, Caller caller, Long expectedVersion) {
        return act(id, caller, expectedVersion, (event, settings, now, today) -> event.resetVote(caller.actor(), now));
    }

    private PersonnelEventResponse respond(
            UUID id, StageName step, ActionRequests.Note request, Caller caller, Long expectedVersion) {
        ActionRequests.Note.Checked note =
                ActionRequests.checked(request, ActionRequests.Note.NONE, ActionRequests.Note::validate);
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            event.progress().checkResponding(step);
            Role role = permissions.respondingAs(caller, event, step, note.role(), settings);
            if (step == StageName.Verification) {
                checkNothingOutstanding(id, step);
            }
            List<Role> required = settings.responseRules().required(event.type(), step);
            return event.respond(step, role, required, caller.actor(), note.comment(), now, today);
        });
    }

    /**
     * A stage completes only when nothing holds it open: no request of it left open, and no refused removal
     * undecided (Verification looks at the whole event).
     */
    private void checkNothingOutstanding(UUID id, StageName name) {
        AccessRequestService.Outstanding outstanding =
                accessRequests.outstanding(id, name == StageName.Verification ? null : name.name());
        if (outstanding.open() > 0 && name != StageName.Verification) {
            throw new ConflictException("The " + name + " stage still has " + outstanding.open()
                    + " open access requests; it completes when the last one is completed or rejected");
        }
        if (outstanding.undecided() > 0) {
            throw new ConflictException("The " + name + " stage has " + outstanding.undecided() + " refused access"
                    + (outstanding.undecided() == 1 ? " request" : " requests")
                    + " awaiting a decision: raise it again or accept the exception");
        }
    }

    /** Who may cancel or snooze is checked first (it depends on the event's type), then the body. */
    @Transactional
    PersonnelEventResponse cancel(UUID id, ActionRequests.Reason request, Caller caller, Long expectedVersion) {
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            permissions.checkLeaverControl(caller, event, "Canceling", settings);
            String reason =
                    ActionRequests.checked(request, ActionRequests.Reason.NONE, ActionRequests.Reason::validate);
            return event.cancel(caller.actor(), reason, accessRequests.undoable(event.id()) > 0, now);
        });
    }

    @Transactional
    PersonnelEventResponse snooze(UUID id, ActionRequests.Snooze request, Caller caller, Long expectedVersion) {
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            permissions.checkLeaverControl(caller, event, "Snoozing", settings);
            ActionRequests.Snooze.Checked snooze =
                    ActionRequests.checked(request, ActionRequests.Snooze.NONE, ActionRequests.Snooze::validate);
            if (event.type() == EventType.Offboard && snooze.reason() == null) {
                throw ValidationException.of("reason", "A reason is required to snooze an offboarding");
            }
            return event.snooze(caller.actor(), snooze.until(), snooze.reason(), now, today);
        });
    }

    /**
     * New dates, until Provision starts, by the same rules as a create. An offboarding is moved later only
     * by someone who may approve it (who may also move it sooner); other events by whoever may write them.
     * The identity is locked, as a create locks it, for the checks against the person's other events.
     */
    @Transactional
    PersonnelEventResponse reschedule(UUID id, ActionRequests.Reschedule request, Caller caller, Long expectedVersion) {
        return act(id, caller, expectedVersion, (event, settings, now, today) -> {
            permissions.checkMayReschedule(caller, event, settings);
            ActionRequests.Reschedule.Checked dates = ActionRequests.checked(
                    request, ActionRequests.Reschedule.NONE, (body, violations) -> body.validate(today, violations));
            if (event.type() == EventType.Offboard && dates.effectiveDate().isAfter(event.neededOn())) {
                permissions.checkLeaverControl(caller, event, "Moving", settings);
            }
            if (dates.endDate() != null && !EventDefinition.of(event.type()).hasEndDate()) {
                String noun = event.type().noun();
                throw ValidationException.of(
                        "endDate", Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " has no end date");
            }
            if (event.type() != EventType.Onboard) {
                identities.lock(event.identityId());
                conflicts.check(event.identityId(), event.type(), dates.effectiveDate(), dates.endDate(), event.id());
            }
            return event.reschedule(
                    caller.actor(),
                    dates.effectiveDate(),
                    dates.endDate(),
                    dates.reason(),
                    settings.leadTimeDays(),
                    today,
                    now);
        });
    }

    @Transactional
    PersonnelEventResponse recordReturn(UUID id, ActionRequests.Return request, Caller caller, Long expectedVersion) {
        caller.require(Scope.EVENTS_WRITE, "Recording a return");
        LocalDate returnDate =
                ActionRequests.checked(request, ActionRequests.Return.NONE, ActionRequests.Return::validate);
        return act(
                id,
                caller,
                expectedVersion,
                (event, settings, now, today) -> event.recordReturn(caller.actor(), returnDate, now, today));
    }

    @Transactional
    PersonnelEventResponse assign(UUID id, ActionRequests.Assignee request, Caller caller, Long expectedVersion) {
        caller.require(Scope.EVENTS_WRITE, "Assigning an event");
        UUID assigneeId =
                ActionRequests.checked(request, ActionRequests.Assignee.NONE, ActionRequests.Assignee::validate);
        PersonRef assignee = assigneeId == null
                ? null
                : new PersonRef(
                        assigneeId,
                        identities
                                .displayName(assigneeId)
                                .orElseThrow(() ->
                                        ValidationException.of("assigneeId", IdentityService.notFound(assigneeId))));
        return act(
                id,
                caller,
                expectedVersion,
                (event, settings, now, today) -> event.assign(caller.actor(), assignee, now));
    }

    @Transactional
    PersonnelEventResponse comment(UUID id, ActionRequests.NewComment request, Caller caller, Long expectedVersion) {
        caller.require(Scope.EVENTS_WRITE, "Commenting");
        String content =
                ActionRequests.checked(request, ActionRequests.NewComment.NONE, ActionRequests.NewComment::validate);
        return act(
                id,
                caller,
                expectedVersion,
                (event, settings, now, today) -> event.comment(caller.actor(), content, now));
    }

    /**
     * Takes the next event with a step due by the organisation's today, skipping events another
     * instance holds, and advances it. Returns its id, or empty when nothing (else) is due.
     */
    @Transactional
    Optional<UUID> advanceNextDue(Instant now, Collection<UUID> skip) {
        LocalDate today = settings.current().today(Clock.fixed(now, clock.getZone()));
        List<UUID> due = events.lockDue(today, skip.size() + 1);
        Optional<UUID> next = due.stream().filter(id -> !skip.contains(id)).findFirst();
        next.ifPresent(id -> {
            try {
                PersonnelEvent event = load(id);
                carryOutAndSave(event, event.advance(now, today), now);
            } catch (RuntimeException e) {
                throw new StepFailed(id, e);
            }
        });
        return next;
    }

    /** The event is locked before its access request: the order canceling the event takes too. */
    @Override
    public void lockEvent(UUID eventId) {
        events.lockForAudit(eventId);
    }

    /**
     * Whether the caller may decide the event's refused removals. Read, not locked: a check, also asked from
     * read-only transactions (a page's buttons); the decision itself locks the event before its request.
     */
    @Override
    public void checkMayDecide(UUID eventId, Caller caller) {
        permissions.checkMayDecide(caller, views.visible(eventId, caller), settings.current());
    }

    /**
     * Each access request carried out or refused is part of the event's audit trail; when it was the last
     * open one of its stage, the stage is done, by whoever closed it (unless the event has moved on).
     */
    @Override
    public void closed(Closed closed) {
        PersonnelEvent event = load(closed.eventId());
        event.recordBy(closed.by(), closed.action(), closed.description(), closed.at());
        event.recordChanges(closed.states()); // changed before the event was loaded
        Stage current = event.progress().current();
        StageName stage = StageName.valueOf(closed.stage());
        Changes changes = Changes.NONE;
        if (closed.lastOfStage()
                && current != null
                && current.name() == stage
                && current.status() == EventStatus.Open) {
            changes = event.complete(
                    stage, closed.by(), null, closed.at(), settings.current().today(clock));
        }
        carryOutAndSave(event, changes, closed.at());
    }

    /**
     * One action: the event loaded and locked, found only if the caller may see it (and, from a page, only as
     * the version the page showed: a stale page changes nothing), the step applied (its checks first), what it
     * caused carried out and the event saved with its trail.
     */
    private PersonnelEventResponse act(UUID id, Caller caller, Long expectedVersion, Step step) {
        Settings current = settings.current();
        Instant now = clock.instant();
        PersonnelEvent event = load(id);
        permissions.checkVisible(event, caller);
        if (expectedVersion != null && event.version() != expectedVersion) {
            throw new ConflictException("Personnel event #" + event.number()
                    + " changed since you opened it; nothing was done. Here it is as it stands now.");
        }
        carryOutAndSave(event, step.apply(event, current, now, current.today(clock)), now);
        return views.response(event);
    }

    /** The event, locked, with its access requests as they stand: the save records what the step changed. */
    private PersonnelEvent load(UUID id) {
        PersonnelEvent event =
                events.lockById(id).orElseThrow(() -> new NotFoundException(PersonnelEventService.notFound(id)));
        event.requestStatesAtLoad(accessRequests.auditStates(id));
        return event;
    }

    /**
     * Carries out what the transition caused, in this transaction: the identity's changes, then the access
     * requests of the stages that started (a new hire's identity exists before its requests are raised), each
     * recorded in the trail; the requests of a canceled event are canceled with it. Then the event is saved
     * with the step's whole trail, once.
     */
    private void carryOutAndSave(PersonnelEvent event, Changes changes, Instant now) {
        for (IdentityChange change : changes.identity()) {
            event.recordSystem("Identity changed", apply(event, change, now), now);
            if (event.type() == EventType.Offboard && change == IdentityChange.DEACTIVATE) {
                endLeavesOf(event, now);
            }
        }
        EventDefinition definition = EventDefinition.of(event.type());
        for (StageName stage : changes.started()) {
            AccessChange change = definition.accessChange(stage);
            if (change == null) {
                continue;
            }
            int raised = accessRequests.stageStarted(new StageStarted(
                    event.id(),
                    change,
                    stage.name(),
                    event.identityId(),
                    event.identityData(),
                    event.progress().stage(StageName.Removal) != null,
                    event.reporter().name(),
                    now));
            if (raised > 0) {
                event.recordSystem("Access requests raised", raised + " access requests raised for " + stage, now);
            }
        }
        if (changes.calledOff()) {
            List<String> undoing = accessRequests.eventCanceled(event.id(), changes.calledOffBy(), changes.undo(), now);
            if (!undoing.isEmpty()) {
                event.recordSystem(
                        "Access requests raised",
                        "Undoing the event's completed changes: " + String.join(", ", undoing),
                        now);
            }
        }
        event.recordChanges(EventAudit.changed(event.requestStatesAtLoad(), accessRequests.auditStates(event.id())));
        if (!events.update(event)) {
            throw new ConflictException("Personnel event " + event.id()
                    + " was changed by another request at the same time; reload it and retry");
        }
    }

    /**
     * A leaver's open leave ends with their access: restoring it later would hand access back to, and
     * reactivate, someone who has left.
     */
    private void endLeavesOf(PersonnelEvent offboarding, Instant now) {
        for (UUID leave : events.openEventIds(offboarding.identityId(), EventType.Absence)) {
            PersonnelEvent event = load(leave);
            carryOutAndSave(event, event.endedByDeparture(offboarding.number(), now), now);
        }
    }

    /** Makes the change to the event's identity; returns how the activity says what it did, before and after. */
    private String apply(PersonnelEvent event, IdentityChange change, Instant now) {
        UUID id = event.identityId();
        return switch (change) {
            case CREATE -> {
                PersonnelEventRepository.Hire hire = events.hire(event.id());
                Optional<IdentityStatus> returning = identities.statusOf(id);
                if (returning.isPresent()) {
                    events.recordPreviousStatus(event.id(), returning.get());
                    IdentityService.Changed rehired =
                            identities.rehire(id, event.identityData(), hire.externalId(), now);
                    yield "Identity " + id + " rehired, " + IdentityStatus.Disabled + " until the start date: "
                            + rehired.differences();
                }
                identities.createPendingHire(id, event.identityData(), hire.externalId(), now);
                yield "Identity " + id + " created, " + IdentityStatus.Disabled + " until the start date";
            }
            case ACTIVATE ->
                "Identity " + id + ": " + identities.activate(id, now).differences();
            case DEACTIVATE ->
                "Identity " + id + ": " + identities.deactivate(id, now).differences();
            case APPLY_CHANGES ->
                "Identity " + id + ": "
                        + identities.applyChanges(id, event.identityData(), now).differences();
            case REVERT -> {
                IdentityStatus previous = events.hire(event.id()).previousStatus();
                yield "Identity " + id + ": "
                        + identities.revert(id, previous, now).differences() + " ("
                        + (previous == null ? "the hire" : "the rehire") + " is canceled)";
            }
        };
    }

    private static StageName stageToComplete(String stage) {
        Optional<StageName> name = Arrays.stream(StageName.values())
                .filter(s -> s != StageName.Approval && s.name().equalsIgnoreCase(stage))
                .findFirst();
        if (name.isEmpty()) {
            throw ValidationException.of(
                    "stage",
                    StageName.Approval.name().equalsIgnoreCase(stage)
                            ? "The Approval stage is completed by approving the event"
                            : "Stage must be one of: Provision, Removal, Verification");
        }
        return name.get();
    }

    /** A due step that failed; its transaction is rolled back and the event stays due. */
    static final class StepFailed extends RuntimeException {

        final UUID eventId;

        StepFailed(UUID eventId, RuntimeException cause) {
            super("Scheduled step of personnel event " + eventId + " failed", cause);
            this.eventId = eventId;
        }
    }

    @FunctionalInterface
    private interface Step {
        Changes apply(PersonnelEvent event, Settings settings, Instant now, LocalDate today);
    }
}
