package com.personnelevents.event;

import com.personnelevents.db.AuditRecords;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.workflow.Action;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.EventDefinition;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Progress;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import com.personnelevents.workflow.StagePlan;
import com.personnelevents.workflow.WorkflowException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A personnel event: who it affects, when, where it stands in its workflow, and its audit trail. One
 * method per thing people or time do to it; each checks the state through {@link Progress}, changes
 * it, and records what happened in the activity log (who, when, from which status to which) together
 * with what the step does to the identity.
 */
final class PersonnelEvent {

    private final UUID id;
    private final long number;
    private final EventType type;
    private final UUID identityId;
    private final PersonRef reporter;
    private PersonRef assignee;
    private LocalDate neededOn;
    private final LocalDate neededOnAtLoad;
    private LocalDate neededUntil;
    private final Instant createdAt;
    private Progress progress;
    private final EventStatus statusAtLoad;
    private final List<Activity> activity;
    private final List<Comment> comments;
    /** The responses given to the Approval and Verification steps, in the order given. */
    private final List<Response> responses;

    private boolean responsesChanged;
    private final IdentityAttributes identityData;
    private final ChainHeads heads;
    private final long version;

    private final List<Activity> newActivity = new ArrayList<>();
    private final List<Comment> newComments = new ArrayList<>();
    /**
     * The event as loaded, whose states the trail last recorded (null for a new event: its first entry
     * records all of it). Its parts are immutable values, kept as loaded: the states are worked out from
     * them only when a save asks what changed, never for an event that is only read (a get, a check).
     */
    private AtLoad atLoad;
    /** States of things beyond the event that this step changed (its access requests), for the trail. */
    private final Map<String, String> otherChanges = AuditRecords.states();

    private Map<String, String> requestStatesAtLoad = Map.of();

    /** Read without its activity and comments, to be checked only (see {@code PersonnelEventRepository#forChecks}). */
    private boolean readForChecks;

    PersonnelEvent(
            UUID id,
            long number,
            EventType type,
            UUID identityId,
            PersonRef reporter,
            PersonRef assignee,
            LocalDate neededOn,
            LocalDate neededUntil,
            Instant createdAt,
            Progress progress,
            List<Activity> activity,
            List<Comment> comments,
            List<Response> responses,
            IdentityAttributes identityData,
            ChainHeads heads,
            long version) {
        this.id = id;
        this.number = number;
        this.type = type;
        this.identityId = identityId;
        this.reporter = reporter;
        this.assignee = assignee;
        this.neededOn = neededOn;
        this.neededOnAtLoad = neededOn;
        this.neededUntil = neededUntil;
        this.createdAt = createdAt;
        this.progress = progress;
        this.statusAtLoad = progress.status();
        this.activity = new ArrayList<>(activity);
        this.comments = new ArrayList<>(comments);
        this.responses = new ArrayList<>(responses);
        this.identityData = identityData;
        this.heads = heads;
        this.version = version;
        this.atLoad = new AtLoad(progress, neededOn, neededUntil, assignee, List.copyOf(responses));
    }

    /** This event, marked as read for checks only: never to be saved. */
    PersonnelEvent readForChecks() {
        readForChecks = true;
        return this;
    }

    boolean isReadForChecks() {
        return readForChecks;
    }

    /** What the audit states of an event are worked out from, as loaded. */
    private record AtLoad(
            Progress progress,
            LocalDate neededOn,
            LocalDate neededUntil,
            PersonRef assignee,
            List<Response> responses) {

        Map<String, String> states() {
            return EventAudit.states(progress, neededOn, neededUntil, assignee, responses);
        }
    }

    /**
     * A new event, recorded as created by its reporter (a person, or an integration token), with its stages
     * planned; {@code via} says how ("via API", "by hand" on the pages); {@code rehireOf} names the identity an
     * onboarding brings back (null for a new person and other types).
     */
    static PersonnelEvent create(
            UUID id,
            long number,
            NewEvent request,
            Actor reporter,
            String via,
            String rehireOf,
            int leadTimeDays,
            LocalDate today,
            Instant now) {
        StagePlan plan =
                StagePlan.initial(request.type(), request.effectiveDate(), request.endDate(), leadTimeDays, today, now);
        UUID identityId = request.identityId() != null ? request.identityId() : UUID.randomUUID();
        PersonnelEvent event = new PersonnelEvent(
                id,
                number,
                request.type(),
                identityId,
                new PersonRef(reporter.id(), reporter.name()),
                null,
                request.effectiveDate(),
                request.endDate(),
                now,
                Progress.start(request.type(), plan),
                List.of(),
                List.of(),
                List.of(),
                request.identityData(),
                ChainHeads.NONE,
                0);
        event.atLoad = null; // new: its first entry records all of it
        event.record(
                now,
                reporter,
                Activity.CREATED,
                request.type().apiName() + " event created " + via
                        + (rehireOf == null ? "" : ": a rehire of " + rehireOf));
        if (request.comment() != null) {
            event.addComment(reporter, request.comment(), now);
        }
        return event;
    }

