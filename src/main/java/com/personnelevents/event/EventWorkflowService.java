package com.personnelevents.event;

import com.personnelevents.access.AccessRequestClosed;
import com.personnelevents.access.AccessRequestClosing;
import com.personnelevents.access.AccessRequestService;
import com.personnelevents.access.AccessStageClosed;
import com.personnelevents.access.StageStarted;
import com.personnelevents.auth.ApiCaller;
import com.personnelevents.auth.Scope;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityStatus;
import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import com.personnelevents.web.ApiException;
import com.personnelevents.workflow.EventStatus;
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
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and time do to events once they exist. Each action loads the event, lets it check and
 * make the transition, and saves it with its identity changes in one transaction; a concurrent change
 * to the same event makes the later save fail with 409 and leaves nothing behind.
 */
@Service
public class EventWorkflowService {

    private final PersonnelEventRepository events;
    private final PersonnelEventService views;
    private final AccessRequestService accessRequests;
    private final IdentityService identities;
    private final SettingsService settings;
    private final Clock clock;

    EventWorkflowService(
            PersonnelEventRepository events,
            PersonnelEventService views,
            AccessRequestService accessRequests,
            IdentityService identities,
            SettingsService settings,
            Clock clock) {
        this.events = events;
        this.views = views;
        this.accessRequests = accessRequests;
        this.identities = identities;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    PersonnelEventResponse approve(UUID id, ActionRequests.Note request, ApiCaller caller) {
        String comment = note(request);
        return act(id, (event, now, today) -> event.approve(caller.name(), comment, now, today));
    }

    @Transactional
    PersonnelEventResponse reject(UUID id, ActionRequests.Reason request, ApiCaller caller) {
        String reason = reason(request);
        return act(id, (event, now, today) -> event.reject(caller.name(), reason, now));
    }

    @Transactional
    PersonnelEventResponse complete(UUID id, String stage, ActionRequests.Note request, ApiCaller caller) {
        StageName name = stageToComplete(stage);
        Scope needed = name == StageName.Verification ? Scope.EVENTS_VERIFY : Scope.EVENTS_PROVISION;
        if (!caller.scopes().contains(needed)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Completing the " + name + " stage needs the " + needed.value() + " scope");
        }
        String comment = note(request);
        long open = accessRequests.openCount(id, name.name());
        if (open > 0) {
            throw ApiException.conflict("The " + name + " stage still has " + open
                    + " open access requests; it completes when the last one is completed or rejected");
        }
        return act(id, (event, now, today) -> event.complete(name, caller.name(), comment, now, today));
    }

    @Transactional
    PersonnelEventResponse cancel(UUID id, ActionRequests.Reason request, ApiCaller caller) {
        String reason = reason(request);
        return act(id, (event, now, today) -> event.cancel(caller.name(), reason, now));
    }

    @Transactional
    PersonnelEventResponse snooze(UUID id, ActionRequests.Snooze request, ApiCaller caller) {
        Violations violations = new Violations();
        String until = request == null ? null : request.until();
        LocalDate day = violations.required("until", until, "Until")
                ? EventDates.parse("until", until, "Until", violations)
                : null;
        String reason = violations.longText(
                "reason", request == null ? null : request.reason(), ActionRequests.REASON_MAX, "Reason");
        violations.throwIfAny();
        return act(id, (event, now, today) -> event.snooze(caller.name(), day, reason, now, today));
    }

    @Transactional
    PersonnelEventResponse recordReturn(UUID id, ActionRequests.Return request, ApiCaller caller) {
        Violations violations = new Violations();
        LocalDate returnDate = EventDates.parse(
                "returnDate", request == null ? null : request.returnDate(), "Return date", violations);
        violations.throwIfAny();
        return act(id, (event, now, today) -> event.recordReturn(caller.name(), returnDate, now, today));
    }

    @Transactional
    PersonnelEventResponse assign(UUID id, ActionRequests.Assignee request, ApiCaller caller) {
        Violations violations = new Violations();
        String value = request == null
                        || request.assigneeId() == null
                        || request.assigneeId().isBlank()
                ? null
                : request.assigneeId();
        UUID assigneeId = violations.guid("assigneeId", value, "Assignee id");
        violations.throwIfAny();
        PersonRef assignee = null;
        if (assigneeId != null) {
            String name = identities
                    .displayName(assigneeId)
                    .orElseThrow(() -> ValidationException.of("assigneeId", IdentityService.notFound(assigneeId)));
            assignee = new PersonRef(assigneeId, name);
        }
        PersonRef chosen = assignee;
        return act(id, (event, now, today) -> event.assign(caller.name(), chosen, now));
    }

    @Transactional
    PersonnelEventResponse comment(UUID id, ActionRequests.NewComment request, ApiCaller caller) {
        Violations violations = new Violations();
        String content = request == null ? null : request.content();
        if (violations.required("content", content, "Content")) {
            violations.longText("content", content, EventRequest.COMMENT_MAX, "Content");
        }
        violations.throwIfAny();
        return act(id, (event, now, today) -> event.comment(caller.name(), content, now));
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
                event.advance(now, today);
                save(event, now);
            } catch (RuntimeException e) {
                throw new StepFailed(id, e);
            }
        });
        return next;
    }

    private PersonnelEventResponse act(UUID id, Step step) {
        Settings current = settings.current();
        Instant now = clock.instant();
        PersonnelEvent event = load(id);
        step.apply(event, now, current.today(clock));
        save(event, now);
        return views.response(event);
    }

    private PersonnelEvent load(UUID id) {
        return events.findById(id).orElseThrow(() -> ApiException.notFound(PersonnelEventService.notFound(id)));
    }

    /** The event and, in the same transaction, what its steps did to the identity. */
    private void save(PersonnelEvent event, Instant now) {
        List<IdentityEffect> effects = event.takeIdentityEffects();
        effects.forEach(effect -> event.recordIdentityChange(PersonnelEvent.SYSTEM, describe(effect), now));
        if (!events.update(event)) {
            throw ApiException.conflict("Personnel event " + event.id()
                    + " was changed by another request at the same time; reload it and retry");
        }
        for (IdentityEffect effect : effects) {
            apply(effect, now);
        }
        for (StageName stage : event.takeStartedStages()) {
            if (stage == StageName.Provision || stage == StageName.Removal) {
                int raised = accessRequests.stageStarted(new StageStarted(
                        event.id(),
                        event.type(),
                        stage.name(),
                        event.identityId(),
                        event.identityData(),
                        event.progress().stage(StageName.Removal) != null,
                        event.reporter().name(),
                        now));
                if (raised > 0) {
                    event.recordAccessRequests(raised, stage, now);
                }
            }
        }
        if (event.status() == EventStatus.Canceled) {
            accessRequests.eventCanceled(event.id(), now);
        }
        events.appendAuditTrail(event);
    }

    /** The event is locked before its access request: the order canceling the event takes too. */
    @EventListener
    void on(AccessRequestClosing closing) {
        events.lockForAudit(closing.eventId());
    }

    /** Each access request carried out or rejected is part of the event's audit trail. */
    @EventListener
    void on(AccessRequestClosed closed) {
        events.insertActivity(
                closed.eventId(), new Activity(closed.at(), closed.by(), closed.action(), closed.description()));
    }

    /** The last open access request of a stage was closed: the stage is done, by whoever closed it. */
    @EventListener
    void on(AccessStageClosed closed) {
        StageName stage = StageName.valueOf(closed.stage());
        PersonnelEvent event = load(closed.eventId());
        Stage current = event.progress().current();
        if (current == null || current.name() != stage || current.status() != EventStatus.Open) {
            return;
        }
        Instant now = clock.instant();
        event.complete(stage, closed.closedBy(), null, now, settings.current().today(clock));
        save(event, now);
    }

    private void apply(IdentityEffect effect, Instant now) {
        if (effect instanceof IdentityEffect.Create create) {
            identities.createPendingHire(create.identityId(), create.attributes(), now);
        } else if (effect instanceof IdentityEffect.Activate) {
            identities.activate(effect.identityId(), now);
        } else if (effect instanceof IdentityEffect.Deactivate) {
            identities.deactivate(effect.identityId(), now);
        } else if (effect instanceof IdentityEffect.ApplyChanges changes) {
            identities.applyChanges(changes.identityId(), changes.changes(), now);
        }
    }

    private static String describe(IdentityEffect effect) {
        if (effect instanceof IdentityEffect.Create) {
            return "Identity " + effect.identityId() + " created, " + IdentityStatus.Disabled + " until the start date";
        }
        if (effect instanceof IdentityEffect.Activate) {
            return "Identity " + effect.identityId() + " set " + IdentityStatus.Active;
        }
        if (effect instanceof IdentityEffect.Deactivate) {
            return "Identity " + effect.identityId() + " set " + IdentityStatus.Disabled;
        }
        return "Requested changes applied to identity " + effect.identityId();
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

    private static String reason(ActionRequests.Reason request) {
        Violations violations = new Violations();
        String reason = request == null ? null : request.reason();
        if (violations.required("reason", reason, "Reason")) {
            violations.longText("reason", reason, ActionRequests.REASON_MAX, "Reason");
        }
        violations.throwIfAny();
        return reason.trim();
    }

    private static String note(ActionRequests.Note request) {
        Violations violations = new Violations();
        String comment = EventRequest.comment(request == null ? null : request.comment(), violations);
        violations.throwIfAny();
        return comment;
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
        void apply(PersonnelEvent event, Instant now, LocalDate today);
    }
}
