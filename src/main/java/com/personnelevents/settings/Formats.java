package com.personnelevents.settings;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How the pages write moments: in the organisation's time zone, to the minute, with the zone named
 * ("2026-03-20 07:00 America/Chicago"). Templates call it as {@code ${@fmt.moment(x)}}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SettingsService settings;

    Formats(SettingsService settings) {
        this.settings = settings;
    }

    public String moment(Instant instant) {
        if (instant == null) {
            return "—";
        }
        var zone = settings.current().timeZone();
        return MINUTE.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** A calendar day shown as the API's midnight UTC instant: the day itself. */
    public String day(Instant midnight) {
        return dayOf(midnight);
    }

    public static String dayOf(Instant midnight) {
        return midnight == null ? "—" : midnight.toString().substring(0, 10);
    }
}
