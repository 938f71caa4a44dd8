package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the fixture run's report.html in headless Chromium (Debian's chromium + chromium-driver) as a
 * reader would, and checks it loads completely offline with every chart laid out. Skipped only when the
 * browser or its driver is not installed.
 */
class BrowserReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "browser test skipped: " + CHROMIUM + " is missing");
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: " + CHROMEDRIVER + " is missing");
        // Point Selenium at the installed driver and browser so Selenium Manager never downloads anything.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("payrisk-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1200,900", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> all = Files.walk(profile)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportLoadsOfflineWithEveryChartLaidOut() throws IOException {
        RenderedRun run = RenderedRun.get();
        driver.get(run.dir.resolve("report.html").toUri().toString());
        JavascriptExecutor js = driver;

        assertEquals("complete", js.executeScript("return document.readyState"));

        // Full-page screenshot: size the window to the document first.
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, (int) Math.min(height, 16000)));
        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000, "screenshot saved to " + shot);

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), severe, "browser console errors");

        List<Map<String, Object>> failed = (List<Map<String, Object>>) js.executeScript(
                "return performance.getEntriesByType('resource')"
                        + ".filter(r => !(r.transferSize > 0) && !r.name.startsWith('data:'))"
                        + ".map(r => ({name: r.name, size: r.transferSize}))");
        assertEquals(List.of(), failed, "resources that failed or came from nowhere");
        Object brokenImages = js.executeScript(
                "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length");
        assertEquals(0L, ((Number) brokenImages).longValue(), "broken images");

        List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('figure.chart svg')).map(s => {"
                        + " const b = s.getBoundingClientRect(); return {id: s.id, w: b.width, h: b.height}; })");
        assertEquals(13 + 9 + 1, charts.size(), "inline chart SVGs: 10 income charts + 3 cash fans, 6 tornado and 3 spider "
                + "charts, the certainty equivalents");
        for (Map<String, Object> c : charts) {
            double w = ((Number) c.get("w")).doubleValue();
            double h = ((Number) c.get("h")).doubleValue();
            assertTrue(w > 100 && h > 100, "chart " + c.get("id") + " laid out at " + w + " x " + h);
            assertEquals(540.0 / 900.0, h / w, 0.02, "chart " + c.get("id") + " keeps its aspect ratio");
        }

        String headline = (String) js.executeScript("return document.getElementById('headline').innerText");
        for (String model : FixtureRun.MODELS) {
            assertTrue(headline.contains(model), "headline table lists " + model);
        }
    }
}
