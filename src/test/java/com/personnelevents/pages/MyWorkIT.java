package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import com.personnelevents.support.WebSession;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "My work" lists the approvals and verifications a person may give now, soonest first: not the events a
 * duty keeps from them, nor those they answered already, however many of those come first.
 */
class MyWorkIT extends PeopleTest {

    /** A first name no other test uses. */
    private final String tag = "Mw" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    @Test
    void the_approvals_a_supervisor_may_give_are_listed_soonest_first_past_more_than_twenty_they_may_not() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of());
        Person sam = person("Sam", "Supervisor", "Personnel Manager");
        Person hana = person("Hana", "Reporter", "Personnel Manager");
        // twenty-one hires of Sam's, sooner than the rest, that he may not approve: he reported them himself
        for (int i = 0; i < 21; i++) {
            hire(sam, sam, 2, "Own" + i);
        }
        // one he has approved already: the Security Team's approval is still awaited, not his
        long answered = hire(hana, sam, 3, "Answered");
        ApiResponse approved = post("/api/personnel-events/" + idOf(answered) + "/approve", sam.token(), null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Pending");
        long later = hire(hana, sam, 6, "Later");
        long sooner = hire(hana, sam, 5, "Sooner");

        WebSession.Page work = signIn(sam).get(baseUrl() + "/");

        assertThat(work.status()).isEqualTo(200);
        String approvals = section(work.body(), "approvals");
        assertThat(numbers(approvals)).containsExactly(sooner, later);
        assertThat(approvals).contains("Awaiting Supervisor (you supervise the person)");
        // what he reported is listed as his, still open
        assertThat(numbers(section(work.body(), "reported"))).hasSize(20);
    }

    @Test
    void a_verification_waits_for_the_supervisor_unless_he_carried_out_its_access_changes() {
        rule("Onboard", List.of(), List.of("Supervisor"));
        model("Tellers", Map.of("department", List.of(department)), "Teller", "Loans");
        Person sam = person("Sam", "Supervisor");
        responsibilities(List.of(sam), List.of());
        String his = create("onboard", hireRequest(sam, 12, "Provisioned"));
        String others = create("onboard", hireRequest(sam, 12, "Others"));
        // he carries out one access change of one event (the Provision Team the other, so the stage is not
        // completed by him), the Provision Team all of the other's
        JsonNode provision = toProvision(his, TODAY.plusDays(12));
        assertThat(provision.path("accessRequests")).hasSize(2);
        ApiResponse done = post(
                "/api/access-requests/"
                        + request(provision, "Teller").path("id").asString() + "/complete",
                sam.token(),
                null);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        complete(request(provision, "Loans"));
        completeAll(toProvision(others, TODAY.plusDays(12)));
        assertThat(event(his).text("status")).isEqualTo("Resolved");
        assertThat(event(others).text("status")).isEqualTo("Resolved");

        WebSession.Page work = signIn(sam).get(baseUrl() + "/");

        assertThat(work.status()).isEqualTo(200);
        assertThat(numbers(section(work.body(), "verifications")))
                .containsExactly(event(others).body().path("number").asLong());
    }

    @Test
    void overdue_lists_what_the_person_sees_past_its_date_and_still_awaited_and_reported_lists_only_open_events() {
        Person paula = person("Paula", "Manager", "Personnel Manager");
        Person sam = person("Sam", "Supervisor");
        long late = hire(paula, sam, 3, "Late"); // Pending, and its date will have passed
        long ahead = hire(paula, sam, 6, "Ahead"); // Pending, its date still to come
        long dropped = hire(paula, sam, 2, "Dropped"); // its date will have passed too, but it is canceled
        ApiResponse canceled = post(
                "/api/personnel-events/" + idOf(dropped) + "/cancel",
                token("admin"),
                JsonBody.json().with("reason", "Plans changed"));
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);

        // four days on, nobody has approved: the late hire's date was yesterday, the other's is in two days
        clock.set(TODAY.plusDays(4).atTime(9, 0).toInstant(ZoneOffset.UTC));
        WebSession.Page work = signIn(paula).get(baseUrl() + "/");

        assertThat(work.status()).isEqualTo(200);
        String overdue = section(work.body(), "overdue");
        assertThat(numbers(overdue)).containsExactly(late);
        assertThat(overdue).contains("Due " + TODAY.plusDays(3) + ", Pending");
        assertThat(numbers(section(work.body(), "reported"))).containsExactly(late, ahead);
    }

    /** An onboarding of a hire "{tag} {last}" of this test's department, reporting to {@code supervisor}. */
    private JsonBody hireRequest(Person supervisor, int days, String last) {
        return anOnboardRequest(days)
                .with("identity.firstName", tag)
                .with("identity.lastName", last)
                .with("identity.department", department)
                .with("identity.supervisorId", supervisor.id().toString());
    }

    /** An onboarding of a hire "{tag} {last}" reporting to {@code supervisor}, {@code days} from today. */
    private long hire(Person reporter, Person supervisor, int days, String last) {
        ApiResponse created =
                post("/api/personnel-events/onboard", reporter.token(), hireRequest(supervisor, days, last));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("Pending");
        return created.body().path("number").asLong();
    }

    /** The page's section under the heading of that id. */
    private static String section(String html, String heading) {
        int start = html.indexOf("<h2 id=\"" + heading + "\">");
        assertThat(start).as("a section %s", heading).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The event numbers a section links to, in order. */
    private static List<Long> numbers(String section) {
        List<Long> numbers = new ArrayList<>();
        Matcher link = Pattern.compile(">#(\\d+)</a>").matcher(section);
        while (link.find()) {
            numbers.add(Long.parseLong(link.group(1)));
        }
        return numbers;
    }
}
