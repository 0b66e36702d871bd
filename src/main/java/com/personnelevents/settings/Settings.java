package com.personnelevents.settings;

import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.ResponseRules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The organisation's settings that the event rules depend on: time zone, lead time, custom fields, the
 * roles that must approve and verify each type of event, and the separations of duties relaxed by name.
 */
public record Settings(
        ZoneId timeZone,
        int leadTimeDays,
        List<CustomField> customFields,
        ResponseRules responseRules,
        Set<Duty> relaxedDuties) {

    public static final int MIN_LEAD_TIME_DAYS = 1;
    public static final int MAX_LEAD_TIME_DAYS = 99;

    public Settings {
        customFields = List.copyOf(customFields);
        relaxedDuties = Set.copyOf(relaxedDuties);
    }

    /** "Today" is the organisation's calendar day, not the server's. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    public boolean isCustomFieldEnabled(int slot) {
        return customFields.stream().anyMatch(f -> f.slot() == slot && f.enabled());
    }

    /** Whether the separation of duties holds (an administrator has not relaxed it). */
    public boolean enforces(Duty duty) {
        return !relaxedDuties.contains(duty);
    }
}
