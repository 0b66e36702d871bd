package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.auth.Caller;
import com.personnelevents.auth.Scope;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PostgresOnly;
import com.personnelevents.support.RoundTrips;
import com.personnelevents.web.PageResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How many round trips the hot reads make on PostgreSQL, where a batch of statements is one: each read is
 * made once first, so that what is kept for a while (the settings, the kept counts) is not counted.
 */
@PostgresOnly
class EventReadRoundTripsIT extends ApiIntegrationTest {

    private static final Caller READER =
            Caller.token(UUID.randomUUID(), "Round trips", EnumSet.of(Scope.EVENTS_READ), Set.of(), null);

    @Autowired
    private PersonnelEventService events;

    @Autowired
    private EventBoard board;

    @Test
    void get_by_id_reads_the_event_its_person_and_its_access_requests_in_one_round_trip() {
        UUID person = givenIdentity("On", "Leave");
        UUID id = UUID.fromString(aLeaveOf(person).text("id"));
        events.get(id, READER);

        AtomicReference<PersonnelEventResponse> got = new AtomicReference<>();
        int sent = RoundTrips.of(() -> got.set(events.get(id, READER)));

        assertThat(sent).isEqualTo(1);
        assertThat(got.get().affectedIdentity().id()).isEqualTo(person);
        assertThat(got.get().stages()).hasSize(3);
    }

    @Test
    void a_supervisor_sees_their_report_s_event_by_the_person_read_in_the_same_round_trip() {
        UUID boss = givenIdentity("Big", "Boss");
        UUID person = givenIdentity(Map.of(
                "externalId",
                "ext-" + UUID.randomUUID(),
                "firstName",
                "On",
                "lastName",
                "Leave",
                "supervisorId",
                boss.toString()));
        UUID id = UUID.fromString(aLeaveOf(person).text("id"));
        Caller supervisor = Caller.person(null, boss, "Boss, Big", EnumSet.of(Scope.EVENTS_READ), Set.of());
        assertThat(supervisor.narrowedTo()).isEqualTo(boss);
        events.get(id, supervisor);

        assertThat(RoundTrips.of(() -> events.get(id, supervisor))).isEqualTo(1);
    }

    @Test
    void a_first_list_page_reads_its_rows_and_total_then_its_people_and_hires_two_round_trips() {
        aLeaveOf(givenIdentity("On", "Leave"));
        post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(12));
        EventFilter everything = EventFilter.parse(null, null, null);
        events.page(1, everything);

        AtomicReference<PageResponse<PersonnelEventSummary>> page = new AtomicReference<>();
        int sent = RoundTrips.of(() -> page.set(events.page(1, everything)));

        assertThat(sent).isEqualTo(2);
        assertThat(page.get().items()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.get().items())
                .allSatisfy(row -> assertThat(row.affectedIdentity()).isNotNull());
    }

    @Test
    void an_empty_page_sends_only_its_first_statement() {
        EventFilter nobodys = EventFilter.parse(UUID.randomUUID().toString(), null, null);
        events.page(1, nobodys);

        assertThat(RoundTrips.of(() -> events.page(1, nobodys))).isEqualTo(1);
    }

    @Test
    void my_work_reads_its_four_queues_in_one_round_trip() {
        UUID newcomer = givenIdentity("New", "Comer");
        Caller person = Caller.person(null, newcomer, "Comer, New", EnumSet.of(Scope.EVENTS_READ), Set.of());
        board.myWork(person);

        // the queues (to approve, to verify, reported, overdue: all empty for a newcomer), then the open
        // requests a Provision Engineer of no application may carry out (none)
        assertThat(RoundTrips.of(
                        () -> assertThat(board.myWork(person).isEmpty()).isTrue()))
                .isEqualTo(2);
    }

    private ApiResponse aLeaveOf(UUID person) {
        ApiResponse created = post(
                "/api/personnel-events/leave-of-absence",
                token("events:write"),
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", "2026-05-01")
                        .with("endDate", "2026-08-01"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }
}
