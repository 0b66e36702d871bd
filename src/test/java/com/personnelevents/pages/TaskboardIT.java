package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Personnel Events taskboard: its filters and its search swap the results in place (htmx, no reload),
 * with the exact total of what matches; a Personnel Manager sees only the events they reported, the Security
 * Team every event.
 */
class TaskboardIT extends PagesTest {

    /** A first name no other test uses: a search for it finds exactly this test's events. */
    private final String tag = "Tb" + letters();

    private final String suffix = letters();

    @Test
    void a_personnel_manager_filters_and_searches_only_the_events_they_reported() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        Person otherHr = person("Olga", "Other", "Personnel Manager");
        long ashby = onboard(hr, "Ashby", 3); // Pending: its approval window is open
        long brook = onboard(hr, "Brook", 30); // Scheduled: approval opens later
        long carver = onboard(hr, "Carver", 5); // Pending
        long dunn = leave(hr, "Dunn", 4); // Pending
        long evans = onboard(otherHr, "Evans", 3); // reported by someone else

        signInAs(hr);
        open("/personnel-events");
        markThePage();
        assertThat(total()).isEqualTo("4 events");
        // newest effective date first
        assertThat(numbers()).containsExactly(brook, carver, dunn, ashby);
        screenshot("taskboard-personnel-manager");

        // by type
        choose("type", "Onboard");
        assertThat(total()).isEqualTo("3 events");
        assertThat(numbers()).containsExactly(brook, carver, ashby);
        assertThat(browser.getCurrentUrl()).contains("type=Onboard");
        assertAnnounced("3 events");

        // and by status
        choose("status", "Pending");
        assertThat(total()).isEqualTo("2 events");
        assertThat(numbers()).containsExactly(carver, ashby);
        assertThat(rowText(ashby)).contains("Onboard").contains(tag).contains("Pending");

        choose("type", "");
        assertThat(total()).isEqualTo("3 events");
        assertThat(numbers()).containsExactly(carver, dunn, ashby);

        choose("status", "Scheduled");
        assertThat(total()).isEqualTo("1 event");
        assertThat(numbers()).containsExactly(brook);
        assertAnnounced("1 event");
        choose("status", "");
        assertThat(total()).isEqualTo("4 events");

        // by number
        search("#" + ashby);
        assertThat(total()).isEqualTo("1 event");
        assertThat(numbers()).containsExactly(ashby);
        search(String.valueOf(dunn));
        assertThat(numbers()).containsExactly(dunn);

        // an event reported by someone else is not found, even by its number
        search("#" + evans);
        assertThat(total()).isEqualTo("0 events");
        assertThat(numbers()).isEmpty();

        // by the start of a name
        search("Brook" + suffix);
        assertThat(total()).isEqualTo("1 event");
        assertThat(numbers()).containsExactly(brook);
        search(tag.toLowerCase());
        assertThat(total()).isEqualTo("4 events");
        screenshot("taskboard-searched");

        // all of it without a page load
        assertThat(stillTheSamePage()).isTrue();

        // the URL the filters pushed opens the same results
        choose("type", "Absence");
        assertThat(numbers()).containsExactly(dunn);
        String url = browser.getCurrentUrl();
        open("/personnel-events");
        browser.get(url);
        assertThat(total()).isEqualTo("1 event");
        assertThat(numbers()).containsExactly(dunn);
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEqualTo(tag.toLowerCase());
        assertThat(new Select(browser.findElement(By.id("type")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Absence");
    }

    @Test
    void the_security_team_sees_every_event_and_opens_one_from_the_results() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        Person otherHr = person("Olga", "Other", "Personnel Manager");
        Person security = person("Grace", "Hopper", "Security Team");
        long ashby = onboard(hr, "Ashby", 3);
        long brook = onboard(hr, "Brook", 30);
        long dunn = leave(hr, "Dunn", 4);
        long evans = onboard(otherHr, "Evans", 3);

        signInAs(security);
        open("/personnel-events");
        markThePage();
        search(tag);
        assertThat(total()).isEqualTo("4 events");
        assertThat(numbers()).containsExactlyInAnyOrder(brook, dunn, ashby, evans);
        choose("type", "Absence");
        assertThat(total()).isEqualTo("1 event");
        assertThat(numbers()).containsExactly(dunn);
        choose("type", "Onboard");
        choose("status", "Pending");
        assertThat(total()).isEqualTo("2 events");
        assertThat(numbers()).containsExactlyInAnyOrder(ashby, evans);
        assertThat(rowText(evans)).contains("Evans" + suffix).contains("Approval by Security Team");
        assertThat(stillTheSamePage()).isTrue();

        browser.findElement(By.linkText("#" + evans)).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/personnel-events/" + evans));
        assertThat(mainText()).contains("Evans" + suffix).contains("Other, Olga");
    }

    @Test
    void an_event_past_its_date_that_still_awaits_approval_is_marked_overdue_on_the_board_and_its_page() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        long ashby = onboard(hr, "Ashby", 3); // Pending, and its date will have passed
        long carver = onboard(hr, "Carver", 6); // Pending, its date still ahead
        ApiResponse dunnCreated = onboarded(hr, "Dunn", 2); // its date will have passed too, but it is canceled
        long dunn = dunnCreated.body().path("number").asLong();
        ApiResponse canceled = post(
                "/api/personnel-events/" + dunnCreated.text("id") + "/cancel",
                token("admin"),
                JsonBody.json().with("reason", "Plans changed"));
        assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);

