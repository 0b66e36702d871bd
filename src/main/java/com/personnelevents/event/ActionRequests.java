package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the workflow actions. */
final class ActionRequests {

    /** The longest reason a rejection, cancel or snooze may give. */
    static final int REASON_MAX = 4000;

    private ActionRequests() {}

    /** Approving, or completing a stage: an optional comment. */
    @Schema(name = "ActionNote")
    record Note(
            @Schema(maxLength = EventRequest.COMMENT_MAX) String comment) {}

    /** Rejecting or canceling: a reason is required, for the audit trail. */
    @Schema(name = "ActionReason")
    record Reason(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = REASON_MAX)
            String reason) {}

    @Schema(name = "SnoozeRequest")
    record Snooze(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The day the event wakes up. " + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String until,

            @Schema(maxLength = REASON_MAX) String reason) {}

    /** A leave's return day; today when omitted (the person is back). */
    @Schema(name = "ReturnRequest")
    record Return(
            @Schema(
                    description = "The day the person is back; today when omitted. " + EventDates.DAY_DESCRIPTION,
                    pattern = EventDates.DAY_PATTERN)
            String returnDate) {}

    /** The identity to assign; null to unassign. */
    @Schema(name = "AssigneeRequest")
    record Assignee(
            @Schema(format = "uuid", nullable = true) String assigneeId) {}

    @Schema(name = "CommentRequest")
    record NewComment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = EventRequest.COMMENT_MAX)
            String content) {}
}
