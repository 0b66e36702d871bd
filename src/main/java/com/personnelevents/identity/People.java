package com.personnelevents.identity;

import com.personnelevents.auth.HeldRoles;
import com.personnelevents.auth.PersonDirectory;
import com.personnelevents.identity.IdentityRepository.IdentityRow;
import com.personnelevents.workflow.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identities as the people who sign in: who they are for sign-in and tokens ({@link PersonDirectory}), and
 * whom they supervise ({@link HeldRoles}: a supervisor of anyone holds the Supervisor role for them).
 */
@Component
class People implements PersonDirectory, HeldRoles {

    private final IdentityRepository identities;

    People(IdentityRepository identities) {
        this.identities = identities;
    }

    /** One statement, read for every request of a person: no transaction of its own. */
    @Override
    public Optional<Person> person(UUID identityId) {
        return identities.findById(identityId).map(People::person);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> byEmail(String email) {
        return identities.findByEmail(email).stream().map(People::person).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldRole> of(UUID identityId) {
        return identities.directReports(identityId).stream()
                .map(report -> new HeldRole(
                        Role.Supervisor,
                        "supervisor of "
                                + IdentityRepository.displayName(
                                        report.identity().attributes().lastName(),
                                        report.identity().attributes().firstName())))
                .toList();
    }

    private static Person person(IdentityRow row) {
        Identity identity = row.identity();
        return new Person(
                identity.id(),
                IdentityRepository.displayName(
                        identity.attributes().lastName(), identity.attributes().firstName()),
                identity.attributes().email(),
                identity.status() == IdentityStatus.Active);
    }
}
