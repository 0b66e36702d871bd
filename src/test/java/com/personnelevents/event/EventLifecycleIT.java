package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every event type driven from creation to {@code Completed} (or {@code Canceled}) through the API,
 * with the test clock and the scheduler standing in for time: at each step the event's status, its
 * stages, the identity it affects and its activity log (WORKFLOW.md, issue 3).
 */
class EventLifecycleIT extends ApiIntegrationTest {

    private static final String EVENTS = "/api/personnel-events";
    private static final String HR = "HR Integration";
    private static final String APPROVER = "Approver Alice";
    private static final String PROVISIONER = "Provisioner Pat";
    private static final String VERIFIER = "Verifier Vic";
    private static final String SYSTEM = "System";

    private String hr;
    private String approver;
    private String provisioner;
    private String verifier;
    private String reader;

    @BeforeEach
    void tokensForEachDuty() {
        hr = token(HR, List.of("events:write", "events:read"));
        approver = token(APPROVER, List.of("events:approve"));
        provisioner = token(PROVISIONER, List.of("events:provision"));
        verifier = token(VERIFIER, List.of("events:verify"));
        reader = token("Auditor", List.of("events:read", "identities:read"));
    }

    // ---- Onboarding ----

    @Test
    void
            onboarding_goes_from_scheduled_to_completed_creating_the_identity_at_approval_and_activating_it_on_the_start_date() {
        LocalDate start = TODAY.plusDays(12);
        LocalDate window = start.minusDays(7);

        String email = uniqueEmail("schen");
        ApiResponse created = create("onboard", anOnboardRequest(12).with("identity.email", email));
        String id = created.text("id");
        String identityId = created.text("affectedIdentity.id");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(stages(created))
                .containsExactly("Approval Scheduled", "Provision Scheduled", "Verification Scheduled");
        assertThat(activity(created)).containsExactly(HR + " | Created | Onboard event created via API");
        assertThat(created.at("completedOn").isNull()).isTrue();
        assertIdentityNotFound(identityId);

        runSchedulerOn(window.minusDays(1));
        ApiResponse dayBeforeWindow = event(id);
        assertThat(dayBeforeWindow.text("status")).isEqualTo("Scheduled");
        assertThat(activity(dayBeforeWindow)).isEqualTo(activity(created));

        Instant windowOpens = runSchedulerAt(window);
        ApiResponse pending = event(id);
        assertThat(pending.text("status")).isEqualTo("Pending");
        assertThat(stages(pending))
                .containsExactly("Approval Pending", "Provision Scheduled", "Verification Scheduled");
        assertStage(pending, "Approval", "Pending", windowOpens, null, null);
        assertActivityGrew(
                created,
                pending,
                windowOpens,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Pending)",
                SYSTEM + " | Stage started | Approval started");
        assertIdentityNotFound(identityId);

        Instant approvedAt = clockAt(window, 10);
        ApiResponse approved =
                ok(post(path(id, "approve"), approver, JsonBody.json().with("comment", "Budget ok")));
        assertThat(approved.text("status")).isEqualTo("Scheduled");
        assertThat(stages(approved))
                .containsExactly("Approval Completed", "Provision Scheduled", "Verification Scheduled");
        assertStage(approved, "Approval", "Completed", windowOpens, approvedAt, APPROVER);
        assertActivityGrew(
                pending,
                approved,
                approvedAt,
                APPROVER + " | Approved | Approval completed (Pending → Scheduled)",
                SYSTEM + " | Identity changed | Identity " + identityId + " created, Disabled until the start date");
        assertThat(approved.text("comments.1.author")).isEqualTo(APPROVER);
        assertThat(approved.text("comments.1.content")).isEqualTo("Budget ok");
        ApiResponse hired = identity(identityId);
        assertThat(hired.text("status")).isEqualTo("Disabled");
        assertThat(hired.text("firstName")).isEqualTo("Sarah");
        assertThat(hired.text("lastName")).isEqualTo("Chen");
        assertThat(hired.text("emailAddress")).isEqualTo(email);
        assertThat(hired.text("company")).isEqualTo("First Bank of Valkyrie");
        assertThat(hired.text("division")).isEqualTo("Commercial Lending");
        assertThat(hired.text("department")).isEqualTo("Business Loans");
        assertThat(hired.text("office")).isEqualTo("Fargo Main");
        assertThat(hired.text("title")).isEqualTo("Senior Loan Officer");
        assertThat(hired.text("type")).isEqualTo("Employee");

        runSchedulerOn(start.minusDays(1));
        assertThat(event(id).text("status")).isEqualTo("Scheduled");
        assertThat(identity(identityId).text("status")).isEqualTo("Disabled");

        Instant startDay = runSchedulerAt(start);
        ApiResponse open = event(id);
        assertThat(open.text("status")).isEqualTo("Open");
        assertThat(stages(open)).containsExactly("Approval Completed", "Provision Open", "Verification Scheduled");
        assertStage(open, "Provision", "Open", startDay, null, null);
        assertActivityGrew(
                approved,
                open,
                startDay,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Provision started",
                SYSTEM + " | Identity changed | Identity " + identityId + ": status Disabled → Active");
        ApiResponse active = identity(identityId);
        assertThat(active.text("status")).isEqualTo("Active");
        assertThat(active.at("inactivatedDate").isNull()).isTrue();

        Instant provisionedAt = clockAt(start, 15);
        ApiResponse resolved = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        assertThat(resolved.text("status")).isEqualTo("Resolved");
        assertThat(stages(resolved)).containsExactly("Approval Completed", "Provision Completed", "Verification Open");
        assertStage(resolved, "Provision", "Completed", startDay, provisionedAt, PROVISIONER);
        assertStage(resolved, "Verification", "Open", provisionedAt, null, null);
        assertThat(resolved.at("completedOn").isNull()).isTrue();
        assertActivityGrew(
                open,
                resolved,
                provisionedAt,
                PROVISIONER + " | Stage completed | Provision completed (Open → Resolved)",
                SYSTEM + " | Stage started | Verification started");

