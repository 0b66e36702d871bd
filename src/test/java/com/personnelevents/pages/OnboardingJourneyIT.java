package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A hire from start to finish in the browser, each person signing in themselves: a Personnel Manager
 * creates the onboarding by hand; the Supervisor and the Security Team approve it; a Provision Engineer
 * carries out its access request; the Security Team verifies it. The event page shows every step with the
 * person's name, and the person's page shows them active with their access.
 */
class OnboardingJourneyIT extends PagesTest {

    @Test
    void a_hire_is_created_by_hand_approved_by_two_roles_provisioned_and_verified_by_people() {
        rule("Onboard", List.of("Supervisor", "Security Team"), List.of("Security Team"));
        model("Branch mailboxes", Map.of("department", List.of(department)), "Mailbox");
        Person hr = person("Paula", "Manager", "Personnel Manager");
        Person boss = person("Ada", "Lovelace");
        Person security = person("Grace", "Hopper", "Security Team");
        Person engineer = person("Pat", "Engineer");
        responsibilities(List.of(engineer), List.of());

        // the Personnel Manager creates the onboarding by hand
        signInAs(hr);
        open("/personnel-events/new/onboard");
        type(By.id("identity-firstName"), "Jane");
        type(By.id("identity-lastName"), "Smith");
        type(By.id("identity-email"), uniqueEmail("jane.smith"));
        type(By.id("identity-department"), department);
        type(By.id("identity-title"), "Teller");
        pick(
                "identity.supervisorId",
                boss.email(),
                "Lovelace, Ada"); // by email: the database holds other Ada Lovelaces
        setDate("effectiveDate", TODAY.plusDays(3).toString());
        type(By.id("comment"), "New teller for the branch");
        screenshot("new-onboarding");
        click(By.cssSelector("main form button.primary"));
        waitFor(d -> d.getCurrentUrl().matches(".*/personnel-events/\\d+$"));
        String eventPage = browser.getCurrentUrl().substring(baseUrl().length());
        assertThat(mainText()).contains("Onboard").contains("Smith, Jane").contains("Pending");
        assertThat(mainText()).contains("Approval by Supervisor, Security Team");

        // the supervisor approves
        signInAs(boss);
        assertThat(mainText()).contains("Awaiting your approval").contains("Smith, Jane");
        open(eventPage);
        click(By.name("approve"));
        waitForMain("Your approval is recorded");
        assertThat(mainText()).contains("Awaiting: Security Team");

        // the Security Team approves
        signInAs(security);
        open(eventPage);
        screenshot("event-pending");
        click(By.name("approve"));
        waitForMain("Your approval is recorded");
        assertThat(mainText()).contains("Scheduled");

        // the start date comes: the Provision stage starts and raises the mailbox
        runSchedulerOn(TODAY.plusDays(3));

        // the Provision Engineer carries it out from Change Management
        signInAs(engineer);
        open("/access-requests?status=Open");
        WebElement row = browser.findElements(By.cssSelector("#results tbody tr")).stream()
                .filter(r -> r.getText().contains("Smith, Jane") && r.getText().contains("Mailbox"))
                .findFirst()
                .orElseThrow();
        row.findElement(By.xpath(".//button[text()='Complete']")).click();
        waitForMain("Carried out");

        // the Security Team verifies
        signInAs(security);
        open(eventPage);
        click(By.name("verify"));
        waitForMain("Your verification is recorded");
        String page = mainText();
        screenshot("event-completed");
        assertThat(page).contains("Completed");
        assertThat(page)
                .contains("Manager, Paula") // reported by hand
                .contains("Supervisor: Lovelace, Ada")
                .contains("Security Team: Hopper, Grace")
                .contains("Access request completed")
                .contains("Engineer, Pat")
                .contains("Onboard event created by hand");

        // the person is active and holds the mailbox
        browser.findElement(By.linkText("Smith, Jane")).click();
        waitFor(d -> d.getCurrentUrl().contains("/identities/"));
        String person = mainText();
        screenshot("person");
        assertThat(person).contains("Active").contains("Mailbox");
    }
}
