package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.dist.TrialStreams;
import org.payrisk.report.RunInfo;
import org.payrisk.report.SummaryJson;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.testing.Scenarios;

/**
 * summary.json has one codec: {@link SummaryJson} reads what it writes. Reading gives back the records the
 * engine produced (compared field by field, arrays by value, NaN equal to NaN), and writing what was read
 * gives the same bytes, so {@code payrisk report} re-renders any run from exactly what the run computed.
 */
class SummaryJsonTest {

    @TempDir
    Path tmp;

    @Test
    void readingTheFixtureRunGivesTheEnginesRecordsAndWritingThemGivesTheSameBytes() throws IOException {
        Path dir = FixtureRun.copyTo(tmp.resolve("run"));
        byte[] written = Files.readAllBytes(dir.resolve("summary.json"));
        SummaryJson.Document read = SummaryJson.read(dir.resolve("summary.json"));
        assertDeepEquals(FixtureRun.summary(), read.summary(), "summary");
        assertArrayEquals(Summaries.QUANTILE_GRID, read.quantileGrid());
        assertArrayEquals(written, SummaryJson.toBytes(read), "write(read(summary.json)) == summary.json");
    }

    @Test
    void anUndefinedStandardDeviationIsNaNInTheRecordsNullInTheFileAndNaNAgainWhenRead() throws IOException {
        var scenario = Scenarios.parse(Files.readString(Path.of("scenarios/solo-practice.yaml")));
        RunSummary one = Summaries.run(Scenarios.run(scenario, 1, 7, 1));
        assertTrue(Double.isNaN(one.models().get(0).netIncome().sd()), "the engine's sd of one trial is NaN");
        RunInfo info = new RunInfo(scenario.name(), "solo-practice.yaml", scenario.source().sha256(), 7, 1,
                scenario.practice().horizonMonths(), scenario.practice().warmUpMonths(), TrialStreams.GENERATOR);
        byte[] bytes = SummaryJson.toBytes(info, one);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\"sd\" : null"));
        SummaryJson.Document read = SummaryJson.read(tmp.resolve("summary.json"), bytes);
        assertDeepEquals(one, read.summary(), "summary");
        assertTrue(Double.isNaN(read.models().get(0).netIncome().sd()));
        assertArrayEquals(bytes, SummaryJson.toBytes(read));
    }

    @Test
    void theSummaryCommittedInThe010LayoutStillReadsAndWritesBackUnchanged() throws IOException {
        Path dir = FixtureRun.copyLegacyRun(tmp.resolve("legacy"));
        byte[] committed = Files.readAllBytes(dir.resolve("summary.json"));
        SummaryJson.Document read = SummaryJson.read(dir.resolve("summary.json"));
        assertEquals("0.1.0", read.payriskVersion());
        assertTrue(read.mcseMethod().startsWith("Batch means"), "the file's own method text is kept");
        assertEquals(new String(committed, java.nio.charset.StandardCharsets.UTF_8).strip(),
                new String(SummaryJson.toBytes(read), java.nio.charset.StandardCharsets.UTF_8).strip());
        assertDeepEquals(read.summary(), SummaryJson.read(tmp.resolve("again.json"), SummaryJson.toBytes(read))
                .summary(), "summary");
        assertEquals(null, read.summary().sensitivity(), "a summary from before sensitivity has none");
        ReportRenderer.render(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("10,000 simulated years"));
        assertFalse(html.contains("What drives the risk"), "no sensitivity section without the object");
        try (java.util.stream.Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertEquals(List.of(), charts.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("tornado-") || n.startsWith("spider-")).toList());
        }
    }

    /** Record by record, arrays by value ({@link Arrays#equals} treats NaN as equal to NaN). */
    static void assertDeepEquals(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
            return;
        }
        if (!(expected instanceof List) && !(expected instanceof Map)) {
            assertEquals(expected.getClass(), actual.getClass(), path); // collections: any implementation
        }
        if (expected instanceof double[] e) {
            assertTrue(Arrays.equals(e, (double[]) actual), path + ": " + Arrays.toString(e) + " vs "
                    + Arrays.toString((double[]) actual));
        } else if (expected instanceof long[] e) {
            assertArrayEquals(e, (long[]) actual, path);
        } else if (expected instanceof Double e) {
            assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits((Double) actual), path + ": " + e
                    + " vs " + actual);
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), path + ".size");
            for (int i = 0; i < e.size(); i++) {
                assertDeepEquals(e.get(i), a.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), path + " keys, in order");
            Iterator<?> ai = a.values().iterator();
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                assertDeepEquals(entry.getValue(), ai.next(), path + "." + entry.getKey());
            }
        } else if (expected.getClass().isRecord()) {
            for (RecordComponent c : expected.getClass().getRecordComponents()) {
                try {
                    assertDeepEquals(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual),
                            path + "." + c.getName());
                } catch (ReflectiveOperationException ex) {
                    throw new AssertionError(ex);
                }
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
