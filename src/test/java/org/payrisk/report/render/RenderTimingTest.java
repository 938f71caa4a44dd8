package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Renders the fixture run again and reports how long it took. summary.json's size does not depend on the
 * trial count, so this is the render time of a run of any size. Prints the time, asserts none (a timing
 * assertion in a unit test is a flaky test).
 */
class RenderTimingTest {

    @Test
    void renderARun() throws IOException {
        Path dir = FixtureRun.copyTo(RenderedRun.freshDir("timing"));
        RenderedRun.get(); // warm-up: class loading and font setup are paid by the first render in a JVM
        RenderResult r = ReportRenderer.render(dir);
        System.out.printf("payrisk report render: %.2f s for %d files (%s, %d cores)%n",
                r.seconds(), r.files().size(), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        assertEquals(49, r.files().size(), "13 risk charts, 9 sensitivity charts and the certainty equivalents x (PNG + SVG) "
                + "+ report.html, brief.md, brief.html");
        assertTrue(Files.readString(dir.resolve("report.html")).contains(
                PlainNumbers.count(FixtureRun.TRIALS) + " simulated years"));
    }
}
