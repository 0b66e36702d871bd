package com.personnelevents.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StagePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 4, 1);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schedules_approval_lead_time_before_and_provision_on_the_effective_date(EventType type) {
        StagePlan plan = StagePlan.initial(type, EFFECTIVE, LocalDate.of(2026, 5, 1), 7, TODAY, NOW);

        assertThat(plan.stages().get(0).name()).isEqualTo(StageName.Approval);
        assertThat(plan.stages().get(0).scheduledStart()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(plan.stages().get(1).name()).isEqualTo(StageName.Provision);
        assertThat(plan.stages().get(1).scheduledStart()).isEqualTo(EFFECTIVE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void is_scheduled_while_the_approval_window_lies_ahead(EventType type) {
        StagePlan plan = StagePlan.initial(type, EFFECTIVE, null, 7, TODAY, NOW);

        assertThat(plan.status()).isEqualTo(EventStatus.Scheduled);
        assertThat(plan.stages().get(0).status()).isEqualTo(EventStatus.Scheduled);
        assertThat(plan.stages().get(0).startedOn()).isNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void is_pending_with_approval_started_when_the_window_is_already_open(EventType type) {
        StagePlan plan = StagePlan.initial(type, TODAY.plusDays(3), null, 7, TODAY, NOW);

        assertThat(plan.status()).isEqualTo(EventStatus.Pending);
        assertThat(plan.stages().get(0).status()).isEqualTo(EventStatus.Pending);
        assertThat(plan.stages().get(0).startedOn()).isEqualTo(NOW);
        assertThat(plan.stages().get(1).status()).isEqualTo(EventStatus.Scheduled);
    }

    @Test
    void opens_approval_on_the_first_day_of_the_window() {
        StagePlan plan = StagePlan.initial(EventType.Onboard, TODAY.plusDays(7), null, 7, TODAY, NOW);

        assertThat(plan.status()).isEqualTo(EventStatus.Pending);
    }

    @Test
    void onboarding_and_offboarding_end_in_verification() {
        for (EventType type : List.of(EventType.Onboard, EventType.Offboard)) {
            assertThat(names(StagePlan.initial(type, EFFECTIVE, null, 7, TODAY, NOW)))
                    .containsExactly(StageName.Approval, StageName.Provision, StageName.Verification);
        }
    }

    @Test
    void role_transition_without_overlap_has_no_removal_stage() {
        assertThat(names(StagePlan.initial(EventType.RoleTransition, EFFECTIVE, null, 7, TODAY, NOW)))
                .containsExactly(StageName.Approval, StageName.Provision, StageName.Verification);
    }

    @Test
    void role_transition_with_overlap_removes_old_access_on_the_end_date() {
        LocalDate end = LocalDate.of(2026, 4, 15);
        StagePlan plan = StagePlan.initial(EventType.RoleTransition, EFFECTIVE, end, 7, TODAY, NOW);

        assertThat(names(plan))
                .containsExactly(StageName.Approval, StageName.Provision, StageName.Removal, StageName.Verification);
        assertThat(plan.stages().get(2).scheduledStart()).isEqualTo(end);
        assertThat(plan.stages().get(2).status()).isEqualTo(EventStatus.Scheduled);
    }

    @Test
    void leave_restores_access_in_removal_on_the_return_date() {
        LocalDate end = LocalDate.of(2026, 8, 1);
        StagePlan plan = StagePlan.initial(EventType.Absence, EFFECTIVE, end, 7, TODAY, NOW);

        assertThat(names(plan)).containsExactly(StageName.Approval, StageName.Provision, StageName.Removal);
        assertThat(plan.stages().get(2).scheduledStart()).isEqualTo(end);
        assertThat(plan.stages().get(2).status()).isEqualTo(EventStatus.Scheduled);
    }

    @Test
    void leave_without_return_date_snoozes_its_removal() {
        StagePlan plan = StagePlan.initial(EventType.Absence, EFFECTIVE, null, 7, TODAY, NOW);

        assertThat(plan.stages().get(2).status()).isEqualTo(EventStatus.Snoozed);
        assertThat(plan.stages().get(2).scheduledStart()).isNull();
    }

    @Test
    void lead_time_moves_the_approval_window() {
        StagePlan plan = StagePlan.initial(EventType.Onboard, EFFECTIVE, null, 30, TODAY, NOW);

        assertThat(plan.stages().get(0).scheduledStart()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(plan.status()).isEqualTo(EventStatus.Pending);
    }

    private static List<StageName> names(StagePlan plan) {
        return plan.stages().stream().map(Stage::name).toList();
    }
}
