package com.personnelevents.workflow;

import java.util.EnumSet;
import java.util.Set;

/**
 * What people can do to an event, and the event statuses in which each is allowed: the one table of
 * allowed transitions. Stage-specific conditions (which stage is current) are checked by {@link
 * Progress}.
 */
public enum Action {
    APPROVE("approve", EnumSet.of(EventStatus.Pending)),
    REJECT("reject", EnumSet.of(EventStatus.Scheduled, EventStatus.Pending)),
    COMPLETE_PROVISION("complete the Provision stage of", EnumSet.of(EventStatus.Open)),
    COMPLETE_REMOVAL("complete the Removal stage of", EnumSet.of(EventStatus.Open)),
    COMPLETE_VERIFICATION("complete the Verification stage of", EnumSet.of(EventStatus.Resolved)),
    CANCEL(
            "cancel",
            EnumSet.of(
                    EventStatus.Scheduled,
                    EventStatus.Pending,
                    EventStatus.Open,
                    EventStatus.Resolved,
                    EventStatus.Snoozed)),
    /** Until Provision starts, which {@link Progress#reschedule} checks. */
    RESCHEDULE(
            "reschedule",
            EnumSet.of(
                    EventStatus.Scheduled,
                    EventStatus.Pending,
                    EventStatus.Open,
                    EventStatus.Resolved,
                    EventStatus.Snoozed)),
    SNOOZE("snooze", EnumSet.of(EventStatus.Scheduled, EventStatus.Pending, EventStatus.Open, EventStatus.Resolved)),
    RECORD_RETURN(
            "record the return of",
            EnumSet.of(EventStatus.Scheduled, EventStatus.Pending, EventStatus.Open, EventStatus.Snoozed)),
    ASSIGN(
            "assign",
            EnumSet.of(
                    EventStatus.Scheduled,
                    EventStatus.Pending,
                    EventStatus.Open,
                    EventStatus.Resolved,
                    EventStatus.Snoozed)),
    COMMENT(
            "comment on",
            EnumSet.of(
                    EventStatus.Scheduled,
                    EventStatus.Pending,
                    EventStatus.Open,
                    EventStatus.Resolved,
                    EventStatus.Snoozed));

    private final String verb;
    private final Set<EventStatus> allowedIn;

    Action(String verb, Set<EventStatus> allowedIn) {
        this.verb = verb;
        this.allowedIn = allowedIn;
    }

    public boolean isAllowedIn(EventStatus status) {
        return allowedIn.contains(status);
    }

    /** Throws, with a message naming the status, unless the action is allowed in it. */
    public void checkAllowedIn(EventStatus status) {
        if (!isAllowedIn(status)) {
            throw new WorkflowException("Cannot " + verb + " an event that is " + status);
        }
    }

    public static Action completing(StageName stage) {
        switch (stage) {
            case Provision:
                return COMPLETE_PROVISION;
            case Removal:
                return COMPLETE_REMOVAL;
            case Verification:
                return COMPLETE_VERIFICATION;
            default:
                throw new WorkflowException("The Approval stage is completed by approving the event");
        }
    }
}
