package com.personnelevents.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages a new event starts with, and its first status.
 *
 * <p>Approval is scheduled the lead time before the effective date, for every type (as in the API
 * reference's samples, offboarding included); access changes (Provision) are scheduled on the
 * effective date. A role transition with an overlap ({@code endDate}) removes the old access in a
 * Removal stage on that date; a leave restores access in its Removal stage on the return date, and
 * that stage is Snoozed while the return date is unknown.
 */
public record StagePlan(EventStatus status, List<Stage> stages) {

    public StagePlan {
        stages = List.copyOf(stages);
    }

    public static StagePlan initial(
            EventType type,
            LocalDate effectiveDate,
            LocalDate endDate,
            int leadTimeDays,
            LocalDate today,
            Instant now) {
        LocalDate approvalStart = effectiveDate.minusDays(leadTimeDays);
        boolean approvalOpen = !approvalStart.isAfter(today);
        Stage approval = Stage.scheduled(StageName.Approval, approvalStart);
        if (approvalOpen) {
            approval = approval.open(EventStatus.Pending, now);
        }
        List<Stage> stages = new ArrayList<>();
        stages.add(approval);
        stages.add(Stage.scheduled(StageName.Provision, effectiveDate));
        switch (type) {
            case Absence ->
                stages.add(
                        endDate == null
                                ? Stage.snoozed(StageName.Removal)
                                : Stage.scheduled(StageName.Removal, endDate));
            case RoleTransition -> {
                if (endDate != null) {
                    stages.add(Stage.scheduled(StageName.Removal, endDate));
                }
                stages.add(Stage.scheduled(StageName.Verification, null));
            }
            default -> stages.add(Stage.scheduled(StageName.Verification, null));
        }
        return new StagePlan(approvalOpen ? EventStatus.Pending : EventStatus.Scheduled, stages);
    }
}
