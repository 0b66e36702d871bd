package com.personnelevents.event;

import com.personnelevents.access.AccessRequestService;
import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.failure.ConflictException;
import com.personnelevents.failure.ForbiddenException;
import com.personnelevents.failure.NotFoundException;
import com.personnelevents.identity.IdentityResponse;
import com.personnelevents.identity.IdentityService;
import com.personnelevents.settings.Settings;
import com.personnelevents.workflow.Actor;
import com.personnelevents.workflow.Duty;
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
import java.util.Set;
import java.util.UUID;
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

    EventPermissions(IdentityService identities, AccessRequestService accessRequests) {
        this.identities = identities;
        this.accessRequests = accessRequests;
    }

    /** Not found, as for an event that does not exist, unless the caller may see it. */
    void checkVisible(PersonnelEvent event, Caller caller) {
        UUID me = caller.narrowedTo();
        if (me != null && !sees(me, event)) {
            throw new NotFoundException(PersonnelEventService.notFound(event.id()));
        }
    }

    /**
     * What a person who does not see everything sees: the events they reported or are assigned, and those
     * of their direct reports (by the identity's supervisor, or the one an onboarding or a role transition
     * names). The same rule as {@link EventFilter#VISIBLE}.
     */
    private boolean sees(UUID me, PersonnelEvent event) {
        return me.equals(event.reporter().id())
                || (event.assignee() != null && me.equals(event.assignee().id()))
                || isSupervisor(me, event);
    }

    /** Whether the person supervises the event's person, now or as the event says they will. */
    boolean isSupervisor(UUID person, PersonnelEvent event) {
        if (event.identityData() != null && person.equals(event.identityData().supervisorId())) {
            return true;
        }
        return identities
                .find(event.identityId())
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
     * The role the caller's response to the open step answers for: the one they ask for, or the first of the
     * rule's roles they hold that is still awaited. Refused (403) when they hold none of the step's roles or
     * a duty forbids it; a conflict (409) when what they could answer for has been answered.
     */
    Role respondingAs(Caller caller, PersonnelEvent event, StageName step, Role asked, Settings settings) {
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
        checkDuties(caller, event, step, step == StageName.Approval ? "approve" : "verify", settings);
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
        checkDuties(caller, event, StageName.Approval, "reject", settings);
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
        } else {
            checkScope(caller, Scope.EVENTS_WRITE, what + " an event");
        }
    }

    /** Deciding a refused removal of the event: whoever may approve it. */
    void checkMayDecide(Caller caller, PersonnelEvent event, Settings settings) {
        if (!mayApprove(caller, event, settings)) {
            throw new ForbiddenException("Deciding a refused removal or suspension needs "
                    + (caller.isPerson()
                            ? "one of the roles that approve the event: "
                                    + names(settings.responseRules().required(event.type(), StageName.Approval))
                            : "the " + Scope.EVENTS_APPROVE.value() + " scope"));
        }
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
     * created it), not by its subject, and a verification not by whoever provisioned its access.
     */
    private void checkDuties(Caller caller, PersonnelEvent event, StageName step, String doing, Settings settings) {
        Actor actor = caller.actor();
        if (settings.enforces(Duty.REPORTER_DOES_NOT_RESPOND)
                && actor.is(event.reporter().id())) {
            throw new ForbiddenException(
                    Duty.REPORTER_DOES_NOT_RESPOND.refusal((caller.isPerson() ? "you reported" : "this token created")
                            + " this event, so you cannot " + doing + " it"));
        }
        if (settings.enforces(Duty.SUBJECT_DOES_NOT_RESPOND)
                && caller.isPerson()
                && caller.identityId().equals(event.identityId())) {
            throw new ForbiddenException(Duty.SUBJECT_DOES_NOT_RESPOND.refusal("this event is about you"));
        }
        if (step == StageName.Verification
                && settings.enforces(Duty.PROVISIONER_DOES_NOT_VERIFY)
                && provisioners(event).contains(actor.id())) {
            throw new ForbiddenException(
                    Duty.PROVISIONER_DOES_NOT_VERIFY.refusal("you carried out access changes of this event"));
        }
    }

    /** Whoever completed the event's access stages or carried out or refused its access requests. */
    private Set<UUID> provisioners(PersonnelEvent event) {
        Set<UUID> ids = new java.util.HashSet<>(accessRequests.workedBy(event.id()));
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
