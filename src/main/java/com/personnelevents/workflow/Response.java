package com.personnelevents.workflow;

import java.time.Instant;

/** A response to an event's Approval or Verification step: the role it answers for, who gave it, and when. */
public record Response(StageName step, Role role, Actor responder, Instant at) {}
