package com.personnelevents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow action in every state each event type can reach, the states reached by running the
 * real transitions. Timeline: created 2026-03-20, approval window 2026-03-25, effective 2026-04-01,
 * end 2026-05-01.
 */
class ProgressTest {

    static final LocalDate CREATED = LocalDate.of(2026, 3, 20);
    static final LocalDate WINDOW = LocalDate.of(2026, 3, 25);
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 4, 1);
    static final LocalDate END = LocalDate.of(2026, 5, 1);
    static final Actor BY = Actor.token(java.util.UUID.fromString("00000000-0000-0000-0000-00000000000a"), "Approver");

    /** The kinds of event with different stage lists. */
    enum Kind {
        ONBOARD(EventType.Onboard, null),
        OFFBOARD(EventType.Offboard, null),
        ROLE_TRANSITION(EventType.RoleTransition, null),
        ROLE_TRANSITION_WITH_OVERLAP(EventType.RoleTransition, END),
        LEAVE(EventType.Absence, END),
        LEAVE_WITHOUT_RETURN_DATE(EventType.Absence, null);

        final EventType type;
        final LocalDate end;

        Kind(EventType type, LocalDate end) {
            this.type = type;
            this.end = end;
        }

        boolean hasRemoval() {
            return end != null || type == EventType.Absence;
        }
    }

    static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    static Progress created(Kind kind) {
        return Progress.start(kind.type, StagePlan.initial(kind.type, EFFECTIVE, kind.end, 7, CREATED, at(CREATED)));
    }

    static Progress pending(Kind kind) {
        return created(kind).advance(WINDOW, at(WINDOW));
    }

    static Progress approved(Kind kind) {
        return pending(kind).approve(BY, at(WINDOW.plusDays(1)), WINDOW.plusDays(1));
    }

    static Progress provisioning(Kind kind) {
        return approved(kind).advance(EFFECTIVE, at(EFFECTIVE));
    }

    static Progress provisioned(Kind kind) {
        return provisioning(kind).complete(StageName.Provision, BY, at(EFFECTIVE.plusDays(1)), EFFECTIVE.plusDays(1));
    }

    static Progress removing(Kind kind) {
        Progress provisioned = provisioned(kind);
        return kind == Kind.LEAVE_WITHOUT_RETURN_DATE
                ? provisioned.recordReturn(END, END, at(END))
                : provisioned.advance(END, at(END));
    }

    static Progress verifying(Kind kind) {
        return kind.hasRemoval()
                ? removing(kind).complete(StageName.Removal, BY, at(END.plusDays(1)), END.plusDays(1))
                : provisioned(kind);
    }

    static Progress completed(Kind kind) {
        Progress verifying = verifying(kind);
        return verifying.isTerminal()
                ? verifying
                : verifying.complete(StageName.Verification, BY, at(END.plusDays(2)), END.plusDays(2));
    }

    static Progress snoozed(Kind kind) {
        return pending(kind).snooze(WINDOW.plusDays(5), WINDOW);
    }

    static Progress canceled(Kind kind) {
        return pending(kind).cancel(false, at(EFFECTIVE));
    }

    /** Canceled during Provision after some of its changes were made: they are being undone. */
    static Progress undoing(Kind kind) {
        return provisioning(kind).cancel(true, at(EFFECTIVE.plusDays(1)));
    }

    /** The reachable states of a kind, by name, each with the day it is observed on. */
    static Map<String, Observed> states(Kind kind) {
        Map<String, Observed> states = new LinkedHashMap<>();
        states.put("created", new Observed(created(kind), CREATED));
        states.put("pending", new Observed(pending(kind), WINDOW));
        states.put("approved", new Observed(approved(kind), WINDOW.plusDays(1)));
        states.put("provisioning", new Observed(provisioning(kind), EFFECTIVE));
        states.put("provisioned", new Observed(provisioned(kind), EFFECTIVE.plusDays(1)));
        if (kind.hasRemoval()) {
            states.put("removing", new Observed(removing(kind), END));
        }
        states.put("verifying", new Observed(verifying(kind), END.plusDays(1)));
        states.put("completed", new Observed(completed(kind), END.plusDays(2)));
        states.put("snoozed", new Observed(snoozed(kind), WINDOW));
        states.put("canceled", new Observed(canceled(kind), WINDOW));
        states.put("undoing", new Observed(undoing(kind), EFFECTIVE.plusDays(1)));
        return states;
    }

    record Observed(Progress progress, LocalDate today) {}

    enum Act {
        APPROVE(o -> o.progress.approve(BY, at(o.today), o.today)),
        REJECT(o -> o.progress.reject(at(o.today))),
        COMPLETE_PROVISION(o -> o.progress.complete(StageName.Provision, BY, at(o.today), o.today)),
        COMPLETE_REMOVAL(o -> o.progress.complete(StageName.Removal, BY, at(o.today), o.today)),
        COMPLETE_VERIFICATION(o -> o.progress.complete(StageName.Verification, BY, at(o.today), o.today)),
        CANCEL(o -> o.progress.cancel(false, at(EFFECTIVE))),
        SNOOZE(o -> o.progress.snooze(o.today.plusDays(3), o.today)),
        RESCHEDULE(o -> o.progress.reschedule(
                EventDefinition.of(o.progress.type()).plan(EFFECTIVE.plusDays(5), null, 7, o.today, at(o.today)),
                o.today,
                at(o.today))),
        RECORD_RETURN(o -> o.progress.recordReturn(o.today.plusDays(40), o.today, at(o.today)));

        final Function<Observed, Progress> run;

        Act(Function<Observed, Progress> run) {
            this.run = run;
        }
    }

    /** What each state allows; everything else must be refused. */
    static Set<Act> allowed(Kind kind, String state) {
        boolean leave = kind.type == EventType.Absence;
        Set<Act> allowed = EnumSet.noneOf(Act.class);
        switch (state) {
            case "created" -> allowed.addAll(EnumSet.of(Act.REJECT, Act.CANCEL, Act.SNOOZE, Act.RESCHEDULE));
            case "pending" ->
                allowed.addAll(EnumSet.of(Act.APPROVE, Act.REJECT, Act.CANCEL, Act.SNOOZE, Act.RESCHEDULE));
            case "approved" -> allowed.addAll(EnumSet.of(Act.CANCEL, Act.SNOOZE, Act.RESCHEDULE));
            case "provisioning" -> allowed.addAll(EnumSet.of(Act.COMPLETE_PROVISION, Act.CANCEL, Act.SNOOZE));
            case "provisioned" -> {
                if (kind == Kind.LEAVE_WITHOUT_RETURN_DATE) {
                    break; // waits for the return; only recording it moves the leave on
                }
                if (kind.hasRemoval()) {
                    allowed.add(Act.SNOOZE); // waiting for the end date
                } else {
                    allowed.addAll(EnumSet.of(Act.COMPLETE_VERIFICATION, Act.SNOOZE));
                }
            }
            case "removing" -> allowed.addAll(EnumSet.of(Act.COMPLETE_REMOVAL, Act.SNOOZE));
            case "verifying" -> {
                if (!leave) {
                    allowed.addAll(EnumSet.of(Act.COMPLETE_VERIFICATION, Act.SNOOZE));
                }
            }
            case "snoozed" -> allowed.addAll(EnumSet.of(Act.CANCEL, Act.RESCHEDULE));
            case "undoing" -> allowed.add(Act.COMPLETE_REMOVAL); // and then it is Canceled
            default -> {}
        }
        if (leave
                && Set.of("created", "pending", "approved", "provisioning", "provisioned", "snoozed")
                        .contains(state)) {
            allowed.add(Act.RECORD_RETURN);
        }
        return allowed;
    }

    static Stream<Arguments> everyActionInEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, Observed> state : states(kind).entrySet()) {
                for (Act act : Act.values()) {
                    cases.add(Arguments.of(
                            kind,
                            state.getKey(),
                            act,
                            allowed(kind, state.getKey()).contains(act)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2} allowed={3}")
    @MethodSource("everyActionInEveryState")
    void allows_exactly_the_actions_of_the_table(Kind kind, String state, Act act, boolean allowed) {
        Observed observed = states(kind).get(state);
        if (allowed) {
            assertThat(act.run.apply(observed))
                    .as("an allowed action moves the event")
                    .isNotEqualTo(observed.progress());
        } else {
            assertThatThrownBy(() -> act.run.apply(observed)).isInstanceOf(WorkflowException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void statuses_follow_the_stages(Kind kind) {
        assertThat(created(kind).status()).isEqualTo(EventStatus.Scheduled);
        assertThat(pending(kind).status()).isEqualTo(EventStatus.Pending);
        assertThat(approved(kind).status()).isEqualTo(EventStatus.Scheduled);
        assertThat(provisioning(kind).status()).isEqualTo(EventStatus.Open);
        EventStatus afterProvision = kind == Kind.LEAVE_WITHOUT_RETURN_DATE
                ? EventStatus.Snoozed
                : kind.hasRemoval() ? EventStatus.Scheduled : EventStatus.Resolved;
        assertThat(provisioned(kind).status()).isEqualTo(afterProvision);
        if (kind.hasRemoval()) {
            assertThat(removing(kind).status()).isEqualTo(EventStatus.Open);
        }
        assertThat(completed(kind).status()).isEqualTo(EventStatus.Completed);
        Progress completed = completed(kind);
        assertThat(completed.completedOn())
                .as("the event completes when its last stage does")
                .isEqualTo(completed.stages().get(completed.stages().size() - 1).completedOn());
        assertThat(canceled(kind).status()).isEqualTo(EventStatus.Canceled);
        assertThat(snoozed(kind).status()).isEqualTo(EventStatus.Snoozed);
    }

    static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }

    @Test
    void a_leave_completes_when_access_is_restored() {
        Progress restored = removing(Kind.LEAVE).complete(StageName.Removal, BY, at(END), END);

        assertThat(restored.status()).isEqualTo(EventStatus.Completed);
        assertThat(restored.completedOn()).isEqualTo(at(END));
    }

    @Test
    void approving_after_the_effective_date_starts_provision_at_once() {
        Progress late = created(Kind.ONBOARD).advance(EFFECTIVE.plusDays(3), at(EFFECTIVE.plusDays(3)));

        Progress approved = late.approve(BY, at(EFFECTIVE.plusDays(3)), EFFECTIVE.plusDays(3));

        assertThat(approved.status()).isEqualTo(EventStatus.Open);
        assertThat(approved.stage(StageName.Provision).status()).isEqualTo(EventStatus.Open);
    }

    @Test
    void provision_waits_for_the_effective_date_after_an_early_approval() {
        Progress approved = approved(Kind.ONBOARD);

        assertThat(approved.stage(StageName.Provision).status()).isEqualTo(EventStatus.Scheduled);
        assertThat(approved.nextDue()).isEqualTo(EFFECTIVE);
        assertThat(approved.advance(EFFECTIVE.minusDays(1), at(EFFECTIVE.minusDays(1))))
                .isEqualTo(approved);
    }

    @Test
    void advancing_twice_changes_nothing_the_second_time() {
        Progress once = created(Kind.OFFBOARD).advance(WINDOW, at(WINDOW));

        assertThat(once.advance(WINDOW, at(WINDOW.plusDays(0)).plusSeconds(60))).isEqualTo(once);
    }

    @Test
    void catching_up_after_downtime_opens_approval_but_waits_for_the_approver() {
        Progress caughtUp = created(Kind.ONBOARD).advance(END, at(END));

        assertThat(caughtUp.status()).isEqualTo(EventStatus.Pending);
        assertThat(caughtUp.nextDue()).isNull();
    }

    @Test
    void a_snoozed_event_wakes_on_its_day_and_keeps_when_its_step_first_started() {
        Progress snoozed = snoozed(Kind.ONBOARD);
        Instant approvalStarted = snoozed.stage(StageName.Approval).startedOn();

        Progress stillAsleep = snoozed.advance(WINDOW.plusDays(4), at(WINDOW.plusDays(4)));
        Progress awake = snoozed.advance(WINDOW.plusDays(5), at(WINDOW.plusDays(5)));

        assertThat(snoozed.nextDue()).isEqualTo(WINDOW.plusDays(5));
        assertThat(stillAsleep).isEqualTo(snoozed);
        assertThat(awake.status()).isEqualTo(EventStatus.Pending);
        assertThat(awake.snoozedUntil()).isNull();
        assertThat(awake.stage(StageName.Approval).startedOn()).isEqualTo(approvalStarted);
    }

    @Test
    void snoozing_needs_a_day_after_today() {
        assertThatThrownBy(() -> pending(Kind.ONBOARD).snooze(WINDOW, WINDOW))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("day after today");
    }

    @Test
    void an_early_return_restores_access_at_once() {
        Progress back =
                provisioned(Kind.LEAVE).recordReturn(END.minusDays(10), END.minusDays(10), at(END.minusDays(10)));

        assertThat(back.status()).isEqualTo(EventStatus.Open);
        assertThat(back.stage(StageName.Removal).status()).isEqualTo(EventStatus.Open);
        assertThat(back.stage(StageName.Removal).scheduledStart()).isEqualTo(END.minusDays(10));
    }

    @Test
    void a_known_return_date_wakes_a_leave_without_one_on_that_day() {
        Progress known = provisioned(Kind.LEAVE_WITHOUT_RETURN_DATE)
                .recordReturn(END, EFFECTIVE.plusDays(5), at(EFFECTIVE.plusDays(5)));

        assertThat(known.status()).isEqualTo(EventStatus.Scheduled);
        assertThat(known.nextDue()).isEqualTo(END);
    }

    @Test
    void canceling_after_access_changes_were_made_is_refused_with_the_reason() {
        assertThatThrownBy(() -> provisioned(Kind.LEAVE).cancel(false, at(EFFECTIVE)))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("record the return");
        assertThatThrownBy(() -> provisioned(Kind.OFFBOARD).cancel(false, at(EFFECTIVE)))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("already made");
    }

    @Test
    void canceling_cancels_every_stage_not_done() {
        Progress canceled = approved(Kind.ONBOARD).cancel(false, at(EFFECTIVE));

        assertThat(canceled.stage(StageName.Approval).status()).isEqualTo(EventStatus.Completed);
        assertThat(canceled.stage(StageName.Provision).status()).isEqualTo(EventStatus.Canceled);
        assertThat(canceled.stage(StageName.Verification).status()).isEqualTo(EventStatus.Canceled);
        assertThat(canceled.nextDue()).isNull();
    }

    @Test
    void canceling_with_changes_to_undo_opens_a_removal_stage_before_verification_and_ends_canceled() {
        Progress undoing = undoing(Kind.ONBOARD);

        assertThat(undoing.status()).isEqualTo(EventStatus.Open);
        assertThat(undoing.stages().stream().map(s -> s.name() + " " + s.status()))
                .containsExactly("Approval Completed", "Provision Canceled", "Removal Open", "Verification Canceled");
        assertThat(undoing.isUndoing()).isTrue();
        Progress done = undoing.complete(StageName.Removal, BY, at(EFFECTIVE.plusDays(2)), EFFECTIVE.plusDays(2));
        assertThat(done.status()).isEqualTo(EventStatus.Canceled);
        assertThat(done.completedOn()).isNull();
        assertThat(done.isUndoing()).isFalse();
    }

    @Test
    void canceling_a_leave_with_changes_to_undo_reuses_its_removal_stage() {
        Progress undoing = undoing(Kind.LEAVE);

        assertThat(undoing.stages().stream().map(s -> s.name() + " " + s.status()))
                .containsExactly("Approval Completed", "Provision Canceled", "Removal Open");
    }

    @Test
    void rescheduling_moves_the_stages_not_done_and_adds_an_overlap() {
        Progress moved = approved(Kind.ROLE_TRANSITION)
                .reschedule(
                        EventDefinition.of(EventType.RoleTransition)
                                .plan(EFFECTIVE.plusDays(3), END, 7, WINDOW.plusDays(1), at(WINDOW.plusDays(1))),
                        WINDOW.plusDays(1),
                        at(WINDOW.plusDays(1)));

        assertThat(moved.stages().stream().map(s -> s.name() + " " + s.status() + " " + s.scheduledStart()))
                .containsExactly(
                        "Approval Completed 2026-03-25",
                        "Provision Scheduled 2026-04-04",
                        "Removal Scheduled 2026-05-01",
                        "Verification Scheduled null");
    }
}
