package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What rendering the fixture run writes: how many files, and the trial count in report.html. No time is
 * taken here: rendering is timed on purpose, by {@code bench/e2e.sh} (docs/performance.md).
 */
class RenderedFilesTest {

    @Test
    void everyChartInBothFormatsTheReportAndTheBriefsNamingTheTrials() throws IOException {
        RenderedRun run = RenderedRun.get();
        assertEquals(49, run.result.files().size(), "13 risk charts, 9 sensitivity charts and the certainty equivalents "
                + "x (PNG + SVG) + report.html, brief.md, brief.html");
        assertTrue(run.read("report.html").contains(PlainNumbers.count(FixtureRun.TRIALS) + " simulated years"));
    }
}
