package com.personnelevents.event;

import com.personnelevents.auth.Caller;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.identity.IdentityRequest;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.identity.IdentityType;
import com.personnelevents.settings.CustomField;
import com.personnelevents.settings.SettingsService;
import com.personnelevents.validation.FieldViolation;
import com.personnelevents.validation.ValidationException;
import com.personnelevents.web.PageController;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.WorkflowException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of personnel events: My work, the Personnel Events taskboard, an event's page with the actions
 * its viewer may take, and the forms that create events by hand. Each calls the service the API calls, so
 * the rules, the visibility and the messages are the same; a refused action shows the event as it stands,
 * with why.
 */
@Controller
class EventPages implements PageController {

    private final EventBoard board;
    private final PersonnelEventService events;
    private final EventWorkflowService workflow;
    private final SettingsService settings;
    private final IdentityService identities;
    private final Clock clock;

    EventPages(
            EventBoard board,
            PersonnelEventService events,
            EventWorkflowService workflow,
            SettingsService settings,
            IdentityService identities,
            Clock clock) {
        this.board = board;
        this.events = events;
        this.workflow = workflow;
        this.settings = settings;
        this.identities = identities;
        this.clock = clock;
    }

    @GetMapping("/")
    String myWork(Caller caller, Model model) {
        model.addAttribute("work", board.myWork(caller));
        return "event/work";
    }

    /** The taskboard; with htmx only its results are swapped in (the same template's fragment). */
    @GetMapping("/personnel-events")
    String taskboard(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Caller caller,
            Model model,
            HttpServletRequest request) {
        model.addAttribute("types", EventType.values());
        model.addAttribute("statuses", EventStatus.values());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("type", blank(type));
        filters.put("status", blank(status));
        filters.put("from", blank(from));
        filters.put("to", blank(to));
        filters.put("q", blank(q));
        model.addAttribute("filters", filters);
        try {
            EventFilter filter = EventFilter.parse(null, type, status, q, from, to);
            // each row links to its event: the events' address (with the context path) and its number
            model.addAttribute(
                    "board", board.board(page, filter, caller, request.getContextPath() + "/personnel-events/"));
        } catch (ValidationException e) {
            model.addAttribute("errors", errors(e));
        }
        return htmx != null ? "event/board :: results" : "event/board";
    }

    @GetMapping("/personnel-events/{number}")
    String event(@PathVariable long number, Caller caller, Model model) {
        model.addAttribute("view", board.view(number, caller));
        return "event/event";
    }

