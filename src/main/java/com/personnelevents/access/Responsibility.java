package com.personnelevents.access;

import com.personnelevents.workflow.Role;

/** What a person is for an application: who carries out its requests, or who answers for it. */
enum Responsibility {
    ProvisionEngineer(Role.ProvisionEngineer),
    ApplicationManager(Role.ApplicationManager);

    private final Role role;

    Responsibility(Role role) {
        this.role = role;
    }

    Role role() {
        return role;
    }
}
