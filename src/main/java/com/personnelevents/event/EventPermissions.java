package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.auth.TokenService;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.settings.Settings;
import com.personnelevents.workflow.Action;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Duty;
import com.personnelevents.workflow.EventStatus;
import com.personnelevents.workflow.EventType;
import com.personnelevents.workflow.Response;
import com.personnelevents.workflow.ResponseRules;
import com.personnelevents.workflow.Role;
import com.personnelevents.workflow.Stage;
import com.personnelevents.workflow.StageName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Who may see an event and what each caller may do to it: the visibility of people who do not see
 * everything, the approval and verification rules (which roles a caller may answer for), and the
 * separations of duties. One place for every way in (a person signed in, a person's token, an integration
 * token); a refusal names its reason.
 */
@Component
class EventPermissions {

    private final IdentityService identities;
    private final AccessRequestService accessRequests;
    private final TokenService tokens;

    EventPermissions(IdentityService identities, AccessRequestService accessRequests, TokenService tokens) {
        this.identities = identities;
        this.accessRequests = accessRequests;
        this.tokens = tokens;
    }

    /** Not found, as for an event that does not exist, unless the caller may see it. */
    void checkVisible(PersonnelEvent event, Caller caller) {
        checkVisible(event, caller, () -> identities.find(event.identityId()));
    }

    /** The same, with the event's stored identity as already read (empty: not stored). */
    void checkVisible(PersonnelEvent event, Caller caller, Supplier<Optional<IdentityResponse>> stored) {
        UUID me = caller.narrowedTo();
        if (me != null && !sees(me, event, stored)) {
            throw new NotFoundException(PersonnelEventService.notFound(event.id()));
        }
    }

    /**
     * What a person who does not see everything sees: the events they reported or are assigned, and those
     * of their direct reports (by the identity's supervisor, or the one an onboarding or a role transition
     * names). The same rule as {@link EventFilter#VISIBLE}.
     */
    private boolean sees(UUID me, PersonnelEvent event, Supplier<Optional<IdentityResponse>> stored) {
        return me.equals(event.reporter().id())
                || (event.assignee() != null && me.equals(event.assignee().id()))
                || isSupervisor(me, event, stored);
    }

    /**
     * The access preview shows what the person holds: as for their held access, only those who see every
     * event and the person's supervisor see it, not whoever else may see the event.
     */
    void checkMaySeeAccess(Caller caller, PersonnelEvent event) {
        UUID me = caller.narrowedTo();
        if (me != null && !isSupervisor(me, event)) {
            throw new ForbiddenException("The access preview shows the person's access: only their supervisor and"
                    + " those who see every event see it");
        }
    }

    /** Whether the person supervises the event's person, now or as the event says they will. */
    boolean isSupervisor(UUID person, PersonnelEvent event) {
        return isSupervisor(person, event, () -> identities.find(event.identityId()));
    }

    private static boolean isSupervisor(
            UUID person, PersonnelEvent event, Supplier<Optional<IdentityResponse>> stored) {
        if (event.identityData() != null && person.equals(event.identityData().supervisorId())) {
            return true;
        }
        return stored.get()
                .map(IdentityResponse::supervisorId)
                .filter(person::equals)
                .isPresent();
    }

