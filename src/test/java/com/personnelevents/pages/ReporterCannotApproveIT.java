package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The event page offers only what the server would accept, and the server refuses the rest whatever the
 * browser sends: the reporter of an event approves nothing of it, even holding a role that approves, even by
 * posting the form by hand; and a page opened before someone else changed the event changes nothing.
 */
class ReporterCannotApproveIT extends PagesTest {

    @Test
    void the_reporter_sees_no_approve_button_and_a_hand_made_approval_is_refused_with_403() {
        Person reporter = person("Rita", "Reporter", "Personnel Manager", "Security Team");
        signInAs(reporter);
        long number = createOnboardingByHand("Jane", "Smith");
        String id = idOf(number);

        // the reporter holds the Security Team role that approves onboardings, but may not approve their own
        assertThat(mainText()).contains("Pending").contains("Approval by Security Team");
        // the hire's person is created once approved: no link to a person's page that does not exist yet
        assertThat(mainText()).contains("Smith, Jane (not created yet)");
        assertThat(browser.findElements(By.linkText("Smith, Jane"))).isEmpty();
        assertThat(present(By.name("approve"))).isFalse();
        assertThat(browser.findElements(By.xpath("//main//button[normalize-space()='Approve']")))
                .isEmpty();
        assertThat(browser.findElements(By.xpath("//main//button[normalize-space()='Reject']")))
                .isEmpty();
        screenshot("reporter-event-page");

        // posting the approval by hand, from their signed-in browser with the page's CSRF token
        String version =
                browser.findElement(By.cssSelector("main input[name=version]")).getDomProperty("value");
        Object status = postFromThePage("/personnel-events/" + number + "/approve", "version=" + version);
        assertThat(status).isEqualTo(403L);

        // nothing changed
        ApiResponse event = event(id);
        assertThat(event.text("status")).isEqualTo("Pending");
        assertThat(stage(event, "Approval").path("responses").size()).isZero();
        assertThat(activityActions(event)).doesNotContain("Approved");
        browser.navigate().refresh();
        assertThat(mainText()).contains("Pending").doesNotContain("Your approval is recorded");
    }

    @Test
    void approving_from_a_page_opened_before_the_event_changed_is_refused_and_changes_nothing() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        Person security = person("Grace", "Hopper", "Security Team");
        signInAs(hr);
        long number = createOnboardingByHand("John", "Doe");
        String id = idOf(number);

        // the Security Team opens the event's page
        signInAs(security);
        open("/personnel-events/" + number);
        assertThat(present(By.name("approve"))).isTrue();

        // meanwhile the HR feed comments on the event
        ApiResponse commented = post(
                "/api/personnel-events/" + id + "/comments",
                writer,
                JsonBody.json().with("content", "Start date confirmed by phone"));
        assertThat(commented.status()).as(commented.body().toString()).isEqualTo(200);

        // the page they opened is stale: the approval is refused and the page shows the event as it stands
        click(By.name("approve"));
        waitFor(d -> present(By.cssSelector("main .message.error")));
        screenshot("stale-event-page");
        assertThat(text(By.cssSelector("main .message.error")))
                .isEqualTo("Personnel event #" + number
                        + " changed since you opened it; nothing was done. Here it is as it stands now.");
        assertThat(mainText()).contains("Pending").contains("Start date confirmed by phone");
        ApiResponse event = event(id);
        assertThat(event.text("status")).isEqualTo("Pending");
        assertThat(stage(event, "Approval").path("responses").size()).isZero();

        // the page shown with the refusal is the event as it stands: approving from it works
        click(By.name("approve"));
        waitForMain("Your approval is recorded");
        assertThat(event(id).text("status")).isEqualTo("Scheduled");
    }

    /** The signed-in person creates an onboarding through the form; returns its number, on its page. */
    private long createOnboardingByHand(String first, String last) {
        open("/personnel-events/new/onboard");
        type(By.id("identity-firstName"), first);
        type(By.id("identity-lastName"), last);
        type(By.id("identity-email"), uniqueEmail(first.toLowerCase() + "." + last.toLowerCase()));
        type(By.id("identity-department"), department);
        setDate("effectiveDate", TODAY.plusDays(3).toString());
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> d.getCurrentUrl().matches(".*/personnel-events/\\d+$"));
        assertThat(mainText()).contains("created");
        return Long.parseLong(browser.getCurrentUrl().replaceFirst("^.*/", ""));
    }

    /**
     * A form post the page does not offer, sent from the page by script with the page's session cookie and
     * CSRF token; returns the HTTP status.
     */
    private Object postFromThePage(String path, String form) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return ((JavascriptExecutor) browser).executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        var token = document.querySelector('meta[name="csrf-token"]').content;
                        fetch(arguments[0], {
                          method: 'POST',
                          headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                          body: arguments[1] + '&_csrf=' + encodeURIComponent(token),
                          redirect: 'manual'
                        }).then(function (r) { done(r.status); }, function (e) { done('failed: ' + e); });
                        """, path, form);
    }
}
