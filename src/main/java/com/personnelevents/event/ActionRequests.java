package com.personnelevents.event;

import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Bodies of the workflow actions. Each checks itself, as the create requests do, and gives what the action
 * needs; every action body may be left out, which reads as the empty body ({@code NONE}).
 */
final class ActionRequests {

    /** The longest reason a rejection, cancel or snooze may give. */
    static final int REASON_MAX = 4000;

    private ActionRequests() {}

    /**
     * Approving, or completing a stage: an optional comment; for an approval or a verification, optionally
     * the role the response answers for.
     */
    @Schema(name = "ActionNote")
    record Note(
            @Schema(maxLength = EventRequest.COMMENT_MAX) String comment,

            @Schema(
                    description = "The role this approval or verification answers for; by default the first"
                            + " of the step's required roles the caller holds that is still awaited",
                    allowableValues = {
                        "Administrator",
                        "Security Team",
                        "Personnel Manager",
                        "Provision Team",
                        "Supervisor"
                    })
            String role) {

        static final Note NONE = new Note(null, null);

        /** The comment (null when there is none) and the role named (null when none). */
        record Checked(String comment, Role role) {}

        Checked validate(Violations violations) {
            String checked = EventRequest.comment(comment, violations);
            Role named = null;
            if (role != null && !role.isBlank()) {
                named = Role.parse(role).filter(Role::mayRespond).orElse(null);
                if (named == null) {
                    violations.add("role", "Role must be one of: " + Role.validValues(true));
                }
            }
            return new Checked(checked, named);
        }
    }

    /** Rejecting or canceling: a reason is required, for the audit trail. */
    @Schema(name = "ActionReason")
    record Reason(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = REASON_MAX)
            String reason) {

        static final Reason NONE = new Reason(null);

        /** The reason, trimmed. */
        String validate(Violations violations) {
            String checked = violations.requiredLongText("reason", reason, REASON_MAX, "Reason");
            return checked == null ? null : checked.trim();
        }
    }

    @Schema(name = "SnoozeRequest")
    record Snooze(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The day the event wakes up. " + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String until,

            @Schema(maxLength = REASON_MAX) String reason) {

        static final Snooze NONE = new Snooze(null, null);

        record Checked(LocalDate until, String reason) {}

        Checked validate(Violations violations) {
            LocalDate day = violations.required("until", until, "Until")
                    ? EventDates.parse("until", until, "Until", violations)
                    : null;
            String why = violations.longText("reason", reason, REASON_MAX, "Reason");
            return new Checked(day, why == null ? null : why.trim());
        }
    }

    /** New dates for an event whose access changes have not started, and why. */
    @Schema(name = "RescheduleRequest")
    record Reschedule(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The new effective date: today or later. " + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String effectiveDate,

            @Schema(
                    description = "The new end date of a role transition's overlap or a leave's return, after"
                            + " effectiveDate; none when omitted. Other types have none. "
                            + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String endDate,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = REASON_MAX)
            String reason) {

        static final Reschedule NONE = new Reschedule(null, null, null);

        record Checked(LocalDate effectiveDate, LocalDate endDate, String reason) {}

        /** The same date rules as a create's; whether the type takes an end date is checked with the event. */
        Checked validate(LocalDate today, Violations violations) {
            LocalDate effective = EventDates.effective(effectiveDate, today, violations);
            LocalDate end = EventDates.end(endDate, effective, violations);
            String why = violations.requiredLongText("reason", reason, REASON_MAX, "Reason");
            return new Checked(effective, end, why == null ? null : why.trim());
        }
    }

    /** A leave's return day; today when omitted (the person is back). */
    @Schema(name = "ReturnRequest")
    record Return(
            @Schema(
                    description = "The day the person is back; today when omitted. " + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String returnDate) {

        static final Return NONE = new Return(null);

        /** The return day; null for today. */
        LocalDate validate(Violations violations) {
            return EventDates.parse("returnDate", returnDate, "Return date", violations);
        }
    }

    /** The identity to assign; null to unassign. */
    @Schema(name = "AssigneeRequest")
    record Assignee(
            @Schema(format = "uuid", nullable = true) String assigneeId) {

        static final Assignee NONE = new Assignee(null);

        /** The identity to assign; null to unassign. */
        UUID validate(Violations violations) {
            return assigneeId == null || assigneeId.isBlank()
                    ? null
                    : violations.guid("assigneeId", assigneeId, "Assignee id");
        }
    }

    @Schema(name = "CommentRequest")
    record NewComment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = EventRequest.COMMENT_MAX)
            String content) {

        static final NewComment NONE = new NewComment(null);

        String validate(Violations violations) {
            return violations.requiredLongText("content", content, EventRequest.COMMENT_MAX, "Content");
        }
    }

    /** Runs a body's own check, the empty body when none was sent, and answers 400 with every violation. */
    static <T, R> R checked(T request, T none, Check<T, R> check) {
        Violations violations = new Violations();
        R result = check.apply(request == null ? none : request, violations);
        violations.throwIfAny();
        return result;
    }

    @FunctionalInterface
    interface Check<T, R> {
        R apply(T request, Violations violations);
    }
}
