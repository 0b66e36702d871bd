package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.validation.ValidationException;
import com.personnelevents.validation.Violations;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @ParameterizedTest
    @CsvSource({
        "2026-04-01, 2026-04-01",
        "2026-04-01T00:00:00Z, 2026-04-01",
        "2026-04-01T23:30:00-05:00, 2026-04-01",
        "2026-04-01T00:30:00+14:00, 2026-04-01",
        "2026-04-01T08:00:00, 2026-04-01",
        "2026-04-01T08:00:00.123Z, 2026-04-01"
    })
    void takes_the_calendar_day_as_written(String value, LocalDate expected) {
        Violations violations = new Violations();

        assertThat(EventDates.effective(value, TODAY, violations)).isEqualTo(expected);
        assertThat(violations.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "04/01/2026", "2026-4-1", "tomorrow", "2026-04-01T25:00:00Z", "20260401"})
    void rejects_what_is_not_a_date(String value) {
        Violations violations = new Violations();

        EventDates.effective(value, TODAY, violations);

        assertThat(messageOf(violations))
                .isEqualTo("Effective date must be a valid date in YYYY-MM-DD or ISO 8601 format");
    }

    @Test
    void requires_the_effective_date() {
        Violations violations = new Violations();

        EventDates.effective(" ", TODAY, violations);

        assertThat(messageOf(violations)).isEqualTo("Effective date is required");
    }

    @Test
    void accepts_today_and_rejects_yesterday() {
        Violations today = new Violations();
        EventDates.effective("2026-03-20", TODAY, today);
        Violations yesterday = new Violations();
        EventDates.effective("2026-03-19", TODAY, yesterday);

        assertThat(today.isEmpty()).isTrue();
        assertThat(messageOf(yesterday)).isEqualTo("Effective date must be today or later");
    }

    @Test
    void end_date_must_be_after_the_effective_date() {
        Violations same = new Violations();
        EventDates.end("2026-04-01", LocalDate.of(2026, 4, 1), same);
        Violations after = new Violations();
        EventDates.end("2026-04-02", LocalDate.of(2026, 4, 1), after);

        assertThat(messageOf(same)).isEqualTo("End date must be after effective date");
        assertThat(after.isEmpty()).isTrue();
    }

    private static String messageOf(Violations violations) {
        try {
            violations.throwIfAny();
            return null;
        } catch (ValidationException e) {
            return e.violations().get(0).message();
        }
    }
}
