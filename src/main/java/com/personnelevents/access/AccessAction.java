package com.personnelevents.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an access request does to one permission of one person. */
public enum AccessAction {
    Add,
    Change,
    Remove,
    Suspend,
    Restore;

    static String validValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
