package com.personnelevents.event;

import com.personnelevents.identity.IdentityAttributes;
import java.util.UUID;

/** What a workflow step does to the affected identity, applied in the step's own transaction. */
sealed interface IdentityEffect {

    UUID identityId();

    /** An onboarding's approval: the identity exists from now on, not yet active. */
    record Create(UUID identityId, IdentityAttributes attributes) implements IdentityEffect {}

    /** An onboarding's effective date, or the return from a leave. */
    record Activate(UUID identityId) implements IdentityEffect {}

    /** A completed offboarding, or the suspension for a leave. */
    record Deactivate(UUID identityId) implements IdentityEffect {}

    /** A role transition's changes, once provisioned. */
    record ApplyChanges(UUID identityId, IdentityAttributes changes) implements IdentityEffect {}
}
