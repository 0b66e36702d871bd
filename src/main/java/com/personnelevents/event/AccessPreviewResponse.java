package com.personnelevents.event;

import com.personnelevents.access.PlannedRequest;
import java.util.List;
import java.util.UUID;

/**
 * What an event's Provision stage (and its Removal stage) would raise if it started now: the access an
 * approver is asked to approve.
 */
public record AccessPreviewResponse(UUID personnelEventId, List<PlannedRequest> requests) {}
