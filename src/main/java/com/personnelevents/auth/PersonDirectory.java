package com.personnelevents.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identities people sign in as, as sign-in needs them: implemented by the identity feature, so that
 * accounts and tokens can name and check a person without reaching into identities' tables.
 */
public interface PersonDirectory {

    /** The person of an identity, if it exists. */
    Optional<Person> person(UUID identityId);

    /** The identities with this email, ignoring case (any status). */
    List<Person> byEmail(String email);

    /** A person: their identity, display name ("Last, First"), email, and whether they are Active. */
    record Person(UUID id, String name, String email, boolean active) {}
}
