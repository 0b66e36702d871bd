package com.personnelevents.access;

import com.personnelevents.workflow.EventStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One access change for one person: a permission to add, remove, suspend or restore, raised by the
 * stage of a personnel event. {@code Scheduled} while its stage has not started, {@code Open} while
 * someone has to carry it out, then {@code Completed}, or {@code Canceled} (rejected, with a reason, or
 * because its event was canceled).
 */
record AccessRequest(
        UUID id,
        long number,
        UUID eventId,
        String stage,
        UUID identityId,
        UUID permissionId,
        AccessAction action,
        EventStatus status,
        String reporterName,
        String reason,
        Instant createdAt,
        Instant completedOn,
        String completedBy,
        long version) {

    boolean isClosed() {
        return status.isTerminal();
    }
}
