package com.personnelevents.db;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hashes that chain an event's audit trail: each entry's hash covers the hash of the entry before it
 * (or, for the first, the event's id) and every field of the entry, so that changing, removing or
 * inserting an entry breaks every hash after it. Activity and comments are two chains per event.
 */
public final class AuditChain {

    /** What the database keeps of a time: microseconds. Entries are stored at this precision. */
    public static final ChronoUnit PRECISION = ChronoUnit.MICROS;

    private AuditChain() {}

    /** Where an event's chain starts: the hash the first entry follows. */
    public static String start(UUID eventId, String chain) {
        return Sha256.hex(field("start") + field(chain) + field(eventId.toString()));
    }

    /** The hash of an entry that follows {@code previous}. */
    public static String next(
            String previous, UUID eventId, Instant createdDate, String author, String action, String content) {
        return next(previous, eventId, createdDate, author, action, content, null);
    }

    public static String next(
            String previous,
            UUID eventId,
            Instant createdDate,
            String author,
            String action,
            String content,
            String changes) {
        return next(previous, eventId, createdDate, author, null, action, content, changes);
    }

    /**
     * The hash of an entry that follows {@code previous} and records {@code changes} (the states of what
     * the step changed, {@link AuditRecords}) and the identity of the person who wrote it ({@code authorId});
     * an entry without them hashes as entries always have. With an author id, the changes field is always
     * present (empty when none), so that no entry's fields can be read as another's.
     */
    public static String next(
            String previous,
            UUID eventId,
            Instant createdDate,
            String author,
            UUID authorId,
            String action,
            String content,
            String changes) {
        return Sha256.hex(field(previous)
                + field(eventId.toString())
                + field(DateTimeFormatter.ISO_INSTANT.format(createdDate.truncatedTo(PRECISION)))
                + field(author)
                + field(action)
                + field(content)
                + trailing(changes, authorId));
    }

    /** The optional fields at an entry's end: changes, then the author's identity. */
    private static String trailing(String changes, UUID authorId) {
        if (authorId == null) {
            return changes == null ? "" : field(changes);
        }
        return field(changes) + field(authorId.toString());
    }

    /** Where the administrative trail starts. */
    public static String startAdmin() {
        return Sha256.hex(field("start") + field("admin_activity"));
    }

    /** The hash of an administrative entry that follows {@code previous}. */
    public static String nextAdmin(
            String previous,
            Instant createdDate,
            String author,
            UUID authorId,
            String action,
            String subject,
            String content) {
        return Sha256.hex(field(previous)
                + field(DateTimeFormatter.ISO_INSTANT.format(createdDate.truncatedTo(PRECISION)))
                + field(author)
                + field(action)
                + field(subject)
                + field(content)
                + (authorId == null ? "" : field(authorId.toString())));
    }

    /**
     * A walk through one chain's stored entries, ordered by event and then by entry: the hash each entry
     * should carry. Each event's chain starts afresh.
     */
    public static final class Walk {

        private final String chain;
        private UUID event;
        private String previous;

        public Walk(String chain) {
            this.chain = chain;
        }

        /** The hash this entry should carry, after the one last {@link #passed}. */
        public String expected(UUID eventId, Instant createdDate, String author, String action, String content) {
            return expected(eventId, createdDate, author, action, content, null);
        }

        public String expected(
                UUID eventId, Instant createdDate, String author, String action, String content, String changes) {
            return expected(eventId, createdDate, author, null, action, content, changes);
        }

        public String expected(
                UUID eventId,
                Instant createdDate,
                String author,
                UUID authorId,
                String action,
                String content,
                String changes) {
            if (!eventId.equals(event)) {
                event = eventId;
                previous = start(eventId, chain);
            }
            return next(previous, eventId, createdDate, author, authorId, action, content, changes);
        }

        /** The entry with this hash is passed: the event's next entry follows it. */
        public void passed(String hash) {
            previous = hash;
        }
    }

    /** Length-prefixed, so that no two different entries hash the same text. */
    private static String field(String value) {
        String text = value == null ? "" : value;
        return (value == null ? "-" : String.valueOf(text.length())) + ':' + text + '\n';
    }
}