    /**
     * A response to the open Approval or Verification step, answering for {@code role}. When it is the last
     * of the roles {@code required} (the step's rule), the step completes and the event moves on; until then
     * the event waits, its activity saying for whom. Without a role, the responses given satisfy the rule
     * already (it changed since): the step completes.
     */
    Changes respond(
            StageName step, Role role, List<Role> required, Actor by, String comment, Instant now, LocalDate today) {
        progress.checkResponding(step);
        if (role != null) {
            responses.add(new Response(step, role, by, now));
            responsesChanged = true;
        }
        List<Role> awaited = awaited(step, required);
        Changes changes;
        if (!awaited.isEmpty()) {
            record(
                    now,
                    by,
                    step == StageName.Approval ? "Approved" : "Verified",
                    step + " given as " + role.apiName() + "; awaiting " + names(awaited));
            changes = Changes.NONE;
        } else if (step == StageName.Approval) {
            changes = move(progress.approve(by, now, today), by, "Approved", "Approval completed", now);
        } else {
            changes = move(progress.complete(step, by, now, today), by, "Stage completed", step + " completed", now);
        }
        addCommentIfAny(by, comment, now);
        return changes;
    }

    /** The roles of {@code required} that no response of {@code step} answers for yet, in rule order. */
    List<Role> awaited(StageName step, List<Role> required) {
        List<Role> given = responses(step).stream().map(Response::role).toList();
        return required.stream().filter(role -> !given.contains(role)).toList();
    }

    /** Takes back {@code by}'s responses to the open step; the step waits for them again. */
    Changes resetVote(Actor by, Instant now) {
        Stage current = progress.current();
        StageName step = current == null ? StageName.Approval : current.name();
        progress.checkResponding(step);
        List<Response> mine = responses(step).stream()
                .filter(r ->
                        r.responder().kind() == by.kind() && by.is(r.responder().id()))
                .toList();
        if (mine.isEmpty()) {
            throw new WorkflowException("You have given no response to the " + step + " step to reset");
        }
        responses.removeAll(mine);
        responsesChanged = true;
        record(
                now,
                by,
                "Vote reset",
                step + " response as " + names(mine.stream().map(Response::role).toList()) + " withdrawn");
        return Changes.NONE;
    }

    List<Response> responses(StageName step) {
        return responses.stream().filter(r -> r.step() == step).toList();
    }

    List<Response> responses() {
        return List.copyOf(responses);
    }

    /** Whether responses were given or withdrawn since the last save; the save takes the answer once. */
    boolean takeResponsesChanged() {
        boolean changed = responsesChanged;
        responsesChanged = false;
        return changed;
    }

    private static String names(List<Role> roles) {
        return String.join(", ", roles.stream().map(Role::apiName).toList());
    }

    Changes reject(Actor by, String reason, Instant now) {
        return move(progress.reject(now), by, "Rejected", "Rejected: " + reason, now)
                .calledOffBy(by, true);
    }

    Changes complete(StageName stage, Actor by, String comment, Instant now, LocalDate today) {
        Changes changes =
                move(progress.complete(stage, by, now, today), by, "Stage completed", stage + " completed", now);
        addCommentIfAny(by, comment, now);
        return changes;
    }

    /**
     * Calls the event off. With completed changes to undo, it stays open in a Removal stage until they are
     * undone ({@link Progress#cancel}); the service raises the requests that undo them.
     */
    Changes cancel(Actor by, String reason, boolean undo, Instant now) {
        String detail = "Canceled: " + reason + (undo ? "; its completed changes are undone" : "");
        return move(progress.cancel(undo, now), by, "Canceled", detail, now).calledOffBy(by, true);
    }

