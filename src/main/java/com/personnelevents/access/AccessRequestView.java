package com.personnelevents.access;

import com.personnelevents.workflow.EventStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An access request as the API shows it, in the product's shape ({@code kind}, {@code number},
 * {@code action}, {@code status}, {@code reporter}, {@code assignee}, {@code target}), with the
 * application and permission it is about.
 */
public record AccessRequestView(
        UUID id,
        String kind,
        long number,
        AccessAction action,
        EventStatus status,
        Named reporter,
        @Schema(nullable = true) Named assignee,
        Target target,
        Named application,
        Named permission,
        @Schema(nullable = true) UUID personnelEventId,
        @Schema(nullable = true) String stage,
        @Schema(nullable = true) String reason,
        Instant createdDate,
        @Schema(nullable = true) Instant completedOn,
        @Schema(nullable = true) String completedBy,

        @Schema(nullable = true, description = "A refused removal or suspension and what was decided about it")
        AccessException exception,

        @Schema(nullable = true, description = "The refused request this one raises again")
        UUID retryOf,

        @Schema(nullable = true, description = "The completed request of a canceled event that this one undoes")
        UUID undoes) {

    static final String KIND = "Access Request";

    /**
     * A refused removal or suspension leaves the person holding what should have gone: {@code Undecided}
     * until an approver raises it again ({@code Retried}) or accepts it ({@code Accepted}); {@code
     * Withdrawn} when its event was canceled.
     */
    @Schema(name = "AccessException")
    public record AccessException(
            @Schema(allowableValues = {"Undecided", "Accepted", "Retried", "Withdrawn"})
            String status,

            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) Instant decidedOn) {}

    /** Whose access: a user account (groups are not modelled yet). */
    @Schema(name = "AccessRequestTarget")
    public record Target(String type, String name, Named affectedIdentity) {}
}
