package com.personnelevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import com.personnelevents.support.PeopleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what, decided in the queries (lists, their totals, get by id, actions): Personnel Managers the
 * events they reported; Supervisors the events and requests of their direct reports; Provision Engineers and
 * Application Managers the requests of their applications; Security Team, Provision Team, Administrators and
 * Reporting Only everything. What a caller may not see is not found (404), never forbidden.
 */
class VisibilityIT extends PeopleTest {

    private static final String EVENTS = "/api/personnel-events/";

    @Test
    void a_personnel_manager_sees_the_events_they_reported_with_exact_totals_and_no_other() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        String mine1 =
                post(EVENTS + "onboard", hr.token(), anOnboardRequest(20)).text("id");
        String mine2 =
                post(EVENTS + "onboard", hr.token(), anOnboardRequest(21)).text("id");
        String other = create("onboard", anOnboardRequest(22));

        ApiResponse list = get(EVENTS.substring(0, EVENTS.length() - 1), hr.token());

        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactlyInAnyOrder(mine1, mine2);
        assertThat(list.at("totalCount").asLong()).isEqualTo(2);
        assertNotFound(get(EVENTS + other, hr.token()), "Personnel event with id " + other + " not found");
        assertNotFound(
                post(EVENTS + other + "/comments", hr.token(), JsonBody.json().with("content", "Hello")),
                "Personnel event with id " + other + " not found");
        assertThat(get(EVENTS + mine1, hr.token()).text("reporter.name")).isEqualTo("Manager, Paula");
        assertThat(get(EVENTS + mine1, hr.token()).text("reporter.id"))
                .isEqualTo(hr.id().toString());
    }

    @Test
    void a_supervisor_sees_the_events_and_requests_of_their_direct_reports_and_a_hire_named_as_theirs() {
        Person boss = person("Ada", "Lovelace");
        Person report = person("Sarah", "Chen", boss);
        Person stranger = person("Sam", "Stranger");
        grant(report.id(), "Mailbox");
        grant(stranger.id(), "Mailbox");
        String leave = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(report.id(), 12, 30))
                .text("id");
        String hire = post(
                        EVENTS + "onboard",
                        writer,
                        anOnboardRequest(25)
                                .with("identity.supervisorId", boss.id().toString()))
                .text("id");
        String elsewhere = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(stranger.id(), 12, 30))
                .text("id");
        runSchedulerOn(TODAY.plusDays(5));
        for (String id : List.of(leave, elsewhere)) {
            assertThat(post(EVENTS + id + "/approve", approver, null).status()).isEqualTo(200);
        }
        runSchedulerOn(TODAY.plusDays(12));
        JsonNode suspension = request(stage(event(leave), "Provision"), "Mailbox");
        JsonNode strangers = request(stage(event(elsewhere), "Provision"), "Mailbox");

        ApiResponse events = get("/api/personnel-events", boss.token());
        ApiResponse requests = get("/api/access-requests", boss.token());

        assertThat(ids(events)).containsExactlyInAnyOrder(leave, hire);
        assertThat(events.at("totalCount").asLong()).isEqualTo(2);
        assertThat(ids(requests)).containsExactly(suspension.path("id").asString());
        assertThat(requests.at("totalCount").asLong()).isEqualTo(1);
        String strangerRequest = strangers.path("id").asString();
        assertNotFound(
                get("/api/access-requests/" + strangerRequest, boss.token()),
                "Access request with id " + strangerRequest + " not found");
        assertNotFound(get(EVENTS + elsewhere, boss.token()), "Personnel event with id " + elsewhere + " not found");
        assertThat(get("/api/identities/" + report.id() + "/access", boss.token())
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/identities/" + stranger.id() + "/access", boss.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_event_seen_for_two_reasons_is_listed_and_counted_once_with_or_without_other_filters() {
        Person boss = person("Grace", "Hopper", "Personnel Manager");
        Person report = person("Tim", "Report", boss);
        Person another = person("Ann", "Report", boss);
        String leave = post(EVENTS + "leave-of-absence", boss.token(), aLeaveRequest(report.id(), 12, 30))
                .text("id");
        String other = post(EVENTS + "leave-of-absence", writer, aLeaveRequest(another.id(), 40, 10))
                .text("id");

        ApiResponse all = get("/api/personnel-events", boss.token());
        ApiResponse absences = get("/api/personnel-events?type=Absence", boss.token());
        ApiResponse hires = get("/api/personnel-events?type=Onboard", boss.token());

        assertThat(ids(all)).containsExactly(other, leave);
        assertThat(all.at("totalCount").asLong()).isEqualTo(2);
        assertThat(ids(absences)).containsExactly(other, leave);
        assertThat(absences.at("totalCount").asLong()).isEqualTo(2);
        assertThat(ids(hires)).isEmpty();
        assertThat(hires.at("totalCount").asLong()).isZero();
    }

    @Test
    void the_supervisor_an_onboarding_names_sees_the_hires_access_requests() {
        model("Mailboxes", Map.of("department", List.of(department)), "Mailbox");
        Person boss = person("Ada", "Lovelace");
        String hire = post(
                        EVENTS + "onboard",
                        writer,
                        anOnboardRequest(12)
                                .with("identity.department", department)
                                .with("identity.supervisorId", boss.id().toString()))
                .text("id");
        JsonNode mailbox = request(toProvision(hire, TODAY.plusDays(12)), "Mailbox");

        ApiResponse requests = get("/api/access-requests", boss.token());

        assertThat(ids(requests)).containsExactly(mailbox.path("id").asString());
        assertThat(get("/api/access-requests/" + mailbox.path("id").asString(), boss.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_access_preview_shows_a_persons_access_only_to_their_supervisor_and_those_who_see_everything() {
        Person boss = person("Ada", "Lovelace");
        Person leaver = person("Lee", "Leaver", boss);
        Person hr = person("Paula", "Manager", "Personnel Manager");
        grant(leaver.id(), "Mailbox");
        String id = post(EVENTS + "offboard", hr.token(), anOffboardRequest(leaver.id(), 20))
                .text("id");

        ApiResponse byReporter = get(EVENTS + id + "/access-preview", hr.token());
        ApiResponse bySupervisor = get(EVENTS + id + "/access-preview", boss.token());

        assertThat(get(EVENTS + id, hr.token()).status()).isEqualTo(200);
        assertThat(byReporter.status()).as(byReporter.body().toString()).isEqualTo(403);
        assertThat(byReporter.text("message")).contains("only their supervisor");
        assertThat(bySupervisor.status()).as(bySupervisor.body().toString()).isEqualTo(200);
        assertThat(get(EVENTS + id + "/access-preview", reader).status()).isEqualTo(200);
    }

    @Test
    void provision_engineers_and_application_managers_see_the_requests_of_their_application_only() {
        Person engineer = person("Pat", "Engineer");
        Person manager = person("Mo", "Owner");
        responsibilities(List.of(engineer), List.of(manager));
        String otherApp = "Loans System " + department;
        assertThat(post(
                                "/api/applications",
                                admin,
                                JsonBody.json()
                                        .with("name", otherApp)
                                        .with("permissions", List.of(Map.of("name", "Loans"))))
                        .status())
                .isEqualTo(201);
        Person leaver = person("Lee", "Leaver");
        grant(leaver.id(), "Mailbox");
        assertThat(post(
                                "/api/identity-access",
                                admin,
                                JsonBody.json()
                                        .with(
                                                "grants",
                                                List.of(Map.of(
                                                        "identityId",
                                                        leaver.id().toString(),
                                                        "application",
                                                        otherApp,
                                                        "permission",
                                                        "Loans"))))
                        .status())
                .isEqualTo(200);
        String offboarding = post(EVENTS + "offboard", writer, anOffboardRequest(leaver.id(), 12))
                .text("id");
        JsonNode provision = toProvision(offboarding, TODAY.plusDays(12));
        String ours = request(provision, "Mailbox").path("id").asString();
        String theirs = request(provision, "Loans").path("id").asString();

        for (Person person : List.of(engineer, manager)) {
            ApiResponse requests = get("/api/access-requests", person.token());
            assertThat(ids(requests)).as(person.name()).containsExactly(ours);
            assertThat(requests.at("totalCount").asLong()).isEqualTo(1);
            assertNotFound(
                    get("/api/access-requests/" + theirs, person.token()),
                    "Access request with id " + theirs + " not found");
            assertThat(get("/api/personnel-events", person.token())
                            .at("totalCount")
                            .asLong())
                    .isZero();
        }
        ApiResponse byManager = post("/api/access-requests/" + ours + "/complete", manager.token(), null);
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.text("message"))
                .isEqualTo("Carrying out access requests of " + app
                        + " needs the Provision Team role or to be one of the application's Provision Engineers");
        ApiResponse byEngineer = post("/api/access-requests/" + ours + "/complete", engineer.token(), null);
        assertThat(byEngineer.status()).as(byEngineer.body().toString()).isEqualTo(200);
        assertThat(byEngineer.text("completedBy")).isEqualTo("Engineer, Pat");
    }

    @Test
    void security_team_provision_team_administrators_and_reporting_only_see_every_event() {
        create("onboard", anOnboardRequest(20));
        long all = get("/api/personnel-events", reader).at("totalCount").asLong();
        long allRequests = get("/api/access-requests", reader).at("totalCount").asLong();

        for (String role : List.of("Security Team", "Provision Team", "Administrator", "Reporting Only")) {
            Person person = person("Any", role.replace(" ", ""), role);
            assertThat(get("/api/personnel-events", person.token())
                            .at("totalCount")
                            .asLong())
                    .as(role)
                    .isEqualTo(all);
            assertThat(get("/api/access-requests", person.token())
                            .at("totalCount")
                            .asLong())
                    .as(role)
                    .isEqualTo(allRequests);
        }
    }

    @Test
    void reporting_only_reads_and_acts_on_nothing() {
        Person auditor = person("Ray", "Reader", "Reporting Only");
        String id = create("onboard", anOnboardRequest(3));

        assertThat(get(EVENTS + id, auditor.token()).status()).isEqualTo(200);
        for (ApiResponse refused : List.of(
                post(EVENTS + "onboard", auditor.token(), anOnboardRequest(20)),
                post(EVENTS + id + "/approve", auditor.token(), null),
                post(EVENTS + id + "/comments", auditor.token(), JsonBody.json().with("content", "Hello")),
                post(EVENTS + id + "/cancel", auditor.token(), JsonBody.json().with("reason", "No")))) {
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
            assertThat(refused.text("error")).isEqualTo("forbidden");
        }
    }

    @Test
    void a_person_without_roles_sees_the_events_assigned_to_them_with_exact_totals() {
        Person helper = person("Hal", "Helper");
        String assigned = create("onboard", anOnboardRequest(20));
        create("onboard", anOnboardRequest(21));
        assertThat(put(
                                EVENTS + assigned + "/assignee",
                                admin,
                                JsonBody.json().with("assigneeId", helper.id().toString()))
                        .status())
                .isEqualTo(200);

        ApiResponse list = get(EVENTS.substring(0, EVENTS.length() - 1), helper.token());

        assertThat(ids(list)).containsExactly(assigned);
        assertThat(list.at("totalCount").asLong()).isEqualTo(1);
        assertThat(get(EVENTS + assigned, helper.token()).text("assignee.name")).isEqualTo("Helper, Hal");
    }

    @Test
    void a_person_without_roles_sees_nothing_of_others() {
        Person nobody = person("No", "Body");
        create("onboard", anOnboardRequest(20));

        assertThat(get("/api/personnel-events", nobody.token()).at("totalCount").asLong())
                .isZero();
        assertThat(get("/api/access-requests", nobody.token()).at("totalCount").asLong())
                .isZero();
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.at("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static void assertNotFound(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(404);
        assertThat(response.text("error")).isEqualTo("not_found");
        assertThat(response.text("message")).isEqualTo(message);
    }
}
