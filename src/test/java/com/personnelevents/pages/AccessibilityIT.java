package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * Every page, as someone who may see it with real data in its tables and forms, has no serious or critical
 * accessibility violation (axe-core, WCAG 2.1 A and AA); the taskboard and an event's page also at a phone's
 * width, where neither scrolls sideways. A screenshot of each page is kept in target/screenshots.
 */
class AccessibilityIT extends PagesTest {

    private Person viewer;
    private long pending;
    private long provisioning;
    private long offboarding;
    private UUID hire;

    @Test
    void every_page_has_no_serious_accessibility_violation() {
        givenEventsAtEveryStep();
        Map<String, List<String>> violations = new LinkedHashMap<>();

        // signed out
        open("/login");
        check("login", violations);

        signInAs(viewer);
        open("/");
        assertThat(mainText()).contains("Awaiting your approval").contains("Access requests to carry out");
        check("my-work", violations);
        open("/personnel-events");
        check("taskboard", violations);
        open("/personnel-events?type=Onboard&status=Pending&q=" + department);
        check("taskboard-filtered-empty", violations);
        open("/personnel-events/" + pending);
        assertThat(present(By.name("approve"))).isTrue();
        assertThat(mainText()).contains("Access it will change");
        check("event-pending", violations);
        open("/personnel-events/" + provisioning);
        assertThat(text(By.cssSelector("table.requests"))).contains("Teller").contains("Mailbox");
        check("event-provisioning", violations);
        open("/personnel-events/" + offboarding);
        check("event-offboarding-exception", violations);
        // a done action shows its message
        click(By.cssSelector("form[action$='/assign-to-me'] button"));
        waitForMain("The event is assigned to you");
        check("event-assigned", violations);
        // a refused one shows the event with why: a page opened before the event changed
        open("/personnel-events/" + pending);
        ApiResponse commented = post(
                "/api/personnel-events/" + idOf(pending) + "/comments",
                writer,
                JsonBody.json().with("content", "Laptop ordered"));
        assertThat(commented.status()).as(commented.body().toString()).isEqualTo(200);
        click(By.name("approve"));
        waitFor(d -> present(By.cssSelector("main .message.error")));
        check("event-refused", violations);
        for (String kind : List.of("onboard", "offboard", "role-transition", "leave-of-absence")) {
            open("/personnel-events/new/" + kind);
            check("new-" + kind, violations);
        }
        open("/personnel-events/new/onboard");
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> present(By.id("form-errors")));
        check("new-onboard-with-mistakes", violations);
        open("/personnel-events/new/offboard");
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> present(By.id("form-errors")));
        check("new-offboard-with-mistakes", violations);
        open("/access-requests?applicationId=" + applicationId(app));
        assertThat(text(By.id("results")))
                .contains("Assign to me")
                .contains("Raise again")
                .contains("Accept exception");
        check("change-management", violations);
        open("/identities?q=Leaver");
        check("people", violations);
        open("/identities/" + hire);
        assertThat(mainText()).contains("Access held").contains("History");
        check("person", violations);
        open("/account");
        check("account", violations);
        open("/admin");
        check("admin", violations);
        open("/admin/settings");
        check("admin-settings", violations);
        open("/admin/roles");
        check("admin-roles", violations);
        open("/admin/applications");
        check("admin-applications", violations);
        open("/admin/access-models");
        check("admin-access-models", violations);
        browser.findElement(By.partialLinkText("Tellers of " + department)).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/admin/access-models/[0-9a-f-]+$"));
        assertThat(mainText()).contains("Who matches now");
        check("admin-access-model", violations);
        open("/admin/tokens");
        check("admin-tokens", violations);
        type(By.id("name"), "Payroll feed " + department);
        click(By.cssSelector("input[name=scopes][value='events:read']"));
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> present(By.id("secret")));
        check("admin-token-created", violations);
        open("/personnel-events/999999999");
        check("not-found", violations);

        assertThat(violations).as("serious accessibility violations by page").isEmpty();
    }

    /** The check itself works: what it passes, it has looked at (a field without a label fails it). */
    @Test
    void the_check_finds_a_field_without_a_label() {
        open("/login");
        assertThat(seriousAccessibilityViolations()).isEmpty();
        ((JavascriptExecutor) browser)
                .executeScript("var field = document.createElement('input'); field.type = 'text';"
                        + " document.querySelector('main form').appendChild(field);");
        assertThat(seriousAccessibilityViolations()).anyMatch(v -> v.startsWith("label "));
    }

    @Test
    void an_applications_page_with_its_people_has_no_serious_accessibility_violation() {
        givenEventsAtEveryStep();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        signInAs(viewer);
        open("/admin/applications");
        browser.findElement(By.linkText(app)).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/admin/applications/[0-9a-f-]+$"));
        check("admin-application", violations);
        assertThat(violations).as("serious accessibility violations by page").isEmpty();
        assertThat(mainText()).contains("Provision Engineers").contains(viewer.name());
    }

    @Test
    void the_taskboard_and_an_event_page_have_none_at_a_phone_width_and_do_not_scroll_sideways() {
        givenEventsAtEveryStep();
        Map<String, List<String>> violations = new LinkedHashMap<>();
        signInAs(viewer);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/personnel-events");
            check("phone-taskboard", violations);
            assertThat(scrollsSideways()).as("the taskboard scrolls sideways").isFalse();
            open("/personnel-events/" + provisioning);
            check("phone-event-provisioning", violations);
            assertThat(scrollsSideways()).as("the event page scrolls sideways").isFalse();
            open("/personnel-events/" + pending);
            check("phone-event-pending", violations);
            assertThat(scrollsSideways()).as("the event page scrolls sideways").isFalse();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        assertThat(violations).as("serious accessibility violations by page").isEmpty();
    }

    /**
     * A viewer who may see every page (Administrator, Security Team, Provision Team, and Provision Engineer
     * and Application Manager of this test's application); an access model of this test's department; a
     * hire in its Provision stage with two requests; an offboarding whose refused removal awaits a decision;
     * and an onboarding awaiting approval with the access it will raise.
     */
    private void givenEventsAtEveryStep() {
        viewer = person("Ada", "Admin", "Administrator", "Security Team", "Provision Team");
        responsibilities(List.of(viewer), List.of(viewer));
        model("Tellers of " + department, Map.of("department", List.of(department)), "Teller", "Mailbox");

        String hiring = create("onboard", anOnboardRequest(10).with("identity.department", department));
        UUID leaver = givenIdentity("Lee", "Leaver", department);
        grant(leaver, "Teller", "Loans");
        String leaving = create("offboard", anOffboardRequest(leaver, 10));
        runSchedulerOn(TODAY.plusDays(3));
        approve(hiring);
        approve(leaving);
        runSchedulerOn(TODAY.plusDays(10));
        ApiResponse hired = event(hiring);
        assertThat(actions(stage(hired, "Provision"))).containsExactlyInAnyOrder("Add Teller", "Add Mailbox");
        JsonNode refused = request(stage(event(leaving), "Provision"), "Loans");
        assertThat(reject(refused, "The loan book is handed over next week").status())
                .isEqualTo(200);
        ApiResponse commented = post(
                "/api/personnel-events/" + hiring + "/comments",
                writer,
                JsonBody.json().with("content", "Desk 4, next to the vault"));
        assertThat(commented.status()).as(commented.body().toString()).isEqualTo(200);
        String waiting = create("onboard", anOnboardRequest(14).with("identity.department", department));

        provisioning = hired.body().path("number").asLong();
        hire = UUID.fromString(hired.text("affectedIdentity.id"));
        offboarding = event(leaving).body().path("number").asLong();
        pending = event(waiting).body().path("number").asLong();
    }

    private void approve(String eventId) {
        ApiResponse approved = post("/api/personnel-events/" + eventId + "/approve", approver, null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }

    /** Screenshots the page and notes its serious violations, if any, under its name. */
    private void check(String page, Map<String, List<String>> violations) {
        fullPageScreenshot("a11y-" + page);
        if (!present(By.cssSelector("main#main h1"))) {
            violations.put(page + " (" + browser.getCurrentUrl() + ")", List.of("the page did not render"));
            return;
        }
        List<String> found = seriousAccessibilityViolations();
        if (!found.isEmpty()) {
            violations.put(page + " (" + browser.getCurrentUrl() + ")", found);
        }
    }

    private boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    }
}
