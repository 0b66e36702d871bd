package com.personnelevents.auth;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * Who signed in, as the session keeps it (in the database, for every instance): the account and its
 * identity. Roles are not kept: they are worked out again on every request (from the accounts' groups as
 * {@link AccountCache} keeps them, the role mapping, and the identity as {@link PersonCache} keeps it), so
 * that a change of groups, of the role mapping, or the end of the person's employment takes effect at once.
 */
public record SignedInPerson(UUID accountId, UUID identityId, String name) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
