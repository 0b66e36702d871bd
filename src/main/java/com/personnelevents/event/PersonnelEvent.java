package com.personnelevents.event;

import com.personnelevents.auth.ApiCaller;
import com.personnelevents.identity.IdentityAttributes;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.workflow.Action;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Progress;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import com.personnelevents.workflow.StagePlan;
import com.personnelevents.workflow.WorkflowException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A personnel event: who it affects, when, where it stands in its workflow, and its audit trail. One
 * method per thing people or time do to it; each checks the state through {@link Progress}, changes
 * it, and records what happened in the activity log (who, when, from which status to which) together
 * with what the step does to the identity.
 */
final class PersonnelEvent {

    static final String SYSTEM = "System";

    private final UUID id;
    private final long number;
    private final EventType type;
    private final UUID identityId;
    private final PersonRef reporter;
    private PersonRef assignee;
    private final LocalDate neededOn;
    private LocalDate neededUntil;
    private final Instant createdAt;
    private Progress progress;
    private final EventStatus statusAtLoad;
    private final List<Activity> activity;
    private final List<Comment> comments;
    private final IdentityAttributes identityData;
    private final long version;

    private final List<Activity> newActivity = new ArrayList<>();
    private final List<Comment> newComments = new ArrayList<>();
    private final List<IdentityEffect> effects = new ArrayList<>();
    private final List<StageName> startedStages = new ArrayList<>();

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
            IdentityAttributes identityData,
            long version) {
        this.id = id;
        this.number = number;
        this.type = type;
        this.identityId = identityId;
        this.reporter = reporter;
        this.assignee = assignee;
        this.neededOn = neededOn;
        this.neededUntil = neededUntil;
        this.createdAt = createdAt;
        this.progress = progress;
        this.statusAtLoad = progress.status();
        this.activity = new ArrayList<>(activity);
        this.comments = new ArrayList<>(comments);
        this.identityData = identityData;
        this.version = version;
    }

    /** A new event, recorded as created by the calling token, with its stages planned. */
    static PersonnelEvent create(
            UUID id,
            long number,
            NewEvent request,
            ApiCaller reporter,
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
                new PersonRef(reporter.tokenId(), reporter.name()),
                null,
                request.effectiveDate(),
                request.endDate(),
                now,
                Progress.start(request.type(), plan),
                List.of(),
                List.of(),
                request.identityData(),
                0);
        event.record(now, reporter.name(), Activity.CREATED, request.type().apiName() + " event created via API");
        if (request.comment() != null) {
            event.addComment(reporter.name(), request.comment(), now);
        }
        return event;
    }

    void approve(String by, String comment, Instant now, LocalDate today) {
        move(progress.approve(by, now, today), by, "Approved", "Approval completed", now);
        addCommentIfAny(by, comment, now);
    }

    void reject(String by, String reason, Instant now) {
        move(progress.reject(now), by, "Rejected", "Rejected: " + reason, now);
    }

    void complete(StageName stage, String by, String comment, Instant now, LocalDate today) {
        move(progress.complete(stage, by, now, today), by, "Stage completed", stage + " completed", now);
        addCommentIfAny(by, comment, now);
    }

    void cancel(String by, String reason, Instant now) {
        move(progress.cancel(), by, "Canceled", "Canceled: " + reason, now);
    }

    void snooze(String by, LocalDate until, String reason, Instant now, LocalDate today) {
        String detail = "Snoozed until " + until + (reason == null ? "" : ": " + reason);
        move(progress.snooze(until, today), by, "Snoozed", detail, now);
    }

    /** The person returns on {@code returnDate}, or today when it is null. */
    void recordReturn(String by, LocalDate returnDate, Instant now, LocalDate today) {
        LocalDate day = returnDate != null ? returnDate : today;
        Progress next = progress.recordReturn(day, today, now); // first: is this a leave, and may it return now?
        if (day.isBefore(today)) {
            throw ValidationException.of("returnDate", "Return date must be today or later");
        }
        if (!day.isAfter(neededOn)) {
            throw new WorkflowException("The return date must be after the first day of leave (" + neededOn + ")");
        }
        neededUntil = day;
        move(next, by, "Return recorded", "Returns on " + day, now);
    }

    void assign(String by, PersonRef newAssignee, Instant now) {
        Action.ASSIGN.checkAllowedIn(progress.status());
        assignee = newAssignee;
        record(
                now,
                by,
                newAssignee == null ? "Unassigned" : "Assigned",
                newAssignee == null ? "Assignee removed" : "Assigned to " + newAssignee.name());
    }

    void comment(String by, String content, Instant now) {
        Action.COMMENT.checkAllowedIn(progress.status());
        addComment(by, content, now);
        record(now, by, "Commented", "Comment added");
    }

    /** Whatever time has made due: returns whether anything changed. */
    boolean advance(Instant now, LocalDate today) {
        Progress next = progress.advance(today, now);
        if (next.equals(progress)) {
            return false;
        }
        String detail = progress.status() == EventStatus.Snoozed && progress.snoozedUntil() != null
                ? "Woke after snooze"
                : "Advanced by date";
        move(next, SYSTEM, "Scheduled step", detail, now);
        return true;
    }

    /**
     * Takes the new progress, records the action and each stage it started, and derives what the step
     * does to the identity from the stages that changed.
     */
    private void move(Progress next, String by, String action, String detail, Instant now) {
        Progress before = progress;
        progress = next;
        record(now, by, action, detail + transition(before.status(), next.status()));
        for (Stage stage : next.stages()) {
            Stage old = before.stage(stage.name());
            boolean started = old.status() != stage.status()
                    && (stage.status() == EventStatus.Open || stage.status() == EventStatus.Pending);
            // A stage that opens again after a snooze has started before; one that opens for the first time
            // (also a leave's Removal waiting for its return date) is recorded.
            if (started && old.startedOn() == null) {
                record(now, SYSTEM, "Stage started", stage.name() + " started");
                startedStages.add(stage.name());
            }
            boolean completed = old.status() != EventStatus.Completed && stage.status() == EventStatus.Completed;
            identityEffect(stage.name(), started, completed);
        }
        if (before.status() != EventStatus.Completed && next.status() == EventStatus.Completed) {
            record(now, SYSTEM, "Completed", type.apiName() + " event completed");
            if (type == EventType.Offboard) {
                effects.add(new IdentityEffect.Deactivate(identityId));
            }
        }
    }

    private void identityEffect(StageName stage, boolean started, boolean completed) {
        if (type == EventType.Onboard && stage == StageName.Approval && completed) {
            effects.add(new IdentityEffect.Create(identityId, identityData));
        } else if (type == EventType.Onboard && stage == StageName.Provision && started) {
            effects.add(new IdentityEffect.Activate(identityId));
        } else if (type == EventType.RoleTransition && stage == StageName.Provision && completed) {
            effects.add(new IdentityEffect.ApplyChanges(identityId, identityData));
        } else if (type == EventType.Absence && stage == StageName.Provision && completed) {
            effects.add(new IdentityEffect.Deactivate(identityId));
        } else if (type == EventType.Absence && stage == StageName.Removal && completed) {
            effects.add(new IdentityEffect.Activate(identityId));
        }
    }

    private static String transition(EventStatus from, EventStatus to) {
        return from == to ? "" : " (" + from + " → " + to + ")";
    }

    private void addCommentIfAny(String by, String comment, Instant now) {
        if (comment != null) {
            addComment(by, comment, now);
        }
    }

    private void addComment(String by, String content, Instant now) {
        Comment comment = new Comment(now, by, content);
        comments.add(comment);
        newComments.add(comment);
    }

    private void record(Instant now, String author, String action, String content) {
        Activity entry = new Activity(now, author, action, content);
        activity.add(entry);
        newActivity.add(entry);
    }

    /** The identity changes of the steps taken since load, handed over once to be applied. */
    List<IdentityEffect> takeIdentityEffects() {
        List<IdentityEffect> taken = List.copyOf(effects);
        effects.clear();
        return taken;
    }

    /** The stages that started since load, handed over once (their access requests are raised then). */
    List<StageName> takeStartedStages() {
        List<StageName> taken = List.copyOf(startedStages);
        startedStages.clear();
        return taken;
    }

    void recordIdentityChange(String author, String content, Instant now) {
        record(now, author, "Identity changed", content);
    }

    void recordAccessRequests(int count, StageName stage, Instant now) {
        record(now, SYSTEM, "Access requests raised", count + " access requests raised for " + stage);
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
