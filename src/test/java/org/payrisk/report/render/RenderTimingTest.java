package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Renders the summary of a 100,000-trial run and reports how long it took. summary.json's size does not
 * depend on the trial count, so this is the render time of any run. Prints the time, asserts none (a
 * timing assertion in a unit test is a flaky test).
 */
class RenderTimingTest {

    @Test
    void renderA100kTrialRun() throws IOException {
        Path dir = SummaryFixture.writeRun(RenderedRun.freshDir("trials-100k"), 100_000);
        RenderedRun.get(); // warm-up: class loading and font setup are paid by the first render in a JVM
        RenderResult r = ReportRenderer.render(dir);
        System.out.printf("payrisk report render, 100,000-trial summary: %.2f s for %d files (%s, %d cores)%n",
                r.seconds(), r.files().size(), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        assertEquals(29, r.files().size(), "13 charts x (PNG + SVG) + report.html, brief.md, brief.html");
        assertTrue(Files.readString(dir.resolve("report.html")).contains("100,000 simulated years"));
    }
}