    @PostMapping("/personnel-events/{number}/approve")
    String approve(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String role,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "Your approval is recorded",
                () -> workflow.approve(
                        idOf(number, caller), new ActionRequests.Note(comment, blank(role)), caller, version));
    }

    @PostMapping("/personnel-events/{number}/reject")
    String reject(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The event is rejected",
                () -> workflow.reject(idOf(number, caller), new ActionRequests.Reason(reason), caller, version));
    }

    @PostMapping("/personnel-events/{number}/reset-vote")
    String resetVote(
            @PathVariable long number,
            @RequestParam long version,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "Your response is taken back",
                () -> workflow.resetVote(idOf(number, caller), caller, version));
    }

    @PostMapping("/personnel-events/{number}/stages/{stage}/complete")
    String complete(
            @PathVariable long number,
            @PathVariable String stage,
            @RequestParam long version,
            @RequestParam(required = false) String comment,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                stage.equalsIgnoreCase("Verification") ? "Your verification is recorded" : stage + " completed",
                () -> workflow.complete(
                        idOf(number, caller), stage, new ActionRequests.Note(comment, null), caller, version));
    }

    @PostMapping("/personnel-events/{number}/cancel")
    String cancel(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The event is canceled",
                () -> workflow.cancel(idOf(number, caller), new ActionRequests.Reason(reason), caller, version));
    }

    @PostMapping("/personnel-events/{number}/snooze")
    String snooze(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The event is snoozed",
                () -> workflow.snooze(
                        idOf(number, caller), new ActionRequests.Snooze(until, blank(reason)), caller, version));
    }

    @PostMapping("/personnel-events/{number}/reschedule")
    String reschedule(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String effectiveDate,
            @RequestParam(required = false) String endDate,
            @RequestParam(required = false) String reason,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The event is rescheduled",
                () -> workflow.reschedule(
                        idOf(number, caller),
                        new ActionRequests.Reschedule(effectiveDate, blank(endDate), reason),
                        caller,
                        version));
    }

    @PostMapping("/personnel-events/{number}/return")
    String recordReturn(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String returnDate,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The return is recorded",
                () -> workflow.recordReturn(
                        idOf(number, caller), new ActionRequests.Return(blank(returnDate)), caller, version));
    }

    @PostMapping("/personnel-events/{number}/assign-to-me")
    String assignToMe(
            @PathVariable long number,
            @RequestParam long version,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "The event is assigned to you",
                () -> workflow.assign(
                        idOf(number, caller),
                        new ActionRequests.Assignee(
                                caller.identityId() == null
                                        ? null
                                        : caller.identityId().toString()),
                        caller,
                        version));
    }

    @PostMapping("/personnel-events/{number}/comments")
    String comment(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String content,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(
                number,
                caller,
                model,
                redirect,
                response,
                "Your comment is added",
                () -> workflow.comment(idOf(number, caller), new ActionRequests.NewComment(content), caller, version));
    }

    /** The form of a new event of one type, empty, with the organisation's date rules beside its dates. */
    @GetMapping("/personnel-events/new/{kind}")
    String newEvent(@PathVariable String kind, Caller caller, Model model) {
        Kind form = Kind.of(kind);
        return form(form, Map.of(), Map.of(), model);
    }

    @PostMapping("/personnel-events/new/{kind}")
    String create(
            @PathVariable String kind,
            @RequestParam Map<String, String> fields,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Kind form = Kind.of(kind);
        try {
            PersonnelEventResponse created =
                    events.create(form.request(fields), caller, null).event();
            redirect.addFlashAttribute("done", "Event #" + created.number() + " created");
            return "redirect:/personnel-events/" + created.number();
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(form, fields, errors(e), model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refused", e.getMessage());
            return form(form, fields, Map.of(), model);
        }
    }

    private String form(Kind kind, Map<String, String> values, Map<String, String> errors, Model model) {
        var current = settings.current();
        model.addAttribute("kind", kind);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("today", current.today(clock).toString());
        model.addAttribute("timeZone", current.timeZone().getId());
        model.addAttribute("leadTimeDays", current.leadTimeDays());
        model.addAttribute("identityTypes", IdentityType.values());
        model.addAttribute("pickedNames", pickedNames(values));
        model.addAttribute(
                "customFields",
                current.customFields().stream().filter(CustomField::enabled).toList());
        return "event/new";
    }

    /** The names of the people a form kept chosen, so that its pickers show them rather than their ids. */
    private Map<String, String> pickedNames(Map<String, String> values) {
        Map<String, String> names = new java.util.HashMap<>();
        for (String field : List.of("identityId", "identity.supervisorId")) {
            String value = values.get(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                identities
                        .find(UUID.fromString(value.trim()))
                        .ifPresent(i -> names.put(value, i.lastName() + ", " + i.firstName()));
            } catch (IllegalArgumentException notAnId) {
                // the form says the id is wrong; the picker shows what was sent
            }
        }
        return names;
    }

    /**
     * Runs one action of the event's page: on success back to the event (a new GET, so that a reload sends
     * nothing twice); refused, the event as it stands with why, and the status the API would give.
     */
    private String act(
            long number,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            String done,
            Supplier<PersonnelEventResponse> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/personnel-events/" + number;
        } catch (ValidationException e) {
            return refused(number, caller, model, response, HttpStatus.BAD_REQUEST, messages(e));
        } catch (ForbiddenException e) {
            return refused(number, caller, model, response, HttpStatus.FORBIDDEN, e.getMessage());
        } catch (ConflictException | WorkflowException e) {
            return refused(number, caller, model, response, HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private String refused(
            long number, Caller caller, Model model, HttpServletResponse response, HttpStatus status, String why) {
        response.setStatus(status.value());
        model.addAttribute("refused", why);
        return event(number, caller, model);
    }

    private java.util.UUID idOf(long number, Caller caller) {
        return board.idOf(number, caller);
    }

    private static Map<String, String> errors(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            errors.putIfAbsent(v.field(), v.message());
        }
        return errors;
    }

    private static String messages(ValidationException e) {
        return String.join(
                "; ", e.violations().stream().map(FieldViolation::message).toList());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The four forms: their path word, title, and the request record their fields make. */
    enum Kind {
        ONBOARD("onboard", "New onboarding", EventType.Onboard),
        OFFBOARD("offboard", "New offboarding", EventType.Offboard),
        ROLE_TRANSITION("role-transition", "New role transition", EventType.RoleTransition),
        LEAVE("leave-of-absence", "New leave of absence", EventType.Absence);

        private final String path;
        private final String title;
        private final EventType type;

        Kind(String path, String title, EventType type) {
            this.path = path;
            this.title = title;
            this.type = type;
        }

        static Kind of(String path) {
            return Arrays.stream(values())
                    .filter(k -> k.path.equals(path))
                    .findFirst()
                    .orElseThrow(() -> new com.personnelevents.failure.NotFoundException(
                            "There is no form for '" + path + "' events"));
        }

        public String path() {
            return path;
        }

        public String title() {
            return title;
        }

        public boolean carriesIdentity() {
            return this == ONBOARD || this == ROLE_TRANSITION;
        }

        public boolean hasEndDate() {
            return this == ROLE_TRANSITION || this == LEAVE;
        }

        public boolean aboutSomeone() {
            return this != ONBOARD;
        }

        public boolean onboard() {
            return this == ONBOARD;
        }

        EventRequest request(Map<String, String> f) {
            return switch (this) {
                case ONBOARD -> new OnboardRequest(identity(f), f.get("effectiveDate"), blank(f.get("comment")));
                case OFFBOARD ->
                    new OffboardRequest(blank(f.get("identityId")), f.get("effectiveDate"), blank(f.get("comment")));
                case ROLE_TRANSITION ->
                    new RoleTransitionRequest(
                            blank(f.get("identityId")),
                            f.get("effectiveDate"),
                            blank(f.get("endDate")),
                            identity(f),
                            blank(f.get("comment")));
                case LEAVE ->
                    new LeaveOfAbsenceRequest(
                            blank(f.get("identityId")),
                            f.get("effectiveDate"),
                            blank(f.get("endDate")),
                            blank(f.get("comment")));
            };
        }

        /** The identity fields of the form ("identity.title", …); those left empty are absent. */
        private static IdentityRequest identity(Map<String, String> f) {
            List<String> custom = java.util.stream.IntStream.rangeClosed(1, 9)
                    .mapToObj(i -> blank(f.get("identity.customField" + i)))
                    .toList();
            return new IdentityRequest(
                    blank(f.get("identity.externalId")),
                    blank(f.get("identity.firstName")),
                    blank(f.get("identity.lastName")),
                    blank(f.get("identity.email")),
                    blank(f.get("identity.company")),
                    blank(f.get("identity.division")),
                    blank(f.get("identity.department")),
                    blank(f.get("identity.office")),
                    blank(f.get("identity.title")),
                    blank(f.get("identity.identityType")),
                    blank(f.get("identity.supervisorId")),
                    custom.get(0),
                    custom.get(1),
                    custom.get(2),
                    custom.get(3),
                    custom.get(4),
                    custom.get(5),
                    custom.get(6),
                    custom.get(7),
                    custom.get(8));
        }
    }
}
