package com.personnelevents.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The states an audit entry records: one line per thing the step changed, its subject ({@code event},
 * {@code stage:Provision}, {@code request:12}) and its whole state after the step, {@code key=value}
 * pairs in a fixed order. The entry's hash covers them, and the verification compares the last recorded
 * state of each subject with what the database holds now.
 */
public final class AuditRecords {

    /** The subject of the event's own fields. */
    public static final String EVENT = "event";

    private AuditRecords() {}

    public static String stageSubject(String name) {
        return "stage:" + name;
    }

    public static String requestSubject(long number) {
        return "request:" + number;
    }

    /** The event's fields that its steps change. */
    public static String eventState(
            String status,
            LocalDate neededOn,
            LocalDate neededUntil,
            UUID assigneeId,
            String assigneeName,
            LocalDate snoozedUntil,
            Instant completedOn) {
        return state(
                "status", status,
                "neededOn", neededOn,
                "neededUntil", neededUntil,
                "assigneeId", assigneeId,
                "assigneeName", assigneeName,
                "snoozedUntil", snoozedUntil,
                "completedOn", completedOn);
    }

    /** A stage; who completed it by id only when that is known (stages completed before ids were kept). */
    public static String stageState(
            int position,
            String status,
            LocalDate scheduledStart,
            Instant startedOn,
            Instant completedOn,
            String completedBy,
            UUID completedById) {
        String state = state(
                "position", position,
                "status", status,
                "scheduledStart", scheduledStart,
                "startedOn", startedOn,
                "completedOn", completedOn,
                "completedBy", completedBy);
        return completedById == null ? state : state + "; completedById=" + completedById;
    }

    public static String responsesSubject(String step) {
        return "responses:" + step;
    }

    /** One response to a step: the role it answers for, who gave it (kind, id, name) and when. */
    public static String responseState(String role, String kind, UUID id, String name, Instant at) {
        return state("role", role, "kind", kind, "id", id, "name", name, "at", at);
    }

    /** An access request: what it changes for whom, where it stands, and what was decided about it. */
    public static String requestState(
            UUID id,
            String stage,
            UUID identityId,
            UUID permissionId,
            String action,
            String status,
            String reason,
            Instant completedOn,
            String completedBy,
            String exception,
            String exceptionBy,
            String exceptionReason,
            Instant exceptionOn,
            UUID retryOf,
            UUID undoes,
            UUID completedById,
            UUID assigneeId) {
        String state = state(
                "id", id,
                "stage", stage,
                "identityId", identityId,
                "permissionId", permissionId,
                "action", action,
                "status", status,
                "reason", reason,
                "completedOn", completedOn,
                "completedBy", completedBy,
                "exception", exception,
                "exceptionBy", exceptionBy,
                "exceptionReason", exceptionReason,
                "exceptionOn", exceptionOn,
                "retryOf", retryOf,
                "undoes", undoes);
        // fields added later are written only when set, so that older entries' states read as before
        return state
                + (completedById == null ? "" : "; completedById=" + completedById)
                + (assigneeId == null ? "" : "; assigneeId=" + assigneeId);
    }

    /** Pairs of key and value, in order. */
    private static String state(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return state(fields);
    }

    /** One subject's state: the pairs in the order given, values escaped so that lines stay lines. */
    public static String state(Map<String, ?> fields) {
        StringBuilder state = new StringBuilder();
        fields.forEach((key, value) -> {
            if (!state.isEmpty()) {
                state.append("; ");
            }
            state.append(key).append('=').append(value == null ? "" : escape(text(value)));
        });
        return state.toString();
    }

    /** The lines of several subjects' states, in the order given; null when there are none. */
    public static String lines(Map<String, String> states) {
        if (states.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        states.forEach((subject, state) ->
                lines.append(subject).append('\t').append(state).append('\n'));
        return lines.toString();
    }

    /** Adds the states recorded in {@code changes} to {@code into}, each replacing the subject's earlier one. */
    public static void replay(String changes, Map<String, String> into) {
        if (changes == null) {
            return;
        }
        for (String line : changes.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                into.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
    }

    /** A fresh map for states in the order subjects are added. */
    public static Map<String, String> states() {
        return new LinkedHashMap<>();
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(AuditChain.PRECISION));
        }
        return value.toString();
    }

    /** Nothing (null) is written as nothing; an empty text as {@code \0}, so that the two differ. */
    private static String escape(String value) {
        if (value.isEmpty()) {
            return "\\0";
        }
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace(";", "\\;");
    }
}
