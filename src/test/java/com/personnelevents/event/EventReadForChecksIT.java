package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personnelevents.db.QueryBatch;
import com.personnelevents.db.Where;
import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "My work" checks its candidates as read for checks: their rows as its queue read them, with the stages,
 * responses and identity data a response's checks read, not their activity and comments; such an event is
 * never saved, so that what it lacks can never be written back as the event's.
 */
class EventReadForChecksIT extends ApiIntegrationTest {

    @Autowired
    private PersonnelEventRepository repository;

    @Test
    void an_event_read_for_checks_holds_what_the_checks_read_as_the_whole_event_does() {
        UUID id = anEventCommentedOn();

        PersonnelEvent whole = repository.findById(id).orElseThrow();
        PersonnelEvent checked = readForChecks(id);

        assertThat(checked.stages()).isEqualTo(whole.stages()).isNotEmpty();
        assertThat(checked.responses()).isEqualTo(whole.responses()).isNotEmpty();
        assertThat(checked.identityData()).isEqualTo(whole.identityData()).isNotNull();
        assertThat(checked.reporter()).isEqualTo(whole.reporter());
        assertThat(checked.status()).isEqualTo(whole.status());
        assertThat(whole.activity()).isNotEmpty();
        assertThat(whole.comments()).isNotEmpty();
        assertThat(checked.activity()).isEmpty();
        assertThat(checked.comments()).isEmpty();
    }

    @Test
    void an_event_read_for_checks_is_never_saved() {
        UUID id = anEventCommentedOn();
        PersonnelEvent checked = readForChecks(id);

        assertThatThrownBy(() -> repository.update(checked)).isInstanceOf(IllegalStateException.class);
        assertThat(repository.findById(id).orElseThrow().activity()).isNotEmpty();
    }

    private PersonnelEvent readForChecks(UUID id) {
        QueryBatch batch = repository.batch();
        QueryBatch.Read<EventRow> rows = repository.queue(batch, new Where().and("id = :id", "id", id), 1);
        batch.run();
        List<PersonnelEvent> checked = repository.forChecks(rows.list());
        assertThat(checked).hasSize(1);
        return checked.get(0);
    }

    /** An onboarding approved (a response) and commented on, with its identity data. */
    private UUID anEventCommentedOn() {
        ApiResponse created = post("/api/personnel-events/onboard", token("events:write"), anOnboardRequest(7));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        ApiResponse approved =
                post("/api/personnel-events/" + id + "/approve", token("Approver", List.of("events:approve")), "{}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        ApiResponse commented = post(
                "/api/personnel-events/" + id + "/comments",
                token("events:write"),
                JsonBody.json().with("content", "Laptop ordered"));
        assertThat(commented.status()).as(commented.body().toString()).isBetween(200, 201);
        return UUID.fromString(id);
    }
}