    /**
     * The roles of the step's rule that the caller may answer for on this event, whether awaited or not. A
     * token by default answers with the step's scope; once the rule names roles, only for the roles its
     * administrator lets it stand in for. A person answers for the rule's roles they hold, Supervisor
     * included when they supervise the event's person.
     */
    Set<Role> answersFor(Caller caller, PersonnelEvent event, StageName step, ResponseRules rules) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<Role> required = rules.required(event.type(), step);
        if (!caller.isPerson()) {
            Scope scope = step == StageName.Approval ? Scope.EVENTS_APPROVE : Scope.EVENTS_VERIFY;
            if (caller.has(scope)) {
                if (rules.isDefault(event.type(), step)) {
                    roles.addAll(required);
                } else {
                    required.stream().filter(caller::holds).forEach(roles::add);
                }
            }
            return roles;
        }
        for (Role role : required) {
            boolean holds = role == Role.Supervisor ? isSupervisor(caller.identityId(), event) : caller.holds(role);
            if (holds) {
                roles.add(role);
            }
        }
        return roles;
    }

    /**
     * Whether the caller could answer for any role of the step's rule on an event of this type, before its
     * facts are read: a token always might (its scopes decide), a person when the rule names a role they hold
     * or Supervisor (whether they supervise the person is read from the event). When false, {@link
     * #answersFor} finds no role on any such event.
     */
    boolean mightAnswer(Caller caller, EventType type, StageName step, ResponseRules rules) {
        return !caller.isPerson()
                || rules.required(type, step).stream().anyMatch(role -> role == Role.Supervisor || caller.holds(role));
    }

    /**
     * The role the caller's response to the open step answers for: the one they ask for, or the first of the
     * rule's roles they hold that is still awaited; null when the responses given already satisfy the rule
     * (it changed since), so that this one only completes the step. Refused (403) when they hold none of the step's roles or
     * a duty forbids it; a conflict (409) when what they could answer for has been answered.
     */
    Role respondingAs(Caller caller, PersonnelEvent event, StageName step, Role asked, Settings settings) {
        return respondingAs(caller, event, step, asked, settings, () -> accessRequests.workedBy(event.id()));
    }

    /**
     * The same, with who carried out or refused the event's access requests given: read for many events at
     * once by whoever checks many.
     */
    Role respondingAs(
            Caller caller,
            PersonnelEvent event,
            StageName step,
            Role asked,
            Settings settings,
            java.util.function.Supplier<Set<UUID>> workedBy) {
        ResponseRules rules = settings.responseRules();
        List<Role> required = rules.required(event.type(), step);
        Set<Role> mine = answersFor(caller, event, step, rules);
        String verb = step == StageName.Approval ? "Approving" : "Verifying";
        if (mine.isEmpty()) {
            if (!caller.isPerson() && rules.isDefault(event.type(), step)) {
                throw new ForbiddenException(
                        step == StageName.Approval
                                ? "Approving an event needs the " + Scope.EVENTS_APPROVE.value() + " scope"
                                : "Completing the Verification stage needs the " + Scope.EVENTS_VERIFY.value()
                                        + " scope");
            }
            throw new ForbiddenException(verb + " " + event.type().noun() + " needs "
                    + (caller.isPerson()
                            ? "one of the roles its rule names: " + names(required)
                            : "a token that stands in for one of the roles its rule names: " + names(required)));
        }
        checkDuties(
                caller, event, step, step == StageName.Approval ? "approve it" : "verify it", settings, true, workedBy);
        Actor actor = caller.actor();
        List<Response> given = event.responses(step);
        List<Response> own =
                given.stream().filter(r -> sameActor(r.responder(), actor)).toList();
        if (!own.isEmpty() && settings.enforces(Duty.ONE_RESPONSE_PER_PERSON)) {
            throw new ConflictException("You already responded to the " + step + " step as "
                    + names(own.stream().map(Response::role).toList())
                    + "; one person's response counts for one role (reset your vote to change it)");
        }
        List<Role> awaited = event.awaited(step, required);
        if (awaited.isEmpty() && (asked == null || mine.contains(asked))) {
            // the rule changed since the responses were given and they satisfy it now: this one completes the
            // step without answering for a role again (null)
            return null;
        }
        List<Role> open = awaited.stream()
                .filter(mine::contains)
                .filter(r -> asked == null || r == asked)
                .toList();
        if (open.isEmpty()) {
            if (asked != null && !mine.contains(asked)) {
                throw new ForbiddenException("You do not hold the " + asked.apiName() + " role for this event");
            }
            throw new ConflictException("The " + step + " step has its response from "
                    + names(asked != null ? List.of(asked) : List.copyOf(mine)) + " already"
                    + (awaited.isEmpty() ? "" : "; it awaits " + names(awaited)));
        }
        return open.get(0);
    }

    /** Rejecting: any caller who may answer the approval, within the duties. */
    void checkMayReject(Caller caller, PersonnelEvent event, Settings settings) {
        if (answersFor(caller, event, StageName.Approval, settings.responseRules())
                .isEmpty()) {
            throw new ForbiddenException("Rejecting " + event.type().noun() + " needs one of the roles that approve"
                    + " it: " + names(settings.responseRules().required(event.type(), StageName.Approval)));
        }
        checkDuties(caller, event, StageName.Approval, "reject it", settings);
    }

    /**
     * Postponing or dropping a leaver is not one person's call: an offboarding is snoozed, canceled or moved
     * later only by someone who may approve it; other events by whoever may write them.
     */
    void checkLeaverControl(Caller caller, PersonnelEvent event, String what, Settings settings) {
        if (event.type() == EventType.Offboard) {
            String action = what + " an offboarding" + (what.equals("Moving") ? " to a later date" : "");
            if (!mayApprove(caller, event, settings)) {
                throw new ForbiddenException(
                        caller.isPerson()
                                ? action + " needs one of the roles that approve it: "
                                        + names(settings.responseRules().required(event.type(), StageName.Approval))
                                : action + " needs the " + Scope.EVENTS_APPROVE.value() + " scope");
            }
            // an integration withdrawing the leaver it sent is the HR record changing, not one person's say
            checkDuties(caller, event, StageName.Approval, "hold it back", settings, caller.isPerson());
        } else {
            checkScope(caller, Scope.EVENTS_WRITE, what + " an event");
        }
    }

    /**
     * Rescheduling at all: whoever may write events, and for an offboarding also whoever may approve it (a
     * person by the roles of its approval rule, not by the scope alone). Moving it later is checked apart.
     */
    void checkMayReschedule(Caller caller, PersonnelEvent event, Settings settings) {
        if (!(event.type() == EventType.Offboard && mayApprove(caller, event, settings))) {
            checkScope(
                    caller, Scope.EVENTS_WRITE, "Rescheduling " + event.type().noun());
        }
    }

    /**
     * Deciding a refused removal of the event: whoever may approve it, within the duties of a response; and
     * keeping the access not by whoever refused to remove it.
     */
    void checkMayDecide(Caller caller, PersonnelEvent event, Settings settings) {
        if (!mayApprove(caller, event, settings)) {
            throw new ForbiddenException("Deciding a refused removal or suspension needs "
                    + (caller.isPerson()
                            ? "one of the roles that approve the event: "
                                    + names(settings.responseRules().required(event.type(), StageName.Approval))
                            : "the " + Scope.EVENTS_APPROVE.value() + " scope"));
        }
        checkDuties(caller, event, StageName.Approval, "decide what happens to its access", settings);
    }

    /** Completing a Provision or Removal stage by hand: a provisioning token, or the Provision Team. */
    void checkMayProvision(Caller caller, StageName stage) {
        if (caller.isPerson() ? !caller.holds(Role.ProvisionTeam) : !caller.has(Scope.EVENTS_PROVISION)) {
            throw new ForbiddenException("Completing the " + stage + " stage needs "
                    + (caller.isPerson()
                            ? "the Provision Team role"
                            : "the " + Scope.EVENTS_PROVISION.value() + " scope"));
        }
    }

    /** What the caller may do to the event now: the buttons of the event's page (the server checks again). */
    record Allowed(
            boolean approve,
            boolean reject,
            boolean resetVote,
            boolean completeProvision,
            boolean completeRemoval,
            boolean verify,
            boolean cancel,
            boolean snooze,
            boolean reschedule,
            boolean recordReturn,
            boolean assignToMe,
            boolean comment) {

        public boolean any() {
            return approve
                    || reject
                    || resetVote
                    || completeProvision
                    || completeRemoval
                    || verify
                    || cancel
                    || snooze
                    || reschedule
                    || recordReturn
                    || assignToMe
                    || comment;
        }
    }

    /**
     * The actions the caller may take on the event as it stands: each one the server would accept now (the
     * same checks, run without acting), so that a page shows exactly those. {@code outstanding} is what holds
     * the current stage open (open requests, undecided exceptions).
     */
    Allowed allowed(
            Caller caller, PersonnelEvent event, Settings settings, AccessRequestService.Outstanding outstanding) {
        EventStatus status = event.status();
        Stage current = event.progress().current();
        StageName at = current == null ? null : current.name();
        Stage provision = event.progress().stage(StageName.Provision);
        boolean undoing = event.progress().isUndoing();
        boolean approve = passes(() -> {
            event.progress().checkResponding(StageName.Approval);
            respondingAs(caller, event, StageName.Approval, null, settings);
        });
        boolean verify = outstanding.undecided() == 0
                && passes(() -> {
                    event.progress().checkResponding(StageName.Verification);
                    respondingAs(caller, event, StageName.Verification, null, settings);
                });
        boolean reject = Action.REJECT.isAllowedIn(status)
                && at == StageName.Approval
                && passes(() -> checkMayReject(caller, event, settings));
        boolean resetVote = at != null
                && (at == StageName.Approval || at == StageName.Verification)
                && passes(() -> event.progress().checkResponding(at))
                && event.responses(at).stream().anyMatch(r -> sameActor(r.responder(), caller.actor()));
        boolean stageByHand = status == EventStatus.Open
                && outstanding.none()
                && passes(() -> checkMayProvision(caller, at == null ? StageName.Provision : at));
        boolean cancel = Action.CANCEL.isAllowedIn(status)
                && !undoing
                && provision != null
                && provision.status() != EventStatus.Completed
                && passes(() -> checkLeaverControl(caller, event, "Canceling", settings));
        boolean snooze = Action.SNOOZE.isAllowedIn(status)
                && !undoing
                && passes(() -> checkLeaverControl(caller, event, "Snoozing", settings));
        boolean reschedule = Action.RESCHEDULE.isAllowedIn(status)
                && provision != null
                && provision.startedOn() == null
                && !provision.status().isTerminal()
                && passes(() -> checkMayReschedule(caller, event, settings));
        boolean write = caller.has(Scope.EVENTS_WRITE);
        boolean recordReturn = event.type() == EventType.Absence
                && Action.RECORD_RETURN.isAllowedIn(status)
                && write
                && event.progress().stage(StageName.Removal) != null
                && event.progress().stage(StageName.Removal).status() != EventStatus.Open;
        boolean assignToMe = caller.isPerson()
                && write
                && Action.ASSIGN.isAllowedIn(status)
                && (event.assignee() == null
                        || !caller.identityId().equals(event.assignee().id()));
        boolean comment = write && Action.COMMENT.isAllowedIn(status);
        return new Allowed(
                approve,
                reject,
                resetVote,
                stageByHand && at == StageName.Provision,
                stageByHand && at == StageName.Removal,
                verify,
                cancel,
                snooze,
                reschedule,
                recordReturn,
                assignToMe,
                comment);
    }

    static boolean passes(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    void checkScope(Caller caller, Scope needed, String what) {
        if (!caller.has(needed)) {
            throw new ForbiddenException(what + " needs the " + needed.value() + " scope"
                    + (caller.isPerson() ? " (a role that gives it, such as Personnel Manager)" : ""));
        }
    }

    private boolean mayApprove(Caller caller, PersonnelEvent event, Settings settings) {
        if (!caller.isPerson()) {
            return caller.has(Scope.EVENTS_APPROVE);
        }
        return !answersFor(caller, event, StageName.Approval, settings.responseRules())
                .isEmpty();
    }

    /**
     * The separations of duties of a response: not by the event's reporter (a token: not by the token that
     * created it), not by its subject, and a verification not by whoever provisioned its access. A token a
     * person created counts as that person: it does not answer for what they may not.
     */
    private void checkDuties(Caller caller, PersonnelEvent event, StageName step, String doing, Settings settings) {
        checkDuties(caller, event, step, doing, settings, true);
    }

    private void checkDuties(
            Caller caller, PersonnelEvent event, StageName step, String doing, Settings settings, boolean asReporter) {
        checkDuties(caller, event, step, doing, settings, asReporter, () -> accessRequests.workedBy(event.id()));
    }

    private void checkDuties(
            Caller caller,
            PersonnelEvent event,
            StageName step,
            String doing,
            Settings settings,
            boolean asReporter,
            java.util.function.Supplier<Set<UUID>> workedBy) {
        Actor actor = caller.actor();
        UUID person = caller.personBehind();
        if (asReporter
                && settings.enforces(Duty.REPORTER_DOES_NOT_RESPOND)
                && (actor.is(event.reporter().id())
                        || (person != null
                                && person.equals(
                                        tokens.personBehind(event.reporter().id())
                                                .orElse(null))))) {
            throw new ForbiddenException(Duty.REPORTER_DOES_NOT_RESPOND.refusal(
                    (actor.is(event.reporter().id())
                                    ? caller.isPerson() ? "you reported" : "this token created"
                                    : "the person behind this token reported")
                            + " this event, so you cannot " + doing));
        }
        if (settings.enforces(Duty.SUBJECT_DOES_NOT_RESPOND)
                && event.identityId().equals(person)) {
            throw new ForbiddenException(Duty.SUBJECT_DOES_NOT_RESPOND.refusal(
                    caller.isPerson()
                            ? "this event is about you"
                            : "this event is about the person behind this token"));
        }
        if (step == StageName.Verification
                && settings.enforces(Duty.PROVISIONER_DOES_NOT_VERIFY)
                && provisioners(event, workedBy.get()).stream()
                        .anyMatch(id -> actor.is(id)
                                || (person != null
                                        && person.equals(tokens.personBehind(id).orElse(null))))) {
            throw new ForbiddenException(
                    Duty.PROVISIONER_DOES_NOT_VERIFY.refusal("you carried out access changes of this event"));
        }
    }

    /** Whoever completed the event's access stages or carried out or refused its access requests. */
    private static Set<UUID> provisioners(PersonnelEvent event, Set<UUID> workedBy) {
        Set<UUID> ids = new java.util.HashSet<>(workedBy);
        for (Stage stage : event.stages()) {
            if ((stage.name() == StageName.Provision || stage.name() == StageName.Removal)
                    && stage.completedById() != null) {
                ids.add(stage.completedById());
            }
        }
        return ids;
    }

    private static boolean sameActor(Actor a, Actor b) {
        return a.kind() == b.kind() && Objects.equals(a.id(), b.id());
    }

    static String names(List<Role> roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(r -> names.add(r.apiName()));
        return String.join(", ", names);
    }
}