        Instant verifiedAt = clockAt(start.plusDays(1), 11);
        ApiResponse completed = ok(post(path(id, "stages/Verification/complete"), verifier, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertThat(completed.text("completedOn")).isEqualTo(verifiedAt.toString());
        assertThat(stages(completed))
                .containsExactly("Approval Completed", "Provision Completed", "Verification Completed");
        assertStage(completed, "Verification", "Completed", provisionedAt, verifiedAt, VERIFIER);
        assertActivityGrew(
                resolved,
                completed,
                verifiedAt,
                VERIFIER + " | Stage completed | Verification completed (Resolved → Completed)",
                SYSTEM + " | Completed | Onboard event completed");
        assertThat(identity(identityId).text("status")).isEqualTo("Active");
        assertThat(event(id).body()).isEqualTo(completed.body());

        ApiResponse listed = get(EVENTS + "?status=completed&identityId=" + identityId, reader);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("totalCount").asInt()).isEqualTo(1);
        assertThat(listed.text("items.0.id")).isEqualTo(id);
        assertThat(listed.text("items.0.status")).isEqualTo("Completed");
        assertThat(listed.text("items.0.completedOn")).isEqualTo(verifiedAt.toString());
        assertThat(listed.text("items.0.affectedIdentity.status")).isEqualTo("Active");
        assertThat(get(EVENTS + "?status=open&identityId=" + identityId, reader)
                        .at("totalCount")
                        .asInt())
                .isZero();
    }

    @Test
    void approving_before_the_approval_window_opens_is_refused() {
        ApiResponse created = create("onboard", anOnboardRequest(12));
        String id = created.text("id");

        ApiResponse response = post(path(id, "approve"), approver, null);

        assertConflict(response, "Cannot approve an event that is Scheduled");
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Scheduled");
        assertThat(activity(after)).isEqualTo(activity(created));
        assertIdentityNotFound(created.text("affectedIdentity.id"));
    }

    // ---- Offboarding ----

    @Test
    void offboarding_disables_the_identity_as_soon_as_its_access_is_removed_and_completes_at_verification() {
        String person = givenIdentity("Olivia", "Leaving").toString();
        LocalDate lastDay = TODAY.plusDays(10);

        ApiResponse created = create("offboard", anOffboard(person, lastDay));
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("Scheduled");
        assertThat(stages(created))
                .containsExactly("Approval Scheduled", "Provision Scheduled", "Verification Scheduled");

        Instant windowOpens = runSchedulerAt(lastDay.minusDays(7));
        ApiResponse pending = event(id);
        assertThat(pending.text("status")).isEqualTo("Pending");
        assertActivityGrew(
                created,
                pending,
                windowOpens,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Pending)",
                SYSTEM + " | Stage started | Approval started");

        Instant approvedAt = clockAt(lastDay.minusDays(6), 8);
        ApiResponse approved = ok(post(path(id, "approve"), approver, null));
        assertThat(approved.text("status")).isEqualTo("Scheduled");
        assertStage(approved, "Approval", "Completed", windowOpens, approvedAt, APPROVER);
        assertActivityGrew(
                pending, approved, approvedAt, APPROVER + " | Approved | Approval completed (Pending → Scheduled)");
        assertIdentityActive(person);

