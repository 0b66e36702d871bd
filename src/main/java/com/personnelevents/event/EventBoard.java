package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.access.AccessRequestView;
import com.personnelevents.auth.Caller;
import com.personnelevents.db.QueryBatch;
import com.personnelevents.db.Where;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.settings.Formats;
import com.personnelevents.settings.Settings;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.web.PageResponse;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.ResponseRules;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the taskboards show of events: the Personnel Events taskboard (the list, with what each event waits
 * for), one event's page (with exactly the actions its viewer may take) and a person's work. Built on the
 * services the API uses, with the same visibility.
 */
@Service
class EventBoard {

    /** How many items each part of "My work" shows. */
    static final int WORK_ITEMS = 20;

    private final PersonnelEventService events;
    private final PersonnelEventRepository repository;
    private final EventStageRepository stages;
    private final EventPermissions permissions;
    private final AccessRequestService accessRequests;
    private final SettingsService settings;
    private final Clock clock;

    EventBoard(
            PersonnelEventService events,
            PersonnelEventRepository repository,
            EventStageRepository stages,
            EventPermissions permissions,
            AccessRequestService accessRequests,
            SettingsService settings,
            Clock clock) {
        this.events = events;
        this.repository = repository;
        this.stages = stages;
        this.permissions = permissions;
        this.accessRequests = accessRequests;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A taskboard row as the page shows it, one value per cell (the event, who it is about, what it waits
     * for, whether it is late), so that fifty rows evaluate one short expression per cell. Public, as is
     * {@link Board}: the pages' expression compiler turns property reads into bytecode only on public types,
     * and interpreted they cost a sixth of the page's CPU (5.6-6.0 against 4.8-4.9 ms per page, busy machine).
     */
    public record Row(
            long number,
            String type,
            String person,
            String status,
            String day,
            String assignee,
            String waitsFor,
            boolean overdue,
            String link) {

        /** The row's label, its number as people write it. */
        public String label() {
            return "#" + number;
        }

        /** The row's class: "overdue" when it is late, none otherwise. */
        public String rowClass() {
            return overdue ? "overdue" : null;
        }
    }

    public record Board(List<Row> rows, long total, int page, long totalPages) {}

    /**
     * One page of the events the caller may see, newest effective date first, as the API lists them (the
     * first page and its total in one statement, a deeper page in a repeatable-read transaction), then what
     * the rows wait for, in autocommit like the API's first page.
     */
    Board board(int page, EventFilter filter, Caller caller, String eventsPath) {
        PageResponse<PersonnelEventSummary> found = events.page(page, filter.visibleTo(caller.narrowedTo()));
        List<Row> rows = rows(found.items(), eventsPath);
        return new Board(rows, found.totalCount(), found.page(), found.totalPages());
    }

    private List<Row> rows(List<PersonnelEventSummary> list, String eventsPath) {
        // what a finished event waits for is nothing; for the others, their current stage says it, with the
        // responses it has (approval, verification) or its open requests (provision, removal)
        List<UUID> ids = list.stream()
                .filter(e -> !e.status().isTerminal())
                .map(PersonnelEventSummary::id)
                .toList();
        Map<UUID, Stage> currentOf = stages.currentStages(ids);
        Map<UUID, List<Response>> responsesOf =
                stages.responses(idsAt(currentOf, StageName.Approval, StageName.Verification));
        Map<UUID, Long> open = accessRequests.openCounts(idsAt(currentOf, StageName.Provision, StageName.Removal));
        Settings current = settings.current();
        LocalDate today = current.today(clock);
        return list.stream()
                .map(e -> new Row(
                        e.number(),
                        e.type(),
                        person(e.affectedIdentity()),
                        e.status().name(),
                        Formats.dayOf(e.neededOn()),
                        e.assignee() == null ? "—" : e.assignee().name(),
                        waitsFor(
                                EventType.parseFilter(e.type()).orElseThrow(),
                                e.status(),
                                currentOf.containsKey(e.id()) ? List.of(currentOf.get(e.id())) : List.of(),
                                responsesOf.getOrDefault(e.id(), List.of()),
                                open.getOrDefault(e.id(), 0L),
                                current.responseRules()),
                        isOverdue(e.status(), LocalDate.ofInstant(e.neededOn(), java.time.ZoneOffset.UTC), today),
                        eventsPath + e.number()))
                .toList();
    }

    private static List<UUID> idsAt(Map<UUID, Stage> currentOf, StageName... at) {
        List<StageName> names = List.of(at);
        return currentOf.entrySet().stream()
                .filter(e -> names.contains(e.getValue().name()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String person(IdentityResponse identity) {
        return identity == null ? "" : identity.lastName() + ", " + identity.firstName();
    }

    /** Late: past its effective date and still awaiting approval or access changes. */
    private static boolean isOverdue(EventStatus status, LocalDate neededOn, LocalDate today) {
        return status.isAwaiting() && neededOn.isBefore(today);
    }

    /** What the event waits for now, in words: a date, a role's response, access changes. */
    static String waitsFor(
            EventType type,
            EventStatus status,
            List<Stage> stageList,
            List<Response> responses,
            long openRequests,
            ResponseRules rules) {
        if (status.isTerminal()) {
            return "";
        }
        Stage current = stageList.stream()
                .filter(s -> !s.status().isTerminal())
                .findFirst()
                .orElse(null);
        if (current == null) {
            return "";
        }
        StageName stage = current.name();
        if (current.status() == EventStatus.Snoozed) {
            return stage == StageName.Removal && current.scheduledStart() == null ? "The return date" : "Snoozed";
        }
        if (current.status() == EventStatus.Scheduled) {
            return stage == StageName.Approval
                    ? "Approval window opens " + current.scheduledStart()
                    : stage + " on " + current.scheduledStart();
        }
        if (stage == StageName.Approval || stage == StageName.Verification) {
            List<Role> given = responses.stream()
                    .filter(r -> r.step() == stage)
                    .map(Response::role)
                    .toList();
            List<Role> awaited = rules.required(type, stage).stream()
                    .filter(r -> !given.contains(r))
                    .toList();
            return stage + " by " + EventPermissions.names(awaited);
        }
        return openRequests > 0
                ? stage + ": " + openRequests + (openRequests == 1 ? " open access request" : " open access requests")
                : stage + " to be completed";
    }

    /** One event's page: the event, the version the page shows, the caller's actions, the access preview. */
    record EventView(
            PersonnelEventResponse event,
            long version,
            EventPermissions.Allowed allowed,
            AccessPreviewResponse preview,
            String waitsFor,
            boolean overdue) {}

    /** The id of the event of that number, if the caller may see it (not found otherwise). */
    @Transactional(readOnly = true)
    UUID idOf(long number, Caller caller) {
        return visible(number, caller).id();
    }

    private PersonnelEvent visible(long number, Caller caller) {
        UUID id = repository
                .findIdByNumber(number)
                .orElseThrow(() -> new NotFoundException("Personnel event #" + number + " not found"));
        PersonnelEvent event = repository.findById(id).orElseThrow();
        try {
            permissions.checkVisible(event, caller);
        } catch (NotFoundException hidden) {
            throw new NotFoundException("Personnel event #" + number + " not found");
        }
        return event;
    }

    @Transactional(readOnly = true)
    EventView view(long number, Caller caller) {
        PersonnelEvent event = visible(number, caller);
        UUID id = event.id();
        Settings current = settings.current();
        Stage stage = event.progress().current();
        AccessRequestService.Outstanding outstanding = accessRequests.outstanding(
                id,
                stage == null || stage.name() == StageName.Verification
                        ? null
                        : stage.name().name());
        AccessPreviewResponse preview = null;
        Stage provision = event.progress().stage(StageName.Provision);
        if (!event.progress().isCalledOff()
                && !event.progress().isTerminal()
                && provision.startedOn() == null
                && !provision.status().isTerminal()
                && EventPermissions.passes(() -> permissions.checkMaySeeAccess(caller, event))) {
            preview = events.accessPreview(id, caller);
        }
        return new EventView(
                events.response(event),
                event.version(),
                permissions.allowed(caller, event, current, outstanding),
                preview,
                waitsFor(
                        event.type(),
                        event.status(),
                        event.stages(),
                        event.responses(),
                        accessRequests.openCounts(List.of(id)).getOrDefault(id, 0L),
                        current.responseRules()),
                isOverdue(event.status(), event.neededOn(), current.today(clock)));
    }

    /** An item of "My work": an event, and why it is the caller's. */
    record WorkItem(PersonnelEventSummary event, String person, String why) {}

    record RequestItem(AccessRequestView request, String why) {}

    record MyWork(
            List<WorkItem> approvals,
            List<WorkItem> verifications,
            List<RequestItem> requests,
            List<WorkItem> reported,
            List<WorkItem> overdue) {

        public boolean isEmpty() {
            return approvals.isEmpty()
                    && verifications.isEmpty()
                    && requests.isEmpty()
                    && reported.isEmpty()
                    && overdue.isEmpty();
        }
    }

    /**
     * What waits for the person now: approvals and verifications they may give (a role of the rule they hold,
     * still awaited, no duty in the way), the open requests they may carry out, the open events they reported,
     * and what is overdue among what they see. Soonest effective date first. The four queues are read in one
     * round trip, and the people of every section's rows in one more.
     */
    @Transactional(readOnly = true)
    MyWork myWork(Caller caller) {
        Settings current = settings.current();
        LocalDate today = current.today(clock);
        UUID me = caller.narrowedTo();
        QueryBatch queues = repository.batch();
        QueryBatch.Read<EventRow> toApprove = candidates(queues, EventStatus.Pending, me);
        QueryBatch.Read<EventRow> toVerify = candidates(queues, EventStatus.Resolved, me);
        // the status conditions of these two queues are the predicates of their PostgreSQL indexes, which
        // hold the open events only (V19): written otherwise, the planner would not know to use them
        QueryBatch.Read<EventRow> reportedRead = caller.identityId() == null
                ? null
                : repository.queue(
                        queues,
                        new Where()
                                .and("reporter_id = :reporter", "reporter", caller.identityId())
                                .and("status NOT IN " + EventStatus.TERMINAL_SQL),
                        WORK_ITEMS);
        QueryBatch.Read<EventRow> overdueRead = repository.queue(
                queues,
                new Where()
                        .and("status IN " + EventStatus.AWAITING_SQL)
                        .and("needed_on < :today", "today", today)
                        .and(EventFilter.VISIBLE, "me", me),
                WORK_ITEMS);
        queues.run();
        Map<UUID, String> approvals = responding(caller, toApprove.list(), StageName.Approval, current);
        Map<UUID, String> verifications = responding(caller, toVerify.list(), StageName.Verification, current);
        List<EventRow> approvable = rowsOf(toApprove.list(), approvals);
        List<EventRow> verifiable = rowsOf(toVerify.list(), verifications);
        List<EventRow> reported = reportedRead == null ? List.of() : reportedRead.list();
        List<EventRow> overdue = overdueRead.list();
        List<RequestItem> requests = accessRequests.workable(caller, WORK_ITEMS).stream()
                .map(r -> new RequestItem(
                        r,
                        caller.holds(Role.ProvisionTeam)
                                ? "Provision Team"
                                : "Provision Engineer of " + r.application().name()))
                .toList();
        Map<UUID, PersonnelEventSummary> shown = summaries(Stream.of(approvable, verifiable, reported, overdue)
                .flatMap(List::stream)
                .toList());
        return new MyWork(
                items(approvable, shown, row -> approvals.get(row.id())),
                items(verifiable, shown, row -> verifications.get(row.id())),
                requests,
                items(reported, shown, row -> "You reported it"),
                items(overdue, shown, row -> "Due " + row.neededOn() + ", " + row.status()));
    }

    /** The events at {@code status} the person sees, soonest first: those "My work" checks for a response. */
    private QueryBatch.Read<EventRow> candidates(QueryBatch batch, EventStatus status, UUID me) {
        return repository.queue(
                batch,
                new Where().and("status = :status", "status", status.name()).and(EventFilter.VISIBLE, "me", me),
                WORK_ITEMS * 5);
    }

    /** The rows of {@code candidates} that {@code theirs} names, in the candidates' order. */
    private static List<EventRow> rowsOf(List<EventRow> candidates, Map<UUID, String> theirs) {
        return candidates.stream().filter(row -> theirs.containsKey(row.id())).toList();
    }

    /**
     * Among the candidates, the events at the step whose response the caller may give now, each with the role
     * they would answer for. The candidates are checked twenty at a time, the stages, responses and identity
     * data of each twenty read in one go beside the rows the queue read (not their activity and comments, which
     * no check reads): one by one, read whole with the people shown read for each, the Security Team's "My
     * work" took 48 ms of the service's CPU and 64 ms of the database's at 15,000 events (the benchmark's
     * scenario).
     */
    private Map<UUID, String> responding(Caller caller, List<EventRow> queue, StageName step, Settings current) {
        List<EventRow> candidates = queue.stream()
                // no read for an event whose rule names no role the caller could hold
                .filter(row -> permissions.mightAnswer(caller, row.type(), step, current.responseRules()))
                .toList();
        Map<UUID, String> why = new java.util.HashMap<>();
        for (int from = 0; from < candidates.size() && why.size() < WORK_ITEMS; from += WORK_ITEMS) {
            List<EventRow> rows = candidates.subList(from, Math.min(from + WORK_ITEMS, candidates.size()));
            List<UUID> some = rows.stream().map(EventRow::id).toList();
            // who carried out the events' access changes, for the duty of a verification: one read for all
            Map<UUID, java.util.Set<UUID>> workedBy =
                    step == StageName.Verification ? accessRequests.workedBy(some) : Map.of();
            for (PersonnelEvent event : repository.forChecks(rows)) {
                if (why.size() == WORK_ITEMS) {
                    break;
                }
                try {
                    event.progress().checkResponding(step);
                    Role role = permissions.respondingAs(
                            caller,
                            event,
                            step,
                            null,
                            current,
                            () -> workedBy.getOrDefault(event.id(), java.util.Set.of()));
                    if (role == null) {
                        continue; // the responses in satisfy a changed rule: no role of theirs is awaited
                    }
                    why.put(
                            event.id(),
                            "Awaiting " + role.apiName()
                                    + (role == Role.Supervisor ? " (you supervise the person)" : " (you hold it)"));
                } catch (RuntimeException notTheirs) {
                    // not theirs to give (a duty, a role they lack, a response already in)
                }
            }
        }
        return why;
    }

    /** The rows as the lists show them, each event once, by id: one round trip for all of "My work". */
    private Map<UUID, PersonnelEventSummary> summaries(List<EventRow> rows) {
        Map<UUID, EventRow> distinct = new java.util.LinkedHashMap<>();
        rows.forEach(row -> distinct.putIfAbsent(row.id(), row));
        return events.summaries(List.copyOf(distinct.values())).stream()
                .collect(Collectors.toMap(PersonnelEventSummary::id, Function.identity()));
    }

    private List<WorkItem> items(
            List<EventRow> rows,
            Map<UUID, PersonnelEventSummary> shown,
            java.util.function.Function<EventRow, String> why) {
        return rows.stream()
                .map(row -> {
                    PersonnelEventSummary summary = shown.get(row.id());
                    return new WorkItem(summary, person(summary.affectedIdentity()), why.apply(row));
                })
                .toList();
    }
}
