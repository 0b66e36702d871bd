package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.AccessWorkflowTest;
import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A leave can end on the day it began, once its suspension is done. */
class LeaveReturnIT extends AccessWorkflowTest {

    @Test
    void a_return_on_the_first_day_of_leave_restores_access_once_the_suspension_is_done() {
        UUID person = givenIdentity("Fay", "Firstday");
        grant(person, "Teller");
        String id = create("leave-of-absence", aLeaveRequest(person, 10, null));
        JsonNode provision = toProvision(id, TODAY.plusDays(10));
        completeAll(provision);
        assertThat(held(person)).containsExactly("Teller Suspended");

        ApiResponse returned = post("/api/personnel-events/" + id + "/return", writer, null);

        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("Open");
        assertThat(returned.text("neededUntil")).isEqualTo(TODAY.plusDays(10) + "T00:00:00Z");
        JsonNode removal = stage(returned, "Removal");
        assertThat(actions(removal)).containsExactly("Restore Teller");
        completeAll(removal);
        assertThat(held(person)).containsExactly("Teller Active");
        assertThat(get("/api/identities/" + person, reader).text("status")).isEqualTo("Active");
    }

    @Test
    void a_return_on_the_first_day_before_anything_is_suspended_asks_for_a_cancel_instead() {
        UUID person = givenIdentity("Gil", "Gone");
        String id = create("leave-of-absence", aLeaveRequest(person, 10, null));

        ApiResponse refused = post(
                "/api/personnel-events/" + id + "/return",
                writer,
                JsonBody.json().with("returnDate", TODAY.plusDays(10).toString()));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("message"))
                .isEqualTo("The return date must be after the first day of leave (2026-03-30) while nothing is"
                        + " suspended yet; cancel the leave instead");
    }
}
