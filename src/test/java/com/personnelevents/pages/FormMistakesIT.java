package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A Personnel Manager makes mistakes in the forms that create events by hand: the page comes back with each
 * message beside its field (and tied to it for a screen reader), a summary of them all at the top, and
 * everything they typed still there, so that they correct only what is wrong.
 */
class FormMistakesIT extends PagesTest {

    @Test
    void an_onboarding_with_mistakes_shows_each_message_beside_its_field_and_keeps_what_was_typed() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        String longEmail = "a".repeat(250) + "@example.com";
        long before = storedEvents();

        signInAs(hr);
        open("/personnel-events/new/onboard");
        // no first name
        type(By.id("identity-lastName"), "Smith");
        type(By.id("identity-email"), longEmail);
        type(By.id("identity-title"), "Teller");
        type(By.id("identity-department"), department);
        type(By.id("identity-office"), "Fargo Main");
        new Select(browser.findElement(By.id("identity-identityType"))).selectByValue("Vendor");
        setDate("effectiveDate", TODAY.minusDays(10).toString());
        type(By.id("comment"), "Starts on the teller line");
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> present(By.id("form-errors")));
        screenshot("form-mistakes-onboarding");

        assertThat(storedEvents()).isEqualTo(before);
        assertErrorBeside("identity-firstName", "First name is required");
        assertErrorBeside("identity-email", "Email must be at most 256 characters");
        assertErrorBeside("effectiveDate", "Effective date must be today or later");
        assertThat(summary())
                .containsExactlyInAnyOrder(
                        "First name is required",
                        "Email must be at most 256 characters",
                        "Effective date must be today or later");
        assertThat(text(By.cssSelector("#form-errors > p"))).isEqualTo("3 values need correcting:");
        // each summary line leads to its field
        assertThat(browser.findElements(By.cssSelector("#form-errors li a")).stream()
                        .map(a -> a.getDomAttribute("href").replaceFirst("^.*#", ""))
                        .toList())
                .containsExactlyInAnyOrder("identity-firstName", "identity-email", "effectiveDate");

        // what was typed is kept, the mistakes included, so that they correct only what is wrong
        assertThat(value("identity-firstName")).isEmpty();
        assertThat(value("identity-lastName")).isEqualTo("Smith");
        assertThat(value("identity-email")).isEqualTo(longEmail);
        assertThat(value("identity-title")).isEqualTo("Teller");
        assertThat(value("identity-department")).isEqualTo(department);
        assertThat(value("identity-office")).isEqualTo("Fargo Main");
        assertThat(new Select(browser.findElement(By.id("identity-identityType")))
                        .getFirstSelectedOption()
                        .getDomProperty("value"))
                .isEqualTo("Vendor");
        assertThat(value("effectiveDate")).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(value("comment")).isEqualTo("Starts on the teller line");
        // the fields without a mistake are not marked
        assertThat(browser.findElement(By.id("identity-lastName")).getDomAttribute("aria-invalid"))
                .isNull();
        assertThat(browser.findElements(By.cssSelector("main p.error"))).hasSize(3);
        assertThat(seriousAccessibilityViolations()).isEmpty();

        // corrected, the same form creates the event
        type(By.id("identity-firstName"), "Jane");
        type(By.id("identity-email"), uniqueEmail("jane.smith"));
        setDate("effectiveDate", TODAY.plusDays(3).toString());
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> d.getCurrentUrl().matches(".*/personnel-events/\\d+$"));
        assertThat(mainText()).contains("Smith, Jane").contains("Pending");
    }

    @Test
    void a_leave_ending_before_it_starts_is_refused_beside_its_end_date_and_keeps_the_person_and_dates() {
        Person hr = person("Paula", "Manager", "Personnel Manager");
        String last = "Leaver" + UUID.randomUUID().toString().substring(0, 6);
        UUID away = givenIdentity("Lena", last, department);
        long before = storedEvents();

        signInAs(hr);
        open("/personnel-events/new/leave-of-absence");
        pick("identityId", last, last + ", Lena");
        setDate("effectiveDate", TODAY.plusDays(10).toString());
        setDate("endDate", TODAY.plusDays(5).toString());
        type(By.id("comment"), "Parental leave");
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> present(By.id("form-errors")));
        screenshot("form-mistakes-leave");

        assertThat(storedEvents()).isEqualTo(before);
        assertErrorBeside("endDate", "End date must be after effective date");
        assertThat(summary()).containsExactly("End date must be after effective date");
        assertThat(text(By.cssSelector("#form-errors > p"))).isEqualTo("One value needs correcting:");
        assertThat(browser.findElement(By.id("effectiveDate")).getDomAttribute("aria-invalid"))
                .isNull();

        // the person chosen, the dates and the comment are kept
        Select person = new Select(browser.findElement(By.id("identityId")));
        assertThat(person.getFirstSelectedOption().getDomProperty("value")).isEqualTo(away.toString());
        assertThat(value("identityId-search")).isEqualTo(last);
        assertThat(value("effectiveDate")).isEqualTo(TODAY.plusDays(10).toString());
        assertThat(value("endDate")).isEqualTo(TODAY.plusDays(5).toString());
        assertThat(value("comment")).isEqualTo("Parental leave");
        assertThat(seriousAccessibilityViolations()).isEmpty();

        // corrected, the same form creates the leave
        setDate("endDate", TODAY.plusDays(40).toString());
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> d.getCurrentUrl().matches(".*/personnel-events/\\d+$"));
        assertThat(mainText()).contains("Absence").contains(last + ", Lena");
    }

    /**
     * The message is the paragraph right after the field, the field is marked invalid and described by the
     * message, so that a screen reader reads it with the field.
     */
    private void assertErrorBeside(String fieldId, String message) {
        WebElement field = browser.findElement(By.id(fieldId));
        WebElement next = field.findElement(By.xpath("following-sibling::*[1]"));
        assertThat(next.getTagName()).as("the element after #" + fieldId).isEqualTo("p");
        assertThat(next.getDomAttribute("class"))
                .as("the element after #" + fieldId)
                .isEqualTo("error");
        assertThat(next.getText()).isEqualTo(message);
        assertThat(next.isDisplayed()).isTrue();
        assertThat(field.getDomAttribute("aria-invalid"))
                .as("aria-invalid of #" + fieldId)
                .isEqualTo("true");
        assertThat(List.of(field.getDomAttribute("aria-describedby").split(" ")))
                .as("aria-describedby of #" + fieldId)
                .contains(next.getDomAttribute("id"));
    }

    private List<String> summary() {
        return browser.findElements(By.cssSelector("#form-errors li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }
}