        // four days on, nobody has approved: Ashby's start date was yesterday, Carver's is in two days
        clock.set(TODAY.plusDays(4).atTime(9, 0).toInstant(ZoneOffset.UTC));
        signInAs(hr);
        open("/personnel-events");
        search(tag);
        assertThat(numbers()).containsExactly(carver, ashby, dunn);

        assertThat(rowClass(ashby)).isEqualTo("overdue");
        assertThat(rowText(ashby)).contains("Pending (overdue)");
        assertThat(rowClass(carver)).isEmpty();
        assertThat(rowText(carver)).contains("Pending").doesNotContain("overdue");
        assertThat(rowClass(dunn)).isEmpty();
        assertThat(rowText(dunn)).contains("Canceled").doesNotContain("overdue");
        screenshot("taskboard-overdue");
        browser.manage().window().setSize(new Dimension(390, 1400));
        screenshot("taskboard-overdue-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.linkText("#" + ashby)).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/personnel-events/" + ashby));
        assertThat(mainText()).contains("Pending (overdue)");
        open("/personnel-events/" + carver);
        assertThat(mainText()).contains("Pending").doesNotContain("(overdue)");
    }

    /** An onboarding of "{tag} {last}{suffix}" reported by the person, {@code days} from today. */
    private long onboard(Person reporter, String last, int days) {
        return onboarded(reporter, last, days).body().path("number").asLong();
    }

    private ApiResponse onboarded(Person reporter, String last, int days) {
        ApiResponse created = post(
                "/api/personnel-events/onboard",
                reporter.token(),
                anOnboardRequest(days)
                        .with("identity.firstName", tag)
                        .with("identity.lastName", last + suffix)
                        .with("identity.department", department));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("reporter.name")).isEqualTo(reporter.name());
        assertThat(created.text("status")).isEqualTo(days <= 7 ? "Pending" : "Scheduled");
        return created;
    }

    /** A leave of absence of a person "{tag} {last}{suffix}", reported by the person. */
    private long leave(Person reporter, String last, int days) {
        UUID away = givenIdentity(tag, last + suffix, department);
        ApiResponse created =
                post("/api/personnel-events/leave-of-absence", reporter.token(), aLeaveRequest(away, days, 30));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("Pending");
        return created.body().path("number").asLong();
    }

    /** Chooses a filter's option by value ("" for any) and waits for htmx to swap the results. */
    private void choose(String filter, String value) {
        WebElement results = browser.findElement(By.id("results"));
        new Select(browser.findElement(By.id(filter))).selectByValue(value);
        waitFor(ExpectedConditions.stalenessOf(results));
    }

    /** Searches (the search box, then Enter) and waits for htmx to swap the results. */
    private void search(String text) {
        WebElement results = browser.findElement(By.id("results"));
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(text, Keys.ENTER);
        waitFor(ExpectedConditions.stalenessOf(results));
        waitFor(d -> d.getCurrentUrl().contains("q=" + text.replace("#", "%23")));
    }

    private String total() {
        return stable(() -> text(By.cssSelector("#results .total")));
    }

    /** The live region tells a screen reader the new total once the swap settles. */
    private void assertAnnounced(String total) {
        waitFor(d -> total.equals(d.findElement(By.id("live")).getDomProperty("textContent")));
    }

    private List<Long> numbers() {
        return stable(() -> browser.findElements(By.cssSelector("#results tbody tr td[data-label=Number] a")).stream()
                .map(a -> Long.parseLong(a.getText().substring(1)))
                .toList());
    }

    private String rowText(long number) {
        return stable(() -> browser.findElements(By.cssSelector("#results tbody tr")).stream()
                .map(WebElement::getText)
                .filter(t -> t.startsWith("#" + number + " "))
                .findFirst()
                .orElseThrow());
    }

    private String rowClass(long number) {
        return stable(() -> browser.findElements(By.cssSelector("#results tbody tr")).stream()
                .filter(tr -> tr.getText().startsWith("#" + number + " "))
                .map(tr -> tr.getDomAttribute("class") == null ? "" : tr.getDomAttribute("class"))
                .findFirst()
                .orElseThrow());
    }

    /** Reads the results, again if htmx swapped them while reading (a change and a submit both send). */
    private <T> T stable(java.util.function.Supplier<T> read) {
        return waitFor(d -> {
            try {
                return read.get();
            } catch (StaleElementReferenceException swapped) {
                return null;
            }
        });
    }

    private void markThePage() {
        ((JavascriptExecutor) browser).executeScript("window.sameTaskboard = true;");
    }

    private boolean stillTheSamePage() {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.sameTaskboard === true;"));
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return s.toString();
    }
}
