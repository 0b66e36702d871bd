package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one type of personnel event does, in one place: its stages and the day each is due, what each stage
 * change does to the identity, and which access requests each stage raises (a stage that raises any waits
 * for them to be closed). A new type is one more definition in {@link #of}.
 */
public record EventDefinition(
        EventType type, List<StageRule> stages, List<IdentityRule> identity, Map<StageName, AccessChange> access) {

    /**
     * An onboarding: approved, the identity created (inactive) on approval, granted what its models give;
     * called off after approval, the identity goes back to what it was (a new one is Removed).
     */
    private static final EventDefinition ONBOARD = new EventDefinition(
            EventType.Onboard,
            List.of(StageRule.APPROVAL, StageRule.PROVISION, StageRule.VERIFICATION),
            List.of(
                    new IdentityRule(StageName.Approval, Moment.COMPLETED, IdentityChange.CREATE),
                    new IdentityRule(StageName.Provision, Moment.STARTED, IdentityChange.ACTIVATE),
                    new IdentityRule(StageName.Approval, Moment.CALLED_OFF, IdentityChange.REVERT)),
            Map.of(StageName.Provision, AccessChange.GRANT_MODELS));

    /**
     * An offboarding: approved, everything the person holds removed, and the identity disabled as soon as
     * that removal is done; then verified.
     */
    private static final EventDefinition OFFBOARD = new EventDefinition(
            EventType.Offboard,
            List.of(StageRule.APPROVAL, StageRule.PROVISION, StageRule.VERIFICATION),
            List.of(new IdentityRule(StageName.Provision, Moment.COMPLETED, IdentityChange.DEACTIVATE)),
            Map.of(StageName.Provision, AccessChange.REMOVE_HELD));

    /**
     * A role transition: what the new attributes bring is added, what only the old ones justified removed
     * (on the overlap's end day, in a Removal stage, when there is one), and the changes applied.
     */
    private static final EventDefinition ROLE_TRANSITION = new EventDefinition(
            EventType.RoleTransition,
            List.of(StageRule.APPROVAL, StageRule.PROVISION, StageRule.OVERLAP_END, StageRule.VERIFICATION),
            List.of(new IdentityRule(StageName.Provision, Moment.COMPLETED, IdentityChange.APPLY_CHANGES)),
            Map.of(StageName.Provision, AccessChange.ROLE_CHANGE, StageName.Removal, AccessChange.ROLE_CHANGE_LATER));

    /** A leave: access suspended and the identity disabled, then both restored on the return day. */
    private static final EventDefinition ABSENCE = new EventDefinition(
            EventType.Absence,
            List.of(StageRule.APPROVAL, StageRule.PROVISION, StageRule.RETURN),
            List.of(
                    new IdentityRule(StageName.Provision, Moment.COMPLETED, IdentityChange.DEACTIVATE),
                    new IdentityRule(StageName.Removal, Moment.COMPLETED, IdentityChange.ACTIVATE)),
            Map.of(
                    StageName.Provision,
                    AccessChange.SUSPEND_ACTIVE,
                    StageName.Removal,
                    AccessChange.RESTORE_SUSPENDED));

    private static final Map<EventType, EventDefinition> ALL = new EnumMap<>(Map.of(
            EventType.Onboard, ONBOARD,
            EventType.Offboard, OFFBOARD,
            EventType.RoleTransition, ROLE_TRANSITION,
            EventType.Absence, ABSENCE));

    public EventDefinition {
        stages = List.copyOf(stages);
        identity = List.copyOf(identity);
        access = Map.copyOf(access);
    }

    public static EventDefinition of(EventType type) {
        return ALL.get(type);
    }

    /**
     * The stages a new event starts with, and its first status: Approval opens the lead time before the
     * effective date (for every type, as in the reference's samples); it is already open when that day
     * has come.
     */
    public StagePlan plan(LocalDate effectiveDate, LocalDate endDate, int leadTimeDays, LocalDate today, Instant now) {
        List<Stage> planned = new ArrayList<>();
        for (StageRule rule : stages) {
            Stage stage = rule.plan(effectiveDate, endDate, leadTimeDays);
            if (stage != null) {
                planned.add(stage);
            }
        }
        Stage approval = planned.get(0);
        boolean approvalOpen = !approval.scheduledStart().isAfter(today);
        if (approvalOpen) {
            planned.set(0, approval.open(EventStatus.Pending, now));
        }
        return new StagePlan(approvalOpen ? EventStatus.Pending : EventStatus.Scheduled, planned);
    }

    /** What the stage changes between {@code before} and {@code after} do to the identity, in order. */
    public List<IdentityChange> identityChanges(Progress before, Progress after) {
        List<IdentityChange> changes = new ArrayList<>();
        for (IdentityRule rule : identity) {
            boolean happened = rule.moment() == Moment.CALLED_OFF
                    ? !before.isCalledOff()
                            && after.isCalledOff()
                            && after.stage(rule.stage()).status() == EventStatus.Completed
                    : rule.moment().happened(before.stage(rule.stage()), after.stage(rule.stage()));
            if (happened) {
                changes.add(rule.change());
            }
        }
        return changes;
    }

    /** Whether events of the type take an end date (a role transition's overlap, a leave's return). */
    public boolean hasEndDate() {
        return stages.contains(StageRule.OVERLAP_END) || stages.contains(StageRule.RETURN);
    }

    /** The access requests a stage raises when it starts; null when it raises none. */
    public AccessChange accessChange(StageName stage) {
        return access.get(stage);
    }

    /** A stage of the definition and the day it is due. */
    public enum StageRule {
        /** The lead time before the effective date. */
        APPROVAL(StageName.Approval),
        /** The effective date. */
        PROVISION(StageName.Provision),
        /** A role transition's end of overlap: the old access removed that day; no stage without one. */
        OVERLAP_END(StageName.Removal),
        /** A leave's return day; the stage sleeps (Snoozed) while it is unknown. */
        RETURN(StageName.Removal),
        /** As soon as the stage before it is done. */
        VERIFICATION(StageName.Verification);

        private final StageName name;

        StageRule(StageName name) {
            this.name = name;
        }

        Stage plan(LocalDate effectiveDate, LocalDate endDate, int leadTimeDays) {
            return switch (this) {
                case APPROVAL -> Stage.scheduled(name, effectiveDate.minusDays(leadTimeDays));
                case PROVISION -> Stage.scheduled(name, effectiveDate);
                case OVERLAP_END -> endDate == null ? null : Stage.scheduled(name, endDate);
                case RETURN -> endDate == null ? Stage.snoozed(name) : Stage.scheduled(name, endDate);
                case VERIFICATION -> Stage.scheduled(name, null);
            };
        }
    }

    /**
     * When an identity change happens: a stage starting or completing, or the event being called off
     * after the stage completed.
     */
    public enum Moment {
        STARTED,
        COMPLETED,
        CALLED_OFF;

        boolean happened(Stage before, Stage after) {
            if (before == null || after == null || before.status() == after.status()) {
                return false;
            }
            return this == COMPLETED
                    ? after.status() == EventStatus.Completed
                    : this == STARTED
                            && before.startedOn() == null
                            && (after.status() == EventStatus.Open || after.status() == EventStatus.Pending);
        }
    }

    /** What a stage change does to the identity. */
    public record IdentityRule(StageName stage, Moment moment, IdentityChange change) {}
}
