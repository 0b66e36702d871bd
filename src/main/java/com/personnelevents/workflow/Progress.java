package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an event stands in its workflow: its stages and, derived from them, its status. Every
 * transition returns a new {@code Progress} or throws {@link WorkflowException}; dates and instants
 * come in as arguments.
 *
 * <p>The stage that matters is the <em>current</em> one, the first that is neither completed nor
 * canceled. Approval opens ({@code Pending}) on its scheduled day and completes when approved;
 * Provision opens on the effective date once approved; a Removal opens on its date (a leave's return,
 * the end of a role transition's overlap) and sleeps ({@code Snoozed}) while a leave's return date is
 * unknown; Verification opens as soon as the stage before it completes. The event's status follows:
 * waiting for a date is {@code Scheduled}, awaiting approval {@code Pending}, work to do {@code Open},
 * awaiting verification {@code Resolved}, then {@code Completed}; or {@code Canceled}, or {@code
 * Snoozed}.
 *
 * @param snoozedUntil the day a snoozed event wakes; null when not snoozed by a person
 */
public record Progress(
        EventType type, EventStatus status, List<Stage> stages, LocalDate snoozedUntil, Instant completedOn) {

    /** The longest a person may put an event aside. */
    public static final int MAX_SNOOZE_DAYS = 90;

    public Progress {
        stages = List.copyOf(stages);
    }

    /** A new event's progress, already advanced to what is due today. */
    public static Progress start(EventType type, StagePlan plan) {
        return new Progress(type, plan.status(), plan.stages(), null, null);
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The first stage not yet done; null when all are. */
    public Stage current() {
        return stages.stream().filter(s -> !s.isDone()).findFirst().orElse(null);
    }

    public Stage stage(StageName name) {
        return stages.stream().filter(s -> s.name() == name).findFirst().orElse(null);
    }

    public Progress approve(Actor by, Instant now, LocalDate today) {
        Action.APPROVE.checkAllowedIn(status);
        Stage approval = requireCurrent(StageName.Approval, EventStatus.Pending);
        return replace(approval, approval.complete(now, by)).advance(today, now);
    }

    /**
     * Refuses unless {@code step} (Approval or Verification) is the current stage and open for responses:
     * what a response, or taking one back, needs before it is recorded.
     */
    public void checkResponding(StageName step) {
        if (step == StageName.Approval) {
            Action.APPROVE.checkAllowedIn(status);
            requireCurrent(StageName.Approval, EventStatus.Pending);
        } else if (step == StageName.Verification) {
            Action.COMPLETE_VERIFICATION.checkAllowedIn(status);
            requireCurrent(StageName.Verification, EventStatus.Open);
        } else {
            throw new WorkflowException("Only the Approval and Verification steps take responses");
        }
    }

    public Progress reject(Instant now) {
        Action.REJECT.checkAllowedIn(status);
        requireCurrent(StageName.Approval, null);
        return cancelRemaining();
    }

    public Progress complete(StageName name, Actor by, Instant now, LocalDate today) {
        Action.completing(name).checkAllowedIn(status);
        Stage stage = requireCurrent(name, EventStatus.Open);
        return replace(stage, stage.complete(now, by)).advance(today, now);
    }

    /**
     * Possible until the access changes are made; after that the event has to run its course. With
     * completed changes to undo ({@code undo}), the event stays {@code Open} in a Removal stage (the one
     * it has, or one added before Verification) until they are undone, and then ends {@code Canceled};
     * without, it is {@code Canceled} at once.
     */
    public Progress cancel(boolean undo, Instant now) {
        Action.CANCEL.checkAllowedIn(status);
        if (isUndoing()) {
            throw new WorkflowException("The event is already canceled; its completed changes are being undone");
        }
        Stage provision = stage(StageName.Provision);
        if (provision != null && provision.status() == EventStatus.Completed) {
            throw new WorkflowException(
                    type == EventType.Absence
                            ? "Access is already suspended for this leave; record the return instead of canceling"
                            : "Access changes of this event are already made; it can no longer be canceled");
        }
        if (!undo) {
            return cancelRemaining();
        }
        List<Stage> next = new ArrayList<>();
        Stage undoing = new Stage(StageName.Removal, EventStatus.Open, now, null, null, null, null);
        for (Stage stage : stages) {
            if (stage.name() == StageName.Removal) {
                next.add(undoing);
            } else {
                if (stage.name() == StageName.Verification && stage(StageName.Removal) == null) {
                    next.add(undoing);
                }
                next.add(stage.isDone() ? stage : stage.withStatus(EventStatus.Canceled));
            }
        }
        return new Progress(type, EventStatus.Open, next, null, null);
    }

    /**
     * Ends whatever is not done, without undoing anything: a leave of a person who has left (their access
     * is gone, so there is nothing to restore).
     */
    public Progress end() {
        if (isTerminal()) {
            throw new WorkflowException("The event is already " + status);
        }
        return cancelRemaining();
    }

    /** Canceled, with changes still being undone (its Provision canceled, the event not yet over). */
    public boolean isUndoing() {
        Stage provision = stage(StageName.Provision);
        return !isTerminal() && provision != null && provision.status() == EventStatus.Canceled;
    }

    /** Canceled, or being canceled. */
    public boolean isCalledOff() {
        return status == EventStatus.Canceled || isUndoing();
    }

    /**
     * New dates, as long as the access changes have not started: the stages not yet done take the days of
     * {@code plan} (made for the new dates); a stage already done, or already open awaiting approval, or
     * put aside by a snooze, keeps its status. A stage the new dates bring (a role transition's overlap)
     * is added, one they drop is removed.
     */
    public Progress reschedule(StagePlan plan, LocalDate today, Instant now) {
        Action.RESCHEDULE.checkAllowedIn(status);
        Stage provision = stage(StageName.Provision);
        if (provision.startedOn() != null || provision.isDone()) {
            throw new WorkflowException("The dates of this event can no longer move: its Provision stage has started");
        }
        List<Stage> next = new ArrayList<>();
        for (Stage planned : plan.stages()) {
            Stage old = stage(planned.name());
            if (old == null) {
                next.add(planned);
            } else if (old.isDone()) {
                next.add(old);
            } else if (old.startedOn() != null || (snoozedUntil != null && old.status() == EventStatus.Snoozed)) {
                next.add(old.withScheduledStart(planned.scheduledStart()));
            } else {
                next.add(planned);
            }
        }
        return new Progress(type, status, next, snoozedUntil, completedOn).advance(today, now);
    }

    /** Puts the current step aside until a later day; the scheduler wakes it then. */
    public Progress snooze(LocalDate until, LocalDate today) {
        Action.SNOOZE.checkAllowedIn(status);
        if (isUndoing()) {
            throw new WorkflowException("The event is canceled; its completed changes are being undone");
        }
        if (!until.isAfter(today)) {
            throw new WorkflowException("An event can only be snoozed until a day after today");
        }
        Stage current = current();
        return new Progress(
                type, EventStatus.Snoozed, swap(current, current.withStatus(EventStatus.Snoozed)), until, null);
    }

    /**
     * A leave's return day, once known or when the person comes back early: restoration (Removal) is
     * scheduled for that day, and starts at once if the day has come and access is suspended.
     */
    public Progress recordReturn(LocalDate returnDate, LocalDate today, Instant now) {
        if (type != EventType.Absence) {
            throw new WorkflowException("Only a leave of absence has a return");
        }
        Action.RECORD_RETURN.checkAllowedIn(status);
        Stage removal = stage(StageName.Removal);
        if (removal.status() == EventStatus.Open) {
            throw new WorkflowException("Access is already being restored");
        }
        return replace(removal, removal.scheduledOn(returnDate)).advance(today, now);
    }

    /**
     * Opens whatever is due by {@code today}: wakes a snoozed event whose day has come, opens the
     * approval window, starts stages whose date has arrived, completes the event when nothing is left.
     * Doing it twice changes nothing the second time.
     */
    public Progress advance(LocalDate today, Instant now) {
        if (isTerminal()) {
            return this;
        }
        List<Stage> next = new ArrayList<>(stages);
        LocalDate until = snoozedUntil;
        if (until != null) {
            if (until.isAfter(today)) {
                return this;
            }
            until = null;
            int at = indexOfCurrent(next);
            next.set(at, next.get(at).withStatus(EventStatus.Scheduled));
        }
        int at = indexOfCurrent(next);
        if (at < 0) {
            // a canceled event whose changes are undone ends Canceled, not Completed
            return isUndoing()
                    ? new Progress(type, EventStatus.Canceled, next, null, null)
                    : new Progress(type, EventStatus.Completed, next, null, now);
        }
        Stage current = next.get(at);
        if (current.status() == EventStatus.Scheduled && isDue(current, today)) {
            next.set(
                    at,
                    current.open(current.name() == StageName.Approval ? EventStatus.Pending : EventStatus.Open, now));
        }
        return new Progress(type, derive(next.get(at)), next, until, null);
    }

    /** The day {@link #advance} would next change something by itself; null when it waits for people. */
    public LocalDate nextDue() {
        if (isTerminal()) {
            return null;
        }
        if (snoozedUntil != null) {
            return snoozedUntil;
        }
        Stage current = current();
        return current.status() == EventStatus.Scheduled ? current.scheduledStart() : null;
    }

    private static boolean isDue(Stage stage, LocalDate today) {
        if (stage.name() == StageName.Verification) {
            return true;
        }
        return stage.scheduledStart() != null && !stage.scheduledStart().isAfter(today);
    }

    private static EventStatus derive(Stage current) {
        if (current.status() == EventStatus.Snoozed) {
            return EventStatus.Snoozed;
        }
        if (current.name() == StageName.Verification) {
            return EventStatus.Resolved;
        }
        return current.status();
    }

    private Stage requireCurrent(StageName name, EventStatus required) {
        Stage current = current();
        if (current == null || current.name() != name) {
            throw new WorkflowException("The " + name + " stage is not the current stage"
                    + (current == null ? "" : "; the event is at " + current.name()));
        }
        if (required != null && current.status() != required) {
            throw new WorkflowException("The " + name + " stage is " + current.status() + ", not " + required);
        }
        return current;
    }

    private Progress cancelRemaining() {
        List<Stage> next = new ArrayList<>();
        for (Stage stage : stages) {
            next.add(stage.isDone() ? stage : stage.withStatus(EventStatus.Canceled));
        }
        return new Progress(type, EventStatus.Canceled, next, null, null);
    }

    private Progress replace(Stage old, Stage updated) {
        return new Progress(type, status, swap(old, updated), snoozedUntil, completedOn);
    }

    private List<Stage> swap(Stage old, Stage updated) {
        List<Stage> next = new ArrayList<>(stages);
        next.set(stages.indexOf(old), updated);
        return next;
    }

    private static int indexOfCurrent(List<Stage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (!stages.get(i).isDone()) {
                return i;
            }
        }
        return -1;
    }
}
