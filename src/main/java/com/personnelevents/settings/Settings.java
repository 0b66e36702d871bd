package com.personnelevents.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The organisation's settings that the event rules depend on. */
public record Settings(ZoneId timeZone, int leadTimeDays, List<CustomField> customFields) {

    public static final int MIN_LEAD_TIME_DAYS = 1;
    public static final int MAX_LEAD_TIME_DAYS = 99;

    public Settings {
        customFields = List.copyOf(customFields);
    }

    /** "Today" is the organisation's calendar day, not the server's. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    public boolean isCustomFieldEnabled(int slot) {
        return customFields.stream().anyMatch(f -> f.slot() == slot && f.enabled());
    }
}
