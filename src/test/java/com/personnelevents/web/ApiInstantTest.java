package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The API's instants, written by hand for speed, read exactly as the formatter writes them. */
class ApiInstantTest {

    @Test
    void every_instant_is_written_as_the_formatter_writes_it_to_the_second() {
        SplittableRandom random = new SplittableRandom(20261205);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant value = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));

            assertThat(JsonConfig.apiInstant(value))
                    .as("%s", value)
                    .isEqualTo(JsonConfig.API_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    @Test
    void the_edges_of_days_years_and_leap_days_are_written_as_the_formatter_writes_them() {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:34:56.5Z", "2026-12-31T23:59:59Z",
            "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z"
        }) {
            Instant value = Instant.parse(text);

            assertThat(JsonConfig.apiInstant(value))
                    .as(text)
                    .isEqualTo(JsonConfig.API_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
