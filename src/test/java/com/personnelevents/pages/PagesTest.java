package com.personnelevents.pages;

import com.personnelevents.support.BrowserTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import tools.jackson.databind.JsonNode;

/** What the browser tests of the pages share beyond {@link BrowserTest}. */
abstract class PagesTest extends BrowserTest {

    /**
     * Waits until the page's main region says {@code text}: the page that answers a form post. The text is
     * read in one script, inside the page, so that htmx replacing {@code <main>} between finding it and reading
     * it cannot fail the read (Chromium: "Node with given id does not belong to the document").
     */
    protected void waitForMain(String text) {
        waitFor(d -> {
            Object main = ((JavascriptExecutor) d)
                    .executeScript("const main = document.getElementById('main'); return main ? main.innerText : '';");
            return main instanceof String read && read.contains(text);
        });
    }

    /**
     * Saves a screenshot of the whole page, not only the window's height (up to 6,000 pixels), as
     * target/screenshots/{name}.png.
     */
    protected void fullPageScreenshot(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long height = Math.min(
                6000, ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue());
        Map<String, Object> shot = ((HasCdp) browser)
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Date inputs take the browser's locale; setting the value is what a picker does. */
    protected void setDate(String id, String isoDay) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDay);
    }

    /** The id of an application, by its name. */
    protected String applicationId(String name) {
        for (JsonNode a : get("/api/applications", admin).body()) {
            if (a.path("name").asString().equals(name)) {
                return a.path("id").asString();
            }
        }
        throw new AssertionError("No application " + name);
    }
}
