package com.personnelevents.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The documented identity types; the constant names are the API spelling. */
public enum IdentityType {
    Employee,
    ServiceAccount,
    Vendor,
    Shared,
    Mailbox,
    Client,
    Temporary,
    Administrator,
    Auditor,
    Unknown;

    public static final IdentityType DEFAULT = Employee;

    /** Exact match first, then case-insensitive, as integrations differ in capitalisation. */
    public static Optional<IdentityType> parse(String value) {
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(value.trim()))
                .findFirst();
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
