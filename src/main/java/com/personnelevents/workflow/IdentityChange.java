package com.personnelevents.workflow;

/** What a step of an event does to the affected identity. */
public enum IdentityChange {
    /** The identity exists from now on (an onboarding's approval), not yet active. */
    CREATE,
    /** Active: an onboarding's first day, or the return from a leave. */
    ACTIVATE,
    /** Disabled: an offboarding's access removed, or the suspension for a leave. */
    DEACTIVATE,
    /** A role transition's changes, once provisioned. */
    APPLY_CHANGES,
    /** Back to before the event: a canceled onboarding's identity is Removed, a rehire's as it was. */
    REVERT
}
