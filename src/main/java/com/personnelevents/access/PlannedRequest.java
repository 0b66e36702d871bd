package com.personnelevents.access;

/** A request a stage would raise if it started now: what an approver sees before approving. */
public record PlannedRequest(String stage, AccessAction action, Named application, Named permission) {}
