package com.personnelevents.auth;

import com.personnelevents.workflow.Role;
import java.util.List;
import java.util.UUID;

/**
 * The roles a person holds through facts rather than groups: implemented by the features that know them
 * (identities: the supervisor of whom; applications: provision engineer or application manager of which).
 */
public interface HeldRoles {

    /** Each role the person holds this way, with why. */
    List<HeldRole> of(UUID identityId);

    /** A role and why it is held: "group Security Team", "supervisor of Chen, Sarah". */
    record HeldRole(Role role, String because) {}
}
