package com.personnelevents.workflow;

import java.util.UUID;

/**
 * Who did something to an event: a person (by their identity), an integration token, or the system (the
 * scheduler, and what a step causes). The audit trail names each by {@link #name()}; a person also by id.
 */
public record Actor(Kind kind, UUID id, String name) {

    public enum Kind {
        PERSON,
        TOKEN,
        SYSTEM
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "System");

    public static Actor person(UUID identityId, String name) {
        return new Actor(Kind.PERSON, identityId, name);
    }

    public static Actor token(UUID tokenId, String name) {
        return new Actor(Kind.TOKEN, tokenId, name);
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }

    /** The identity the trail records beside the name: a person's; null for tokens and the system. */
    public UUID personId() {
        return isPerson() ? id : null;
    }

    /** Whether this is {@code other}: the same person or the same token. */
    public boolean is(UUID otherId) {
        return id != null && id.equals(otherId);
    }
}
