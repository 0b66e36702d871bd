package com.personnelevents.auth;

import com.personnelevents.workflow.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person's roles open at the door (the same scopes that guard the API's endpoints for tokens). The
 * door is wide on purpose where the answer depends on the event or the request: every person may ask to
 * read (the services show only what they may see) and to approve, provision or verify (the services
 * decide by the approval rules, the person's roles and relations, and the duties). Reporting Only, held
 * alone, reads.
 */
final class PersonScopes {

    private PersonScopes() {}

    static Set<Scope> of(Set<Role> roles) {
        Set<Scope> scopes = EnumSet.of(Scope.EVENTS_READ, Scope.IDENTITIES_READ, Scope.ACCESS_READ);
        boolean readsOnly = roles.contains(Role.ReportingOnly) && roles.stream().allMatch(r -> r == Role.ReportingOnly);
        if (readsOnly) {
            return scopes;
        }
        scopes.addAll(EnumSet.of(Scope.EVENTS_APPROVE, Scope.EVENTS_PROVISION, Scope.EVENTS_VERIFY));
        if (roles.contains(Role.PersonnelManager) || roles.contains(Role.SecurityTeam)) {
            scopes.add(Scope.EVENTS_WRITE);
        }
        if (roles.contains(Role.SecurityTeam)) {
            scopes.addAll(EnumSet.of(Scope.IDENTITIES_WRITE, Scope.ACCESS_WRITE));
        }
        if (roles.contains(Role.Administrator)) {
            scopes.addAll(EnumSet.of(Scope.ADMIN, Scope.METRICS_READ));
        }
        return scopes;
    }
}
