package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiIntegrationTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetPersonnelEventIT extends ApiIntegrationTest {

    private String writer;
    private String reader;

    @BeforeEach
    void tokens() {
        writer = token("events:write");
        reader = token("events:read");
    }

    @Test
    void returns_exactly_what_the_create_answered() {
        ApiResponse created = post("/api/personnel-events/onboard", writer, anOnboardRequest(12));

        ApiResponse fetched = get(created.header("Location"), reader);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void returns_a_leave_with_its_stages_activity_and_comments() {
        UUID person = givenIdentity("On", "Leave");
        ApiResponse created = post(
                "/api/personnel-events/leave-of-absence",
                writer,
                JsonBody.json()
                        .with("identityId", person.toString())
                        .with("effectiveDate", "2026-05-01")
                        .with("endDate", "2026-08-01")
                        .with("comment", "FMLA leave"));

        ApiResponse fetched = get("/api/personnel-events/" + created.text("id"), reader);

        assertThat(fetched.body()).isEqualTo(created.body());
        assertThat(fetched.text("type")).isEqualTo("Absence");
        assertThat(fetched.text("neededUntil")).isEqualTo("2026-08-01T00:00:00Z");
        assertThat(fetched.text("stages.2.name")).isEqualTo("Removal");
        assertThat(fetched.text("comments.0.content")).isEqualTo("FMLA leave");
    }

    @Test
    void answers_404_in_the_envelope_for_an_unknown_id() {
        UUID unknown = UUID.randomUUID();

        ApiResponse response = get("/api/personnel-events/" + unknown, reader);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo("Personnel event with id " + unknown + " not found");
        assertThat(response.text("correlationId")).isEqualTo(response.header("X-Correlation-Id"));
    }
}