    /**
     * The person left while this event was open (an offboarding removed their access): what is left of it
     * ends, nothing is undone or restored, and its open requests are canceled.
     */
    Changes endedByDeparture(long offboardingNumber, Instant now) {
        String detail = "Ended: the person left (offboarding #" + offboardingNumber + "); nothing of this "
                + (type == EventType.Absence ? "leave" : "event") + " is restored";
        return move(progress.end(), Actor.SYSTEM, "Canceled", detail, now).calledOffBy(Actor.SYSTEM, false);
    }

    Changes snooze(Actor by, LocalDate until, String reason, Instant now, LocalDate today) {
        LocalDate latest = today.plusDays(Progress.MAX_SNOOZE_DAYS);
        if (until.isAfter(latest)) {
            throw ValidationException.of(
                    "until",
                    "An event can be snoozed for at most " + Progress.MAX_SNOOZE_DAYS + " days: until " + latest
                            + " at the latest");
        }
        String detail = "Snoozed until " + until + (reason == null ? "" : ": " + reason);
        return move(progress.snooze(until, today), by, "Snoozed", detail, now);
    }

    /**
     * New dates, until the access changes start: the stages are planned again for them ({@link
     * Progress#reschedule}); a type without an end date keeps none.
     */
    Changes reschedule(
            Actor by,
            LocalDate effectiveDate,
            LocalDate endDate,
            String reason,
            int leadTimeDays,
            LocalDate today,
            Instant now) {
        StagePlan plan = EventDefinition.of(type).plan(effectiveDate, endDate, leadTimeDays, today, now);
        Progress next = progress.reschedule(plan, today, now);
        String detail = "Effective date " + neededOn + " → " + effectiveDate
                + (EventDefinition.of(type).hasEndDate() ? ", end date " + day(neededUntil) + " → " + day(endDate) : "")
                + ": " + reason;
        neededOn = effectiveDate;
        neededUntil = endDate;
        return move(next, by, "Rescheduled", detail, now);
    }

    private static String day(LocalDate date) {
        return date == null ? "none" : date.toString();
    }

    /** The person returns on {@code returnDate}, or today when it is null. */
    Changes recordReturn(Actor by, LocalDate returnDate, Instant now, LocalDate today) {
        LocalDate day = returnDate != null ? returnDate : today;
        Progress next = progress.recordReturn(day, today, now); // first: is this a leave, and may it return now?
        if (day.isBefore(today)) {
            throw ValidationException.of("returnDate", "Return date must be today or later");
        }
        // Once the suspension is done, the leave may end the day it began; before, there is nothing to end.
        boolean suspended = progress.stage(StageName.Provision).status() == EventStatus.Completed;
        if (day.isBefore(neededOn) || (day.equals(neededOn) && !suspended)) {
            throw new WorkflowException("The return date must be after the first day of leave (" + neededOn + ")"
                    + (suspended ? "" : " while nothing is suspended yet; cancel the leave instead"));
        }
        neededUntil = day;
        return move(next, by, "Return recorded", "Returns on " + day, now);
    }

    Changes assign(Actor by, PersonRef newAssignee, Instant now) {
        Action.ASSIGN.checkAllowedIn(progress.status());
        assignee = newAssignee;
        record(
                now,
                by,
                newAssignee == null ? "Unassigned" : "Assigned",
                newAssignee == null ? "Assignee removed" : "Assigned to " + newAssignee.name());
        return Changes.NONE;
    }

    Changes comment(Actor by, String content, Instant now) {
        Action.COMMENT.checkAllowedIn(progress.status());
        addComment(by, content, now);
        record(now, by, "Commented", "Comment added");
        return Changes.NONE;
    }

    /** Whatever time has made due (nothing, when nothing is). */
    Changes advance(Instant now, LocalDate today) {
        Progress next = progress.advance(today, now);
        if (next.equals(progress)) {
            return Changes.NONE;
        }
        String detail = progress.status() == EventStatus.Snoozed && progress.snoozedUntil() != null
                ? "Woke after snooze"
                : "Advanced by date";
        return move(next, Actor.SYSTEM, "Scheduled step", detail, now);
    }

