package com.personnelevents.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The JDBC conversions PostgreSQL and H2 both accept ({@code Instant} is not one of them). Instants and ids
 * are read through the plain getters, not {@code getObject(column, type)}: a list page reads some 600 of
 * them, and in the PostgreSQL driver that form walks a chain of type tests per value and builds an {@code
 * OffsetDateTime} (with its date and time) per instant; a third of a list's samples in the service's
 * profile were under these readers.
 */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A {@code TIMESTAMP WITH TIME ZONE} (every timestamp column is one): the driver's {@code Timestamp} holds
     * the instant itself, whatever the JVM's time zone.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A {@code UUID} column, which both drivers return as {@link UUID}; text is parsed. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }
}
