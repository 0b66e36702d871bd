package com.personnelevents.access;

import com.personnelevents.db.AuditRecords;
import com.personnelevents.workflow.EventStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One access change for one person: a permission to add, remove, suspend or restore, raised by the
 * stage of a personnel event. {@code Scheduled} while its stage has not started, {@code Open} while
 * someone has to carry it out, then {@code Completed}, or {@code Canceled} (rejected, with a reason, or
 * because its event was canceled). A rejected removal or suspension carries a {@link Refusal}: an exception
 * until someone decides it.
 *
 * @param retryOf the refused request this one raises again; null for a first request
 * @param undoes the completed request of a canceled event that this one undoes; null otherwise
 * @param completedById the person's identity or the token that completed or rejected it (for the duties)
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
        UUID completedById,
        Refusal refusal,
        UUID retryOf,
        UUID undoes,
        Named assignee,
        long version) {

    /** A new request, not yet carried out. */
    static AccessRequest raised(
            long number,
            UUID eventId,
            String stage,
            UUID identityId,
            UUID permissionId,
            AccessAction action,
            EventStatus status,
            String reporterName,
            Instant at,
            UUID retryOf,
            UUID undoes) {
        return new AccessRequest(
                UUID.randomUUID(),
                number,
                eventId,
                stage,
                identityId,
                permissionId,
                action,
                status,
                reporterName,
                null,
                at,
                null,
                null,
                null,
                null,
                retryOf,
                undoes,
                null,
                0);
    }

    /** The request as the event's audit trail records it ({@link AuditRecords#requestState}). */
    String auditState() {
        return AuditRecords.requestState(
                id,
                stage,
                identityId,
                permissionId,
                action.name(),
                status.name(),
                reason,
                completedOn,
                completedBy,
                refusal == null ? null : refusal.status().name(),
                refusal == null ? null : refusal.decidedBy(),
                refusal == null ? null : refusal.reason(),
                refusal == null ? null : refusal.decidedOn(),
                retryOf,
                undoes,
                completedById,
                assignee == null ? null : assignee.id());
    }

    boolean isClosed() {
        return status.isTerminal();
    }

    boolean awaitsDecision() {
        return refusal != null && refusal.status() == ExceptionStatus.Undecided;
    }

    /** Whether refusing the request leaves the person holding what should have gone. */
    boolean refusalIsAnException() {
        return action == AccessAction.Remove || action == AccessAction.Suspend;
    }

    /** A refused removal or suspension (an exception), and what was decided about it. */
    record Refusal(ExceptionStatus status, String decidedBy, String reason, Instant decidedOn) {}

    /** {@code Undecided} until raised again ({@code Retried}) or {@code Accepted}; {@code Withdrawn} with its event. */
    enum ExceptionStatus {
        Undecided,
        Accepted,
        Retried,
        Withdrawn
    }
}
