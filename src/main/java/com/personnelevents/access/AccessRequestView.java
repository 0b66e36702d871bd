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
        @Schema(nullable = true) String completedBy) {

    static final String KIND = "Access Request";

    /** Whose access: a user account (groups are not modelled yet). */
    @Schema(name = "AccessRequestTarget")
    public record Target(String type, String name, Named affectedIdentity) {}
}
