package com.personnelevents.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The only identity statuses there are; an identity is never deleted. */
public enum IdentityStatus {
    Active,
    Disabled,
    Removed;

    public static Optional<IdentityStatus> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(value.trim()))
                .findFirst();
    }

    public static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
