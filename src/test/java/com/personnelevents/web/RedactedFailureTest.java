package com.personnelevents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RedactedFailureTest {

    @Test
    void keeps_the_messages_above_the_first_database_exception_and_withholds_those_from_it_down() {
        SQLException refused = new SQLException("Data conversion error converting \"jane@bank.example\"");
        refused.initCause(new NumberFormatException("For input string: \"jane@bank.example\""));
        IllegalStateException failure = new IllegalStateException(
                "Saving the event failed", new DataIntegrityViolationException("SQL [...]; " + refused, refused));

        Throwable redacted = RedactedFailure.of(failure);

        assertThat(redacted.getMessage()).isEqualTo("java.lang.IllegalStateException: Saving the event failed");
        assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(redacted.getCause().getMessage())
                .isEqualTo(DataIntegrityViolationException.class.getName() + ": " + RedactedFailure.WITHHELD);
        assertThat(redacted.getCause().getCause().getMessage())
                .isEqualTo("java.sql.SQLException: " + RedactedFailure.WITHHELD);
        assertThat(redacted.getCause().getCause().getCause().getMessage())
                .isEqualTo("java.lang.NumberFormatException: " + RedactedFailure.WITHHELD);
        assertThat(redacted.getCause().getCause().getCause().getCause()).isNull();
    }

    @Test
    void stops_at_a_cause_seen_before() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        Throwable redacted = RedactedFailure.of(first);

        assertThat(redacted.getCause().getMessage()).isEqualTo("java.lang.IllegalArgumentException: second");
        assertThat(redacted.getCause().getCause()).isNull();
    }
}
