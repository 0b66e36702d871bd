package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The product's roles. The first five are held through groups (an identity provider's groups claim, or a
 * local account's groups) that an administrator maps to them; the last three follow from facts: a
 * person's supervisor ({@code supervisorId}), and the Provision Engineers and Application Managers an
 * application names. {@link #apiName()} is how the API and the pages spell them.
 */
public enum Role {
    Administrator("Administrator", Source.GROUP, true),
    SecurityTeam("Security Team", Source.GROUP, true),
    PersonnelManager("Personnel Manager", Source.GROUP, false),
    ProvisionTeam("Provision Team", Source.GROUP, true),
    ReportingOnly("Reporting Only", Source.GROUP, true),
    Supervisor("Supervisor", Source.RELATION, false),
    ProvisionEngineer("Provision Engineer", Source.RELATION, false),
    ApplicationManager("Application Manager", Source.RELATION, false);

    /** Where a person's hold on the role comes from. */
    public enum Source {
        GROUP,
        RELATION
    }

    private final String apiName;
    private final Source source;
    private final boolean seesEverything;

    Role(String apiName, Source source, boolean seesEverything) {
        this.apiName = apiName;
        this.source = source;
        this.seesEverything = seesEverything;
    }

    public String apiName() {
        return apiName;
    }

    public Source source() {
        return source;
    }

    /** Security Team, Provision Team, Administrators and Reporting Only see every event and request. */
    public boolean seesEverything() {
        return seesEverything;
    }

    /**
     * Whether approval and verification rules may name the role. Reporting Only acts on nothing; Provision
     * Engineers and Application Managers answer for one application, not for a whole event.
     */
    public boolean mayRespond() {
        return this != ReportingOnly && this != ProvisionEngineer && this != ApplicationManager;
    }

    /** By its API name or its constant, ignoring case and spaces ("security team", "SecurityTeam"). */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.replace(" ", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public static String validValues(boolean respondingOnly) {
        return Arrays.stream(values())
                .filter(r -> !respondingOnly || r.mayRespond())
                .map(Role::apiName)
                .collect(Collectors.joining(", "));
    }

    public static String groupRoles() {
        return Arrays.stream(values())
                .filter(r -> r.source == Source.GROUP)
                .map(Role::apiName)
                .collect(Collectors.joining(", "));
    }
}
