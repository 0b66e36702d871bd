package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four personnel event types; {@link #apiName()} is how the API spells them. */
public enum EventType {
    Onboard("Onboard", "an onboarding"),
    Offboard("Offboard", "an offboarding"),
    RoleTransition("Role Transition", "a role transition"),
    Absence("Absence", "a leave of absence");

    private final String apiName;
    private final String noun;

    EventType(String apiName, String noun) {
        this.apiName = apiName;
        this.noun = noun;
    }

    public String apiName() {
        return apiName;
    }

    /** How messages name an event of the type: "an offboarding". */
    public String noun() {
        return noun;
    }

    /** List filter: case-insensitive, spaces stripped ({@code Role Transition} = {@code RoleTransition}). */
    public static Optional<EventType> parseFilter(String value) {
        String normalised = value.replace(" ", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(normalised))
                .findFirst();
    }

    public static String filterValues() {
        return "Onboard, Offboard, RoleTransition, Absence";
    }
}