        Instant lastDayStarts = runSchedulerAt(lastDay);
        ApiResponse open = event(id);
        assertThat(open.text("status")).isEqualTo("Open");
        assertThat(stages(open)).containsExactly("Approval Completed", "Provision Open", "Verification Scheduled");
        assertActivityGrew(
                approved,
                open,
                lastDayStarts,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Provision started");
        assertIdentityActive(person);

        Instant deprovisionedAt = clockAt(lastDay, 17);
        ApiResponse resolved = ok(post(path(id, "stages/provision/complete"), provisioner, null));
        assertThat(resolved.text("status")).isEqualTo("Resolved");
        assertStage(resolved, "Provision", "Completed", lastDayStarts, deprovisionedAt, PROVISIONER);
        assertActivityGrew(
                open,
                resolved,
                deprovisionedAt,
                PROVISIONER + " | Stage completed | Provision completed (Open → Resolved)",
                SYSTEM + " | Stage started | Verification started",
                SYSTEM + " | Identity changed | Identity " + person + ": status Active → Disabled");
        ApiResponse gone = identity(person);
        assertThat(gone.text("status")).isEqualTo("Disabled");
        assertThat(gone.text("inactivatedDate")).isEqualTo(deprovisionedAt.toString());

        Instant verifiedAt = clockAt(lastDay.plusDays(1), 10);
        ApiResponse completed = ok(post(path(id, "stages/Verification/complete"), verifier, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertThat(completed.text("completedOn")).isEqualTo(verifiedAt.toString());
        assertStage(completed, "Verification", "Completed", deprovisionedAt, verifiedAt, VERIFIER);
        assertActivityGrew(
                resolved,
                completed,
                verifiedAt,
                VERIFIER + " | Stage completed | Verification completed (Resolved → Completed)",
                SYSTEM + " | Completed | Offboard event completed");
        assertThat(identity(person).text("inactivatedDate")).isEqualTo(deprovisionedAt.toString());
    }

    // ---- Role transition ----

    @Test
    void role_transition_applies_the_requested_changes_only_when_provision_completes() {
        String person = givenIdentity("Jane", "Smith").toString();
        LocalDate effective = TODAY.plusDays(3);

        ApiResponse created = create("role-transition", aRoleTransition(person, effective, null));
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("Pending");
        assertThat(stages(created))
                .containsExactly("Approval Pending", "Provision Scheduled", "Verification Scheduled");
        assertStage(created, "Approval", "Pending", NOW, null, null);

        Instant approvedAt = clockAt(TODAY, 13);
        ApiResponse approved = ok(post(path(id, "approve"), approver, null));
        assertThat(approved.text("status")).isEqualTo("Scheduled");
        assertStage(approved, "Approval", "Completed", NOW, approvedAt, APPROVER);
        assertIdentityRole(person, "Loan Officer", "Lending");

        Instant effectiveDay = runSchedulerAt(effective);
        ApiResponse open = event(id);
        assertThat(open.text("status")).isEqualTo("Open");
        assertThat(stages(open)).containsExactly("Approval Completed", "Provision Open", "Verification Scheduled");
        assertActivityGrew(
                approved,
                open,
                effectiveDay,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Provision started");
        assertIdentityRole(person, "Loan Officer", "Lending");

        Instant provisionedAt = clockAt(effective, 14);
        ApiResponse resolved = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        assertThat(resolved.text("status")).isEqualTo("Resolved");
        assertThat(stages(resolved)).containsExactly("Approval Completed", "Provision Completed", "Verification Open");
        assertActivityGrew(
                open,
                resolved,
                provisionedAt,
                PROVISIONER + " | Stage completed | Provision completed (Open → Resolved)",
                SYSTEM + " | Stage started | Verification started",
                SYSTEM + " | Identity changed | Identity " + person
                        + ": department Lending → Commercial Lending; title Loan Officer → Senior Loan Officer");
        ApiResponse changed = assertIdentityRole(person, "Senior Loan Officer", "Commercial Lending");
        assertThat(changed.text("firstName")).isEqualTo("Jane");
        assertThat(changed.text("lastName")).isEqualTo("Smith");
        assertThat(changed.text("status")).isEqualTo("Active");

        Instant verifiedAt = clockAt(effective, 16);
        ApiResponse completed = ok(post(path(id, "stages/Verification/complete"), verifier, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertThat(completed.text("completedOn")).isEqualTo(verifiedAt.toString());
        assertActivityGrew(
                resolved,
                completed,
                verifiedAt,
                VERIFIER + " | Stage completed | Verification completed (Resolved → Completed)",
                SYSTEM + " | Completed | Role Transition event completed");
        assertIdentityRole(person, "Senior Loan Officer", "Commercial Lending");
    }

    @Test
    void role_transition_with_an_end_date_removes_the_old_access_on_that_date_before_verification() {
        String person = givenIdentity("Jane", "Overlap").toString();
        LocalDate effective = TODAY.plusDays(5);
        LocalDate end = TODAY.plusDays(15);

        ApiResponse created = create("role-transition", aRoleTransition(person, effective, end));
        String id = created.text("id");
        assertThat(stages(created))
                .containsExactly(
                        "Approval Pending", "Provision Scheduled", "Removal Scheduled", "Verification Scheduled");
        assertThat(stage(created, "Removal").path("scheduledStart").asString()).isEqualTo(midnight(end));
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(effective);

        Instant provisionedAt = clockAt(effective, 12);
        ApiResponse waiting = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        assertThat(waiting.text("status")).isEqualTo("Scheduled");
        assertThat(stages(waiting))
                .containsExactly(
                        "Approval Completed", "Provision Completed", "Removal Scheduled", "Verification Scheduled");
        assertStage(
                waiting,
                "Provision",
                "Completed",
                effective.atTime(9, 0).toInstant(ZoneOffset.UTC),
                provisionedAt,
                PROVISIONER);
        assertStage(waiting, "Removal", "Scheduled", null, null, null);
        assertThat(activity(waiting))
                .endsWith(
                        PROVISIONER + " | Stage completed | Provision completed (Open → Scheduled)",
                        SYSTEM + " | Identity changed | Identity " + person
                                + ": department Lending → Commercial Lending; title Loan Officer → Senior Loan Officer");
        assertIdentityRole(person, "Senior Loan Officer", "Commercial Lending");

        runSchedulerOn(end.minusDays(1));
        ApiResponse dayBefore = event(id);
        assertThat(dayBefore.text("status")).isEqualTo("Scheduled");
        assertThat(activity(dayBefore)).isEqualTo(activity(waiting));

        Instant endDay = runSchedulerAt(end);
        ApiResponse removing = event(id);
        assertThat(removing.text("status")).isEqualTo("Open");
        assertThat(stages(removing))
                .containsExactly("Approval Completed", "Provision Completed", "Removal Open", "Verification Scheduled");
        assertStage(removing, "Removal", "Open", endDay, null, null);
        assertActivityGrew(
                waiting,
                removing,
                endDay,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Removal started");

        Instant removedAt = clockAt(end, 13);
        ApiResponse resolved = ok(post(path(id, "stages/Removal/complete"), provisioner, null));
        assertThat(resolved.text("status")).isEqualTo("Resolved");
        assertThat(stages(resolved))
                .containsExactly("Approval Completed", "Provision Completed", "Removal Completed", "Verification Open");
        assertStage(resolved, "Removal", "Completed", endDay, removedAt, PROVISIONER);
        assertActivityGrew(
                removing,
                resolved,
                removedAt,
                PROVISIONER + " | Stage completed | Removal completed (Open → Resolved)",
                SYSTEM + " | Stage started | Verification started");

        Instant verifiedAt = clockAt(end, 15);
        ApiResponse completed = ok(post(path(id, "stages/Verification/complete"), verifier, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertThat(completed.text("completedOn")).isEqualTo(verifiedAt.toString());
        assertStage(completed, "Verification", "Completed", removedAt, verifiedAt, VERIFIER);
        assertActivityGrew(
                resolved,
                completed,
                verifiedAt,
                VERIFIER + " | Stage completed | Verification completed (Resolved → Completed)",
                SYSTEM + " | Completed | Role Transition event completed");
    }

    // ---- Leave of absence ----

    @Test
    void leave_with_an_end_date_suspends_the_identity_and_restores_it_when_removal_completes_on_the_return_date() {
        String person = givenIdentity("Liam", "Leave").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        LocalDate back = TODAY.plusDays(20);

        ApiResponse created = create("leave-of-absence", aLeave(person, firstDay, back));
        String id = created.text("id");
        assertThat(stages(created)).containsExactly("Approval Pending", "Provision Scheduled", "Removal Scheduled");
        ok(post(path(id, "approve"), approver, null));
        Instant leaveStarts = runSchedulerAt(firstDay);
        ApiResponse open = event(id);
        assertThat(open.text("status")).isEqualTo("Open");
        assertIdentityActive(person);

        Instant suspendedAt = clockAt(firstDay, 16);
        ApiResponse suspended = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        assertThat(suspended.text("status")).isEqualTo("Scheduled");
        assertThat(stages(suspended)).containsExactly("Approval Completed", "Provision Completed", "Removal Scheduled");
        assertStage(suspended, "Provision", "Completed", leaveStarts, suspendedAt, PROVISIONER);
        assertActivityGrew(
                open,
                suspended,
                suspendedAt,
                PROVISIONER + " | Stage completed | Provision completed (Open → Scheduled)",
                SYSTEM + " | Identity changed | Identity " + person + ": status Active → Disabled");
        ApiResponse away = identity(person);
        assertThat(away.text("status")).isEqualTo("Disabled");
        assertThat(away.text("inactivatedDate")).isEqualTo(suspendedAt.toString());

        runSchedulerOn(back.minusDays(1));
        assertThat(event(id).text("status")).isEqualTo("Scheduled");

        Instant returnDay = runSchedulerAt(back);
        ApiResponse restoring = event(id);
        assertThat(restoring.text("status")).isEqualTo("Open");
        assertThat(stages(restoring)).containsExactly("Approval Completed", "Provision Completed", "Removal Open");
        assertStage(restoring, "Removal", "Open", returnDay, null, null);
        assertActivityGrew(
                suspended,
                restoring,
                returnDay,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Removal started");
        assertThat(identity(person).text("status")).isEqualTo("Disabled");

        Instant restoredAt = clockAt(back, 11);
        ApiResponse completed = ok(post(path(id, "stages/Removal/complete"), provisioner, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertThat(completed.text("completedOn")).isEqualTo(restoredAt.toString());
        assertThat(stages(completed)).containsExactly("Approval Completed", "Provision Completed", "Removal Completed");
        assertStage(completed, "Removal", "Completed", returnDay, restoredAt, PROVISIONER);
        assertActivityGrew(
                restoring,
                completed,
                restoredAt,
                PROVISIONER + " | Stage completed | Removal completed (Open → Completed)",
                SYSTEM + " | Completed | Absence event completed",
                SYSTEM + " | Identity changed | Identity " + person + ": status Disabled → Active");
        assertIdentityActive(person);
    }

    @Test
    void leave_without_an_end_date_is_snoozed_after_provision_and_stays_so_whatever_the_date() {
        String person = givenIdentity("Nora", "Openended").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        String id = suspendedLeaveWithoutReturn(person, firstDay);

        ApiResponse snoozed = event(id);
        assertThat(snoozed.text("status")).isEqualTo("Snoozed");
        assertThat(stages(snoozed)).containsExactly("Approval Completed", "Provision Completed", "Removal Snoozed");
        assertStage(snoozed, "Removal", "Snoozed", null, null, null);
        assertThat(activity(snoozed))
                .endsWith(
                        PROVISIONER + " | Stage completed | Provision completed (Open → Snoozed)",
                        SYSTEM + " | Identity changed | Identity " + person + ": status Active → Disabled");
        assertThat(identity(person).text("status")).isEqualTo("Disabled");

        runSchedulerOn(firstDay.plusDays(90));

        ApiResponse later = event(id);
        assertThat(later.text("status")).isEqualTo("Snoozed");
        assertThat(activity(later)).isEqualTo(activity(snoozed));
        assertThat(identity(person).text("status")).isEqualTo("Disabled");
    }

    @Test
    void recording_a_future_return_schedules_the_restoration_for_that_day() {
        String person = givenIdentity("Ravi", "Returning").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        LocalDate back = firstDay.plusDays(30);
        String id = suspendedLeaveWithoutReturn(person, firstDay);
        ApiResponse snoozed = event(id);

        Instant recordedAt = clockAt(firstDay.plusDays(10), 10);
        ApiResponse scheduled = ok(post(path(id, "return"), hr, JsonBody.json().with("returnDate", back.toString())));

        assertThat(scheduled.text("status")).isEqualTo("Scheduled");
        assertThat(scheduled.text("neededUntil")).isEqualTo(midnight(back));
        assertThat(stages(scheduled)).containsExactly("Approval Completed", "Provision Completed", "Removal Scheduled");
        assertThat(stage(scheduled, "Removal").path("scheduledStart").asString())
                .isEqualTo(midnight(back));
        assertActivityGrew(
                snoozed,
                scheduled,
                recordedAt,
                HR + " | Return recorded | Returns on " + back + " (Snoozed → Scheduled)");
        assertThat(identity(person).text("status")).isEqualTo("Disabled");

        runSchedulerOn(back.minusDays(1));
        assertThat(event(id).text("status")).isEqualTo("Scheduled");

        Instant returnDay = runSchedulerAt(back);
        ApiResponse restoring = event(id);
        assertThat(restoring.text("status")).isEqualTo("Open");
        assertStage(restoring, "Removal", "Open", returnDay, null, null);
        assertActivityGrew(
                scheduled,
                restoring,
                returnDay,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Removal started");

        ApiResponse completed = ok(post(path(id, "stages/Removal/complete"), provisioner, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertIdentityActive(person);
    }

    @Test
    void an_early_return_without_a_body_restores_access_at_once() {
        String person = givenIdentity("Ella", "Early").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        String id = suspendedLeaveWithoutReturn(person, firstDay);
        ApiResponse snoozed = event(id);
        LocalDate today = firstDay.plusDays(8);

        Instant returnedAt = clockAt(today, 10);
        ApiResponse restoring = ok(post(path(id, "return"), hr, null));

        assertThat(restoring.text("status")).isEqualTo("Open");
        assertThat(restoring.text("neededUntil")).isEqualTo(midnight(today));
        assertThat(stages(restoring)).containsExactly("Approval Completed", "Provision Completed", "Removal Open");
        assertStage(restoring, "Removal", "Open", returnedAt, null, null);
        assertThat(activity(restoring))
                .startsWith(activity(snoozed).toArray(String[]::new))
                .contains(HR + " | Return recorded | Returns on " + today + " (Snoozed → Open)");
        assertThat(identity(person).text("status")).isEqualTo("Disabled");

        ApiResponse completed = ok(post(path(id, "stages/Removal/complete"), provisioner, null));
        assertThat(completed.text("status")).isEqualTo("Completed");
        assertIdentityActive(person);
    }

    @Test
    void an_early_return_records_that_the_removal_stage_started() {
        String person = givenIdentity("Ella", "Started").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        String id = suspendedLeaveWithoutReturn(person, firstDay);
        ApiResponse snoozed = event(id);
        LocalDate today = firstDay.plusDays(8);

        Instant returnedAt = clockAt(today, 10);
        ApiResponse restoring = ok(post(path(id, "return"), hr, null));

        // As when the scheduler opens Removal on a known return date: the stage's start is an entry.
        assertActivityGrew(
                snoozed,
                restoring,
                returnedAt,
                HR + " | Return recorded | Returns on " + today + " (Snoozed → Open)",
                SYSTEM + " | Stage started | Removal started");
    }

    @Test
    void a_return_dated_today_restores_access_at_once() {
        String person = givenIdentity("Tom", "Today").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        String id = suspendedLeaveWithoutReturn(person, firstDay);
        LocalDate today = firstDay.plusDays(3);
        clockAt(today, 9);

        ApiResponse restoring = ok(post(path(id, "return"), hr, JsonBody.json().with("returnDate", today.toString())));

        assertThat(restoring.text("status")).isEqualTo("Open");
        assertThat(stages(restoring)).containsExactly("Approval Completed", "Provision Completed", "Removal Open");
        assertThat(restoring.text("neededUntil")).isEqualTo(midnight(today));
    }

    // ---- Canceled ----

    @Test
    void rejecting_during_approval_cancels_every_stage_records_the_reason_and_never_creates_the_identity() {
        LocalDate start = TODAY.plusDays(5);
        ApiResponse created = create("onboard", anOnboardRequest(5));
        String id = created.text("id");
        String identityId = created.text("affectedIdentity.id");
        assertThat(created.text("status")).isEqualTo("Pending");

        Instant rejectedAt = clockAt(TODAY, 14);
        ApiResponse rejected =
                ok(post(path(id, "reject"), approver, JsonBody.json().with("reason", "Position was withdrawn")));

        assertThat(rejected.text("status")).isEqualTo("Canceled");
        assertThat(rejected.at("completedOn").isNull()).isTrue();
        assertThat(stages(rejected))
                .containsExactly("Approval Canceled", "Provision Canceled", "Verification Canceled");
        assertActivityGrew(
                created,
                rejected,
                rejectedAt,
                APPROVER + " | Rejected | Rejected: Position was withdrawn (Pending → Canceled)");
        assertIdentityNotFound(identityId);

        runSchedulerOn(start);

        ApiResponse later = event(id);
        assertThat(later.text("status")).isEqualTo("Canceled");
        assertThat(activity(later)).isEqualTo(activity(rejected));
        assertIdentityNotFound(identityId);
    }

    @Test
    void canceling_after_approval_before_provision_cancels_the_remaining_stages_and_leaves_the_identity_alone() {
        String person = givenIdentity("Carl", "Stays").toString();
        LocalDate lastDay = TODAY.plusDays(5);
        ApiResponse created = create("offboard", anOffboard(person, lastDay));
        String id = created.text("id");
        Instant approvedAt = clockAt(TODAY, 13);
        ApiResponse approved = ok(post(path(id, "approve"), approver, null));

        Instant canceledAt = clockAt(TODAY.plusDays(1), 9);
        // an offboarding is called off by an approver (LeaverControlIT)
        ApiResponse canceled = ok(post(
                path(id, "cancel"), approver, JsonBody.json().with("reason", "Employee withdrew the resignation")));

        assertThat(canceled.text("status")).isEqualTo("Canceled");
        assertThat(canceled.at("completedOn").isNull()).isTrue();
        assertThat(stages(canceled))
                .containsExactly("Approval Completed", "Provision Canceled", "Verification Canceled");
        assertStage(canceled, "Approval", "Completed", NOW, approvedAt, APPROVER);
        assertActivityGrew(
                approved,
                canceled,
                canceledAt,
                APPROVER + " | Canceled | Canceled: Employee withdrew the resignation (Scheduled → Canceled)");

        runSchedulerOn(lastDay.plusDays(1));

        ApiResponse later = event(id);
        assertThat(later.text("status")).isEqualTo("Canceled");
        assertThat(activity(later)).isEqualTo(activity(canceled));
        assertIdentityActive(person);
    }

    @Test
    void cancel_is_refused_once_a_leave_has_suspended_access_and_asks_for_the_return_instead() {
        String person = givenIdentity("Una", "Suspended").toString();
        LocalDate firstDay = TODAY.plusDays(5);
        ApiResponse created = create("leave-of-absence", aLeave(person, firstDay, firstDay.plusDays(30)));
        String id = created.text("id");
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(firstDay);
        ApiResponse suspended = ok(post(path(id, "stages/Provision/complete"), provisioner, null));

        ApiResponse response = post(path(id, "cancel"), hr, JsonBody.json().with("reason", "Changed our mind"));

        assertConflict(response, "Access is already suspended for this leave; record the return instead of canceling");
        assertThat(response.text("message")).contains("record the return");
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Scheduled");
        assertThat(stages(after)).isEqualTo(stages(suspended));
        assertThat(activity(after)).isEqualTo(activity(suspended));
        assertThat(identity(person).text("status")).isEqualTo("Disabled");
    }

    @Test
    void cancel_is_refused_once_the_access_changes_of_a_role_transition_are_made() {
        String person = givenIdentity("Rita", "Promoted").toString();
        LocalDate effective = TODAY.plusDays(3);
        String id = create("role-transition", aRoleTransition(person, effective, null))
                .text("id");
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(effective);
        ApiResponse resolved = ok(post(path(id, "stages/Provision/complete"), provisioner, null));

        ApiResponse response = post(path(id, "cancel"), hr, JsonBody.json().with("reason", "Too late"));

        assertConflict(response, "Access changes of this event are already made; it can no longer be canceled");
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Resolved");
        assertThat(activity(after)).isEqualTo(activity(resolved));
        assertIdentityRole(person, "Senior Loan Officer", "Commercial Lending");
    }

    @Test
    void a_completed_event_can_no_longer_be_canceled() {
        String person = givenIdentity("Cora", "Done").toString();
        LocalDate effective = TODAY.plusDays(3);
        String id = create("role-transition", aRoleTransition(person, effective, null))
                .text("id");
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(effective);
        ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        ApiResponse completed = ok(post(path(id, "stages/Verification/complete"), verifier, null));

        ApiResponse response = post(path(id, "cancel"), hr, JsonBody.json().with("reason", "Cleanup"));

        assertConflict(response, "Cannot cancel an event that is Completed");
        assertThat(event(id).body()).isEqualTo(completed.body());
    }

    @Test
    void each_stage_is_completed_only_with_the_scope_of_its_duty() {
        String person = givenIdentity("Sam", "Scopes").toString();
        LocalDate effective = TODAY.plusDays(3);
        String id = create("role-transition", aRoleTransition(person, effective, null))
                .text("id");
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(effective);

        ApiResponse provisionByVerifier = post(path(id, "stages/Provision/complete"), verifier, null);
        assertThat(provisionByVerifier.status()).isEqualTo(403);
        assertThat(provisionByVerifier.text("error")).isEqualTo("forbidden");
        assertThat(provisionByVerifier.text("message"))
                .isEqualTo("Completing the Provision stage needs the events:provision scope");
        assertThat(event(id).text("status")).isEqualTo("Open");

        ApiResponse resolved = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        ApiResponse verificationByProvisioner = post(path(id, "stages/Verification/complete"), provisioner, null);
        assertThat(verificationByProvisioner.status()).isEqualTo(403);
        assertThat(verificationByProvisioner.text("error")).isEqualTo("forbidden");
        assertThat(verificationByProvisioner.text("message"))
                .isEqualTo("Completing the Verification stage needs the events:verify scope");
        ApiResponse after = event(id);
        assertThat(after.text("status")).isEqualTo("Resolved");
        assertThat(activity(after)).isEqualTo(activity(resolved));
    }

    // ---- Time: catch-up and snooze ----

    @Test
    void after_downtime_one_scheduler_run_takes_every_step_that_fell_due_once() {
        String leaving = givenIdentity("Dora", "Downtime").toString();
        String onLeave = givenIdentity("Lou", "Downtime").toString();
        String moving = givenIdentity("Max", "Downtime").toString();

        ApiResponse leave = create("leave-of-absence", aLeave(onLeave, TODAY.plusDays(1), TODAY.plusDays(7)));
        String leaveId = leave.text("id");
        ok(post(path(leaveId, "approve"), approver, null));
        runSchedulerOn(TODAY.plusDays(1));
        ok(post(path(leaveId, "stages/Provision/complete"), provisioner, null));
        clock.set(NOW.plus(Duration.ofDays(1)));

        String onboardId = create("onboard", anOnboardRequest(12)).text("id"); // approval window day 5
        String offboardId =
                create("offboard", anOffboard(leaving, TODAY.plusDays(4))).text("id");
        ok(post(path(offboardId, "approve"), approver, null)); // provision due day 4
        String transitionId = create("role-transition", aRoleTransition(moving, TODAY.plusDays(5), null))
                .text("id");
        ok(post(
                path(transitionId, "snooze"),
                hr,
                JsonBody.json().with("until", TODAY.plusDays(6).toString())));
        String farOffId = create("onboard", anOnboardRequest(40)).text("id"); // nothing due for weeks

        ApiResponse onboardBefore = event(onboardId);
        ApiResponse offboardBefore = event(offboardId);
        ApiResponse leaveBefore = event(leaveId);
        ApiResponse transitionBefore = event(transitionId);
        ApiResponse farOffBefore = event(farOffId);

        Instant backUp = TODAY.plusDays(8).atTime(9, 0).toInstant(ZoneOffset.UTC);
        int taken = runSchedulerOn(TODAY.plusDays(8));

        assertThat(taken).isGreaterThanOrEqualTo(4);
        ApiResponse onboard = event(onboardId);
        assertThat(onboard.text("status")).isEqualTo("Pending");
        assertActivityGrew(
                onboardBefore,
                onboard,
                backUp,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Pending)",
                SYSTEM + " | Stage started | Approval started");
        ApiResponse offboard = event(offboardId);
        assertThat(offboard.text("status")).isEqualTo("Open");
        assertStage(offboard, "Provision", "Open", backUp, null, null);
        assertActivityGrew(
                offboardBefore,
                offboard,
                backUp,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Provision started");
        ApiResponse restoring = event(leaveId);
        assertThat(restoring.text("status")).isEqualTo("Open");
        assertStage(restoring, "Removal", "Open", backUp, null, null);
        assertActivityGrew(
                leaveBefore,
                restoring,
                backUp,
                SYSTEM + " | Scheduled step | Advanced by date (Scheduled → Open)",
                SYSTEM + " | Stage started | Removal started");
        ApiResponse woken = event(transitionId);
        assertThat(woken.text("status")).isEqualTo("Pending");
        assertActivityGrew(
                transitionBefore, woken, backUp, SYSTEM + " | Scheduled step | Woke after snooze (Snoozed → Pending)");
        ApiResponse farOff = event(farOffId);
        assertThat(farOff.text("status")).isEqualTo("Scheduled");
        assertThat(activity(farOff)).isEqualTo(activity(farOffBefore));
        assertIdentityActive(leaving);
        assertThat(identity(onLeave).text("status")).isEqualTo("Disabled");
    }

    @Test
    void running_the_scheduler_again_after_catching_up_changes_nothing() {
        String person = givenIdentity("Ida", "Idempotent").toString();
        String onboardId = create("onboard", anOnboardRequest(12)).text("id");
        String offboardId =
                create("offboard", anOffboard(person, TODAY.plusDays(4))).text("id");
        ok(post(path(offboardId, "approve"), approver, null));
        runSchedulerOn(TODAY.plusDays(9));
        ApiResponse onboardCaughtUp = event(onboardId);
        ApiResponse offboardCaughtUp = event(offboardId);
        assertThat(onboardCaughtUp.text("status")).isEqualTo("Pending");
        assertThat(offboardCaughtUp.text("status")).isEqualTo("Open");

        int takenAgain = runSchedulerOn(TODAY.plusDays(9));
        runSchedulerOn(TODAY.plusDays(10));

        assertThat(takenAgain).isZero();
        assertThat(event(onboardId).body()).isEqualTo(onboardCaughtUp.body());
        assertThat(event(offboardId).body()).isEqualTo(offboardCaughtUp.body());
        assertThat(countOf(onboardCaughtUp, "Scheduled step")).isEqualTo(1);
        assertThat(countOf(offboardCaughtUp, "Scheduled step")).isEqualTo(1);
    }

    @Test
    void a_snoozed_pending_event_sleeps_until_its_day_and_then_wakes_to_pending() {
        String person = givenIdentity("Sid", "Snoozer").toString();
        LocalDate until = TODAY.plusDays(3);
        ApiResponse created = create("role-transition", aRoleTransition(person, TODAY.plusDays(5), null));
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("Pending");

        Instant snoozedAt = clockAt(TODAY, 15);
        ApiResponse snoozed = ok(post(
                path(id, "snooze"),
                hr,
                JsonBody.json().with("until", until.toString()).with("reason", "Waiting for budget")));
        assertThat(snoozed.text("status")).isEqualTo("Snoozed");
        assertThat(stages(snoozed))
                .containsExactly("Approval Snoozed", "Provision Scheduled", "Verification Scheduled");
        assertActivityGrew(
                created,
                snoozed,
                snoozedAt,
                HR + " | Snoozed | Snoozed until " + until + ": Waiting for budget (Pending → Snoozed)");

        runSchedulerOn(until.minusDays(1));
        ApiResponse stillAsleep = event(id);
        assertThat(stillAsleep.text("status")).isEqualTo("Snoozed");
        assertThat(activity(stillAsleep)).isEqualTo(activity(snoozed));

        Instant wakes = runSchedulerAt(until);
        ApiResponse woken = event(id);
        assertThat(woken.text("status")).isEqualTo("Pending");
        assertThat(stages(woken)).containsExactly("Approval Pending", "Provision Scheduled", "Verification Scheduled");
        assertStage(woken, "Approval", "Pending", NOW, null, null);
        assertActivityGrew(snoozed, woken, wakes, SYSTEM + " | Scheduled step | Woke after snooze (Snoozed → Pending)");
        assertThat(ok(post(path(id, "approve"), approver, null)).text("status")).isEqualTo("Scheduled");
    }

    @Test
    void a_snoozed_event_cannot_be_approved_before_it_wakes() {
        String person = givenIdentity("Sue", "Snoozer").toString();
        String id = create("role-transition", aRoleTransition(person, TODAY.plusDays(5), null))
                .text("id");
        ApiResponse snoozed = ok(post(
                path(id, "snooze"),
                hr,
                JsonBody.json().with("until", TODAY.plusDays(2).toString())));

        ApiResponse response = post(path(id, "approve"), approver, null);

        assertConflict(response, "Cannot approve an event that is Snoozed");
        assertThat(event(id).body()).isEqualTo(snoozed.body());
    }

    // ---- Fixtures ----

    /** A leave with no return date, approved and with access suspended: Snoozed. */
    private String suspendedLeaveWithoutReturn(String person, LocalDate firstDay) {
        String id = create("leave-of-absence", aLeave(person, firstDay, null)).text("id");
        ok(post(path(id, "approve"), approver, null));
        runSchedulerOn(firstDay);
        ApiResponse suspended = ok(post(path(id, "stages/Provision/complete"), provisioner, null));
        assertThat(suspended.text("status")).isEqualTo("Snoozed");
        return id;
    }

    private ApiResponse create(String type, JsonBody body) {
        ApiResponse created = post(EVENTS + "/" + type, hr, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private static JsonBody anOffboard(String identityId, LocalDate lastDay) {
        return JsonBody.json()
                .with("identityId", identityId)
                .with("effectiveDate", lastDay.toString())
                .with("comment", "Voluntary resignation");
    }

    private static JsonBody aRoleTransition(String identityId, LocalDate effective, LocalDate end) {
        JsonBody body = JsonBody.json()
                .with("identityId", identityId)
                .with("effectiveDate", effective.toString())
                .with("identity.title", "Senior Loan Officer")
                .with("identity.department", "Commercial Lending")
                .with("comment", "Promotion to Senior Loan Officer");
        return end == null ? body : body.with("endDate", end.toString());
    }

    private static JsonBody aLeave(String identityId, LocalDate firstDay, LocalDate back) {
        JsonBody body = JsonBody.json()
                .with("identityId", identityId)
                .with("effectiveDate", firstDay.toString())
                .with("comment", "FMLA leave");
        return back == null ? body : body.with("endDate", back.toString());
    }

    private static String path(String id, String action) {
        return EVENTS + "/" + id + "/" + action;
    }

    private ApiResponse event(String id) {
        return ok(get(EVENTS + "/" + id, reader));
    }

    private ApiResponse identity(String id) {
        return ok(get("/api/identities/" + id, reader));
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    /** Sets the clock to {@code hour}:00 UTC on {@code day}, when a person acts. */
    private Instant clockAt(LocalDate day, int hour) {
        Instant at = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        clock.set(at);
        return at;
    }

    /** Runs the scheduler on {@code day} and returns the moment it ran. */
    private Instant runSchedulerAt(LocalDate day) {
        runSchedulerOn(day);
        return clock.instant();
    }

    private static String midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private void assertIdentityNotFound(String identityId) {
        ApiResponse response = get("/api/identities/" + identityId, reader);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("Identity with id " + identityId + " not found");
    }

    private void assertIdentityActive(String identityId) {
        ApiResponse identity = identity(identityId);
        assertThat(identity.text("status")).isEqualTo("Active");
        assertThat(identity.at("inactivatedDate").isNull()).isTrue();
    }

    private ApiResponse assertIdentityRole(String identityId, String title, String department) {
        ApiResponse identity = identity(identityId);
        assertThat(identity.text("title")).isEqualTo(title);
        assertThat(identity.text("department")).isEqualTo(department);
        return identity;
    }

    private static void assertConflict(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.text("error")).isEqualTo("conflict");
        assertThat(response.text("message")).isEqualTo(message);
    }

    /** "Name Status" of each stage, in order. */
    private static List<String> stages(ApiResponse event) {
        List<String> stages = new ArrayList<>();
        event.at("stages")
                .forEach(s -> stages.add(
                        s.path("name").asString() + " " + s.path("status").asString()));
        return stages;
    }

    private static JsonNode stage(ApiResponse event, String name) {
        for (JsonNode stage : event.at("stages")) {
            if (stage.path("name").asString().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("No stage " + name + " in " + event.body());
    }

    /** The stage's status and its startedOn, completedOn and completedBy (null: shown as null). */
    private static void assertStage(
            ApiResponse event, String name, String status, Instant startedOn, Instant completedOn, String completedBy) {
        JsonNode stage = stage(event, name);
        assertThat(stage.path("status").asString()).as(name + " status").isEqualTo(status);
        assertInstant(stage.path("startedOn"), startedOn, name + " startedOn");
        assertInstant(stage.path("completedOn"), completedOn, name + " completedOn");
        if (completedBy == null) {
            assertThat(stage.path("completedBy").isNull())
                    .as(name + " completedBy")
                    .isTrue();
        } else {
            assertThat(stage.path("completedBy").asString())
                    .as(name + " completedBy")
                    .isEqualTo(completedBy);
        }
    }

    private static void assertInstant(JsonNode node, Instant expected, String what) {
        if (expected == null) {
            assertThat(node.isNull()).as(what + " is null: " + node).isTrue();
        } else {
            assertThat(node.asString()).as(what).isEqualTo(expected.toString());
        }
    }

    /** "author | action | content" of each activity entry, oldest first. */
    private static List<String> activity(ApiResponse event) {
        List<String> entries = new ArrayList<>();
        event.at("activity")
                .forEach(a -> entries.add(a.path("author").asString() + " | "
                        + a.path("action").asString() + " | "
                        + a.path("content").asString()));
        return entries;
    }

    private static long countOf(ApiResponse event, String action) {
        List<String> actions = new ArrayList<>();
        event.at("activity").forEach(a -> actions.add(a.path("action").asString()));
        return actions.stream().filter(action::equals).count();
    }

    /**
     * The log of {@code after} is the log of {@code before} plus exactly {@code added}, all written at
     * {@code at}, and the whole log is oldest first.
     */
    private static void assertActivityGrew(ApiResponse before, ApiResponse after, Instant at, String... added) {
        List<String> expected = new ArrayList<>(activity(before));
        expected.addAll(List.of(added));
        assertThat(activity(after)).as(after.body().toString()).containsExactlyElementsOf(expected);
        List<Instant> dates = new ArrayList<>();
        after.at("activity")
                .forEach(a -> dates.add(Instant.parse(a.path("createdDate").asString())));
        assertThat(dates).isSorted();
        assertThat(dates.subList(dates.size() - added.length, dates.size()))
                .as("createdDate of the new entries")
                .containsOnly(at);
    }
}
