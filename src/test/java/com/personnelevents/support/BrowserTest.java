package com.personnelevents.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the pages in a real Chromium (Debian's chromium and chromedriver, which
 * .ci/run installs), driven by Selenium against the running application and its database, people signing in
 * as themselves. One browser per test class; each sign-in starts from empty cookies. Screenshots go to
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends PeopleTest {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    protected WebDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        // a page that does not load fails its test within a minute (Selenium's default waits five)
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // axe over a long page on a busy machine takes more than Selenium's 30 s for a script
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    /** Opens a page of the application, e.g. "/personnel-events". */
    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /** Signs the person in through the sign-in page, as they would; lands on My work. */
    protected void signInAs(Person person) {
        browser.manage().deleteAllCookies();
        open("/login");
        type(By.id("email"), person.email());
        type(By.id("password"), PASSWORD);
        click(By.cssSelector("form[action$='/login'] button[type=submit]"));
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    protected void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    protected void click(By target) {
        browser.findElement(target).click();
    }

    /** Chooses a person in a picker: searches by name, waits for the option, and selects it. */
    protected void pick(String field, String search, String name) {
        String id = field.replace('.', '-');
        type(By.id(id + "-search"), search);
        waitFor(d -> new Select(d.findElement(By.id(id)))
                .getOptions().stream().anyMatch(o -> o.getText().startsWith(name)));
        Select select = new Select(browser.findElement(By.id(id)));
        select.getOptions().stream()
                .filter(o -> o.getText().startsWith(name))
                .findFirst()
                .orElseThrow()
                .click();
    }

    protected <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    protected String text(By target) {
        return browser.findElement(target).getText();
    }

    protected boolean present(By target) {
        return !browser.findElements(target).isEmpty();
    }

    /** The text of the page's main region. */
    protected String mainText() {
        return text(By.id("main"));
    }

    /** Saves a screenshot of the page as target/screenshots/{name}.png. */
    protected void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The serious and critical violations axe-core finds in the page as it stands (WCAG 2.1 A and AA). In
     * axe's legacy mode, which runs the check in the page itself: the default mode finishes it in an
     * {@code about:blank} window opened beside the page, with the page-load timeout cut to a second while it
     * does (dequelabs/axe-core-maven-html#616, #644); on a busy machine that left the browser hanging in the
     * next page load. The pages have no frames, the only thing the default mode adds.
     */
    protected List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .setLegacyMode(true)
                .analyze(browser);
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(BrowserTest::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }
}
