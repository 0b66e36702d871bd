package com.personnelevents.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four personnel event types; {@link #apiName()} is how the API spells them. */
public enum EventType {
    Onboard("Onboard"),
    Offboard("Offboard"),
    RoleTransition("Role Transition"),
    Absence("Absence");

    private final String apiName;

    EventType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
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
