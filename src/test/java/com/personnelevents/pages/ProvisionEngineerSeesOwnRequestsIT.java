package com.personnelevents.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.personnelevents.support.ApiResponse;
import com.personnelevents.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A Provision Engineer of one application works Change Management: they see the requests of their
 * application and no other (a leaver's requests in another application stay with its own engineers), take
 * one, carry it out, and the event's page names them.
 */
class ProvisionEngineerSeesOwnRequestsIT extends PagesTest {

    @Test
    void an_engineer_sees_only_their_applications_requests_assigns_one_to_themselves_and_completes_it() {
        Person engineer = person("Pat", "Engineer");
        Person security = person("Grace", "Hopper", "Security Team");
        responsibilities(List.of(engineer), List.of());
        String mail = "Mail " + UUID.randomUUID().toString().substring(0, 8);
        anotherApplication(mail, "Shared mailbox");

        // a leaver holds two permissions of this application and one of the other
        String last = "Leaver" + UUID.randomUUID().toString().substring(0, 6);
        UUID leaver = givenIdentity("Lee", last, department);
        grant(leaver, "Teller", "Loans");
        grantIn(mail, leaver, "Shared mailbox");
        String offboarding = create("offboard", anOffboardRequest(leaver, 10));
        JsonNode removal = toProvision(offboarding, TODAY.plusDays(10));
        assertThat(actions(removal))
                .containsExactlyInAnyOrder("Remove Teller", "Remove Loans", "Remove Shared mailbox");
        long number = event(offboarding).body().path("number").asLong();

        // the engineer sees the two of their application, and nothing of the other
        signInAs(engineer);
        open("/access-requests");
        screenshot("engineer-change-management");
        assertThat(text(By.cssSelector("#results .total"))).isEqualTo("2 access requests");
        assertThat(rows()).hasSize(2);
        assertThat(rows()).allSatisfy(r -> assertThat(r.getText()).contains(app).contains(last + ", Lee"));
        assertThat(text(By.id("results"))).doesNotContain(mail).doesNotContain("Shared mailbox");
        // choosing the other application finds nothing they may see
        WebElement results = browser.findElement(By.id("results"));
        new Select(browser.findElement(By.id("applicationId"))).selectByVisibleText(mail);
        waitFor(ExpectedConditions.stalenessOf(results));
        assertThat(text(By.cssSelector("#results .total"))).isEqualTo("0 access requests");
        assertThat(rows()).isEmpty();

        // they take the Teller removal
        open("/access-requests?applicationId=" + applicationId(app) + "&status=Open");
        row("Teller").findElement(By.xpath(".//button[text()='Assign to me']")).click();
        waitForMain("Assigned to you");
        assertThat(row("Teller").getText()).contains("Engineer, Pat");
        assertThat(row("Teller").findElements(By.xpath(".//button[text()='Assign to me']")))
                .isEmpty();

        // and carry it out
        row("Teller").findElement(By.xpath(".//button[text()='Complete']")).click();
        waitForMain("Carried out");
        screenshot("engineer-completed");
        assertThat(held(leaver)).doesNotContain("Teller Active").contains("Loans Active");

        // the event's page names them: assigned, completed by
        signInAs(security);
        open("/personnel-events/" + number);
        String page = mainText();
        screenshot("event-with-engineer");
        assertThat(page)
                .contains("Access request assigned")
                .contains("Access request completed")
                .contains("Remove Teller in " + app + " assigned to Engineer, Pat")
                .contains("Engineer, Pat");
        WebElement tellerRow = browser.findElements(By.cssSelector("table.requests tbody tr")).stream()
                .filter(r -> r.getText().contains("Teller"))
                .findFirst()
                .orElseThrow();
        assertThat(tellerRow.getText()).contains("Completed").contains("Engineer, Pat");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#results tbody tr"));
    }

    private WebElement row(String permission) {
        return rows().stream()
                .filter(r -> r.findElement(By.cssSelector("td[data-label=Permission]"))
                        .getText()
                        .equals(permission))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No request for " + permission));
    }

    private void anotherApplication(String name, String permission) {
        ApiResponse created = post(
                "/api/applications",
                admin,
                JsonBody.json().with("name", name).with("permissions", List.of(Map.of("name", permission))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private void grantIn(String application, UUID person, String permission) {
        ApiResponse imported = post(
                "/api/identity-access",
                admin,
                JsonBody.json()
                        .with(
                                "grants",
                                List.of(Map.of(
                                        "identityId",
                                        person.toString(),
                                        "application",
                                        application,
                                        "permission",
                                        permission))));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    }
}
