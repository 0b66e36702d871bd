package com.personnelevents.event;

import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the workflow actions. */
final class ActionRequests {

    private ActionRequests() {}

    /** Approving, or completing a stage: an optional comment. */
    record Note(String comment) {}

    /** Rejecting or canceling: a reason is required, for the audit trail. */
    record Reason(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {}

    record Snooze(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-04-15")
            String until,

            String reason) {}

    /** A leave's return day; today when omitted (the person is back). */
    record Return(@Schema(example = "2026-07-20") String returnDate) {}

    /** The identity to assign; null to unassign. */
    record Assignee(@Schema(format = "uuid") String assigneeId) {}

    record NewComment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String content) {}
}