    /**
     * Takes the new progress and records the action and each stage it started; returns what the step does
     * beyond the event, as this type's definition says: the identity's changes, and the stages that started
     * and raise access requests.
     */
    private Changes move(Progress next, Actor by, String action, String detail, Instant now) {
        Progress before = progress;
        progress = next;
        record(now, by, action, detail + transition(before.status(), next.status()));
        List<StageName> started = new ArrayList<>();
        for (Stage stage : next.stages()) {
            Stage old = before.stage(stage.name());
            if (old == null) {
                continue; // added by a reschedule (a role transition's overlap), not started
            }
            // A stage that opens again after a snooze has started before; one that opens for the first time
            // (also a leave's Removal waiting for its return date) is recorded.
            boolean opened = old.status() != stage.status()
                    && (stage.status() == EventStatus.Open || stage.status() == EventStatus.Pending);
            if (opened && old.startedOn() == null) {
                record(now, Actor.SYSTEM, "Stage started", stage.name() + " started");
                started.add(stage.name());
            }
        }
        if (before.status() != EventStatus.Completed && next.status() == EventStatus.Completed) {
            record(now, Actor.SYSTEM, "Completed", type.apiName() + " event completed");
        }
        if (before.isUndoing() && next.status() == EventStatus.Canceled) {
            record(now, Actor.SYSTEM, "Canceled", "Every completed change of the event is undone");
        }
        return new Changes(EventDefinition.of(type).identityChanges(before, next), started);
    }

    private static String transition(EventStatus from, EventStatus to) {
        return from == to ? "" : " (" + from + " → " + to + ")";
    }

    private void addCommentIfAny(Actor by, String comment, Instant now) {
        if (comment != null) {
            addComment(by, comment, now);
        }
    }

    private void addComment(Actor by, String content, Instant now) {
        Comment comment = new Comment(now, by.name(), by.personId(), content);
        comments.add(comment);
        newComments.add(comment);
    }

    private void record(Instant now, Actor author, String action, String content) {
        Activity entry = new Activity(now, author.name(), author.personId(), action, content);
        activity.add(entry);
        newActivity.add(entry);
    }

    /**
     * Records what the step's changes beyond the event did (the identity changed, access requests raised),
     * once the service has carried them out: system entries of the same step.
     */
    void recordSystem(String action, String content, Instant now) {
        record(now, Actor.SYSTEM, action, content);
    }

    /** Records something done to the event from outside it (an access request of it closed). */
    void recordBy(Actor author, String action, String content, Instant at) {
        record(at, author, action, content);
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    EventType type() {
        return type;
    }

    EventStatus status() {
        return progress.status();
    }

    /** The status the event had when it was read (or created): what its kept count was counted under. */
    EventStatus statusAtLoad() {
        return statusAtLoad;
    }

    UUID identityId() {
        return identityId;
    }

    PersonRef reporter() {
        return reporter;
    }

    PersonRef assignee() {
        return assignee;
    }

    LocalDate neededOn() {
        return neededOn;
    }

    /** The effective date as stored: the event counts by date move with it when it changes. */
    LocalDate neededOnAtLoad() {
        return neededOnAtLoad;
    }

    LocalDate neededUntil() {
        return neededUntil;
    }

    Instant completedOn() {
        return progress.completedOn();
    }

    Instant createdAt() {
        return createdAt;
    }

    Progress progress() {
        return progress;
    }

    List<Stage> stages() {
        return progress.stages();
    }

    List<Activity> activity() {
        return List.copyOf(activity);
    }

    List<Comment> comments() {
        return List.copyOf(comments);
    }

    /** Activity recorded since the last save, handed over once to be stored. */
    /** The states of other things (access requests) the step changed, for the step's trail entry. */
    void recordChanges(Map<String, String> states) {
        otherChanges.putAll(states);
    }

    /**
     * What the step changed, as the trail records it: the event's fields and stages that differ from what
     * was loaded, then the other things it changed. Taken once, by the save.
     */
    Map<String, String> takeChanges() {
        Map<String, String> changes =
                EventAudit.changed(atLoad == null ? Map.of() : atLoad.states(), EventAudit.states(this));
        changes.putAll(otherChanges);
        otherChanges.clear();
        return changes;
    }

    /** The event's access requests as they stood when it was loaded (their audit states). */
    void requestStatesAtLoad(Map<String, String> states) {
        requestStatesAtLoad = Map.copyOf(states);
    }

    Map<String, String> requestStatesAtLoad() {
        return requestStatesAtLoad;
    }

    ChainHeads heads() {
        return heads;
    }

    List<Activity> takeUnsavedActivity() {
        List<Activity> taken = List.copyOf(newActivity);
        newActivity.clear();
        return taken;
    }

    List<Comment> takeUnsavedComments() {
        List<Comment> taken = List.copyOf(newComments);
        newComments.clear();
        return taken;
    }

    IdentityAttributes identityData() {
        return identityData;
    }

    long version() {
        return version;
    }
}
