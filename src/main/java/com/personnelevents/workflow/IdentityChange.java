package com.personnelevents.workflow;

/** What a step of an event does to the affected identity. */
public enum IdentityChange {
    /** The identity exists from now on (an onboarding's approval), not yet active. */
    CREATE,
    /** Active: an onboarding's first day, or the return from a leave. */
    ACTIVATE,
    /** Disabled: a completed offboarding, or the suspension for a leave. */
    DEACTIVATE,
    /** A role transition's changes, once provisioned. */
    APPLY_CHANGES
}
