package com.personnelevents.event;

import com.personnelevents.db.Where;
import com.personnelevents.validation.Violations;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** The list filters, parsed; each bad value is reported with the values that are valid. */
record EventFilter(
        UUID identityId,
        EventType type,
        EventStatus status,
        UUID visibleTo,
        Long number,
        String name,
        LocalDate from,
        LocalDate to) {

    /** The longest search text: a person's name is at most 256 characters. */
    static final int SEARCH_MAX = 256;

    static EventFilter parse(String identityId, String type, String status) {
        return parse(identityId, type, status, null, null, null);
    }

    /**
     * The filters of the list and the taskboard: besides the API's, {@code search} (an event number, or the
     * start of the person's first or last name) and an effective-date range ({@code from}, {@code to},
     * both included).
     */
    static EventFilter parse(String identityId, String type, String status, String search, String from, String to) {
        Violations violations = new Violations();
        UUID identity = blank(identityId) ? null : violations.guid("identityId", identityId, "Identity id");
        EventType eventType = null;
        if (!blank(type)) {
            eventType = EventType.parseFilter(type).orElse(null);
            if (eventType == null) {
                violations.add("type", "Type must be one of: " + EventType.filterValues());
            }
        }
        EventStatus eventStatus = null;
        if (!blank(status)) {
            eventStatus = EventStatus.parse(status).orElse(null);
            if (eventStatus == null) {
                violations.add("status", "Status must be one of: " + EventStatus.validValues());
            }
        }
        Long number = null;
        String name = null;
        if (!blank(search)) {
            String text = violations.text("search", search, SEARCH_MAX, "Search");
            if (text != null && text.replaceFirst("^#", "").matches("\\d{1,18}")) {
                number = Long.parseLong(text.replaceFirst("^#", ""));
            } else if (text != null) {
                name = text.toLowerCase(Locale.ROOT);
            }
        }
        LocalDate fromDay = EventDates.parse("from", from, "From", violations);
        LocalDate toDay = EventDates.parse("to", to, "To", violations);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            violations.add("to", "To must not be before from");
        }
        violations.throwIfAny();
        return new EventFilter(identity, eventType, eventStatus, null, number, name, fromDay, toDay);
    }

    /** Only what the person may see (null: everything). */
    EventFilter visibleTo(UUID person) {
        return new EventFilter(identityId, type, status, person, number, name, from, to);
    }

    /**
     * Whether the filter narrows beyond type and status (one identity, what one person may see, a search, a
     * date range): the kept counts cannot answer for it, the rows are counted.
     */
    boolean isNarrowed() {
        return identityId != null || visibleTo != null || number != null || name != null || from != null || to != null;
    }

    /**
     * The sort keys and ids of the events in a person's view ({@code :me}), each distinct once: what
     * {@link #VISIBLE} finds again in the order index so that other conditions can join it. Alone, it is
     * the view itself, from the covering indexes only.
     *
     * <p>The person comes in through a subquery, {@code (SELECT CAST(:me AS UUID))}, not as a plain
     * parameter: PostgreSQL cannot see its value through it when planning, so the plan it makes for one
     * person costs what its plan for anyone would, and the prepared statement keeps that plan. With the
     * person as a plain parameter it planned the statement again on every call (it costs a generic plan
     * above one made for a person of a hundred events, though both are the same index lookups): 0.94 ms of
     * a Personnel Manager's 1.7 ms list statement at a million events (pg_stat_statements).
     */
    static final String VIEW = """
            SELECT r.needed_on, r.number, r.id FROM personnel_event r WHERE r.reporter_id = (SELECT CAST(:me AS UUID))
            UNION SELECT a.needed_on, a.number, a.id FROM personnel_event a
                   WHERE a.assignee_id = (SELECT CAST(:me AS UUID))
            UNION SELECT o.needed_on, o.number, o.id FROM identity s
                   JOIN personnel_event o ON o.identity_id = s.id WHERE s.supervisor_id = (SELECT CAST(:me AS UUID))
            UNION SELECT n.needed_on, n.number, n.id FROM personnel_event_identity d
                   JOIN personnel_event n ON n.id = d.event_id WHERE d.supervisor_id = (SELECT CAST(:me AS UUID))""";

    /**
     * What a person who does not see everything sees: the events they reported or are assigned, and those
     * of their direct reports (by the identity's supervisor, or the supervisor an onboarding or a role
     * transition names). One set, each part from its own index: an OR of the four made PostgreSQL read every
     * event to find a person's hundred (0.9 s a page at a million events, against 1 ms). Each part yields
     * the events' sort keys with their ids, all held in its index (V18), and the list finds each triple in
     * the order index: no table row is read until the page's fifty (but for the hires and role transitions
     * that name the person as supervisor, whose dates come from their events), where a set of ids alone cost
     * a read of the table per visible event (30 ms a page at ten million events, over 24 GB).
     */
    static final String VISIBLE = "(needed_on, number, id) IN (%s)".formatted(VIEW);

    /** Only what one person may see, and nothing else: the view is the whole filter. */
    boolean isViewOnly() {
        return visibleTo != null
                && identityId == null
                && type == null
                && status == null
                && number == null
                && name == null
                && from == null
                && to == null;
    }

    /**
     * The filter's conditions on {@code personnel_event}; without a narrowing ({@link #isNarrowed}), only on
     * the columns it shares with its count tables.
     */
    Where where() {
        return new Where()
                .and("identity_id = :identityId", "identityId", identityId)
                .and("type = :type", "type", type == null ? null : type.name())
                .and("status = :status", "status", status == null ? null : status.name())
                .and(VISIBLE, "me", visibleTo)
                .and("number = :number", "number", number)
                .and(NAMED, "name", name == null ? null : escapeLike(name) + "%")
                .and("needed_on >= :from", "from", from)
                .and("needed_on <= :to", "to", to);
    }

    /** The person's first or last name starts with the search: a stored identity, or a hire's proposed one. */
    static final String NAMED = """
            (identity_id IN (SELECT n.id FROM identity n
                              WHERE LOWER(n.last_name) LIKE :name ESCAPE '\\' OR LOWER(n.first_name) LIKE :name ESCAPE '\\')
             OR id IN (SELECT h.event_id FROM personnel_event_identity h
                        WHERE LOWER(h.last_name) LIKE :name ESCAPE '\\' OR LOWER(h.first_name) LIKE :name ESCAPE '\\'))""";

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
