package com.personnelevents.workflow;

/** The access requests a stage raises when it starts (the access feature works out which permissions). */
public enum AccessChange {
    /** Add every permission the identity's matching access models grant that it does not hold. */
    GRANT_MODELS,
    /** Remove everything the identity holds. */
    REMOVE_HELD,
    /** Suspend everything the identity holds and uses. */
    SUSPEND_ACTIVE,
    /** Restore exactly what this event suspended. */
    RESTORE_SUSPENDED,
    /**
     * Add what the new attributes bring and remove what only the old ones justified; the removals wait in
     * the Removal stage when the event has one (old and new access overlap until then).
     */
    ROLE_CHANGE,
    /** Carry out the removals a {@link #ROLE_CHANGE} left waiting for this stage. */
    ROLE_CHANGE_LATER
}
