package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-rendering a run: same bytes, atomic replacement, no leftovers, stale charts removed, user files kept. */
class RenderTest {

    @TempDir
    Path tmp;

    @Test
    void reRenderOverAnExistingRunGivesIdenticalFilesAndLeavesNoTemporaries() throws IOException {
        RenderedRun first = RenderedRun.get();
        Path again = FixtureRun.copyTo(tmp.resolve("run"));
        Files.createDirectories(again.resolve("charts"));
        Files.writeString(again.resolve("charts/monthly-fan-old-model.png"), "stale chart of a renamed model");
        // stale charts are removed only when the run's marker lists them as payrisk's; my-notes.txt is not listed
        Files.writeString(again.resolve(org.payrisk.report.RunDirectory.MARKER),
                "written by payrisk\nfile: charts/monthly-fan-old-model.png\n");
        Files.writeString(again.resolve("charts/my-notes.txt"), "not ours");
        Files.writeString(again.resolve("charts/.box.png.123456.tmp"), "left by a killed render");
        Files.writeString(again.resolve("report.html"), "old report");

        RenderResult r = ReportRenderer.render(again);

        assertEquals(first.result.files().size(), r.files().size());
        assertEquals(again.resolve("brief.html"), r.files().get(r.files().size() - 1));
        for (Path written : first.result.files()) {
            Path rel = first.dir.relativize(written);
            assertArrayEquals(Files.readAllBytes(written), Files.readAllBytes(again.resolve(rel)),
                    rel + " differs between two renders of the same run");
        }
        assertFalse(Files.exists(again.resolve("charts/monthly-fan-old-model.png")), "stale chart removed");
        assertTrue(Files.exists(again.resolve("charts/my-notes.txt")), "files we do not own are kept");
        try (Stream<Path> all = Files.walk(again)) {
            List<Path> temps = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
        assertTrue(r.seconds() > 0);
    }

    @Test
    void theWarmUpRunsCleanlyAndARenderAfterItWritesTheSameFiles() throws Exception {
        // Each part of the warm-up runs to the end on this thread (a wrong template name would throw
        // here instead of being kept on the warm-up thread); then a render after a background warm-up
        // (which the render waits for) gives the bytes of any other render of the run. The warm-up
        // takes no path, so it has nowhere to write.
        ChartWriter.warmUp();
        Templates.compileAll();
        RenderedRun first = RenderedRun.get();
        Path again = FixtureRun.copyTo(tmp.resolve("after-warm-up"));
        ReportRenderer.warmUpInBackground();
        RenderResult r = ReportRenderer.render(again);
        assertEquals(first.result.files().size(), r.files().size());
        for (Path written : first.result.files()) {
            Path rel = first.dir.relativize(written);
            assertArrayEquals(Files.readAllBytes(written), Files.readAllBytes(again.resolve(rel)), rel.toString());
        }
    }

    @Test
    void atomicWriteReplacesTheTargetAndCleansUpOnFailure() throws IOException {
        Path target = tmp.resolve("out/file.txt");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));

        Path blocked = Files.createDirectories(tmp.resolve("out/blocked"));
        Files.writeString(blocked.resolve("inside"), "a non-empty directory cannot be replaced by a file");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(blocked, "x"));
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of("blocked", "file.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void rendersWithoutRunJsonOrScenarioCopy() throws IOException {
        Path dir = FixtureRun.copyTo(tmp.resolve("bare"));
        Files.delete(dir.resolve("run.json"));
        Files.delete(dir.resolve("scenario.yaml"));
        ReportRenderer.render(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("has no copy of the scenario"), "assumptions section explains the gap");
        assertTrue(html.contains("not present in this run directory"), "provenance explains the missing run.json");
        assertFalse(Files.readString(dir.resolve("brief.md")).contains("## What drives these numbers"));
    }

    @Test
    void aSummaryWithoutCashRendersWithoutTheCashChartsSectionOrFinding() throws IOException {
        Path dir = FixtureRun.copyTo(tmp.resolve("before-cash"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode s =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("summary.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode m : s.get("models")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("cash");
        }
        json.writeValue(dir.resolve("summary.json").toFile(), s);
        // A stale cash chart of an earlier render is removed like any other chart we own.
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/cash-fan-fee-for-service.svg"), "stale");
        Files.writeString(dir.resolve(org.payrisk.report.RunDirectory.MARKER),
                "written by payrisk\nfile: charts/cash-fan-fee-for-service.svg\n");

        RenderResult r = ReportRenderer.render(dir);

        assertEquals(43, r.files().size(), "10 income charts, 9 sensitivity charts (6 tornado, 3 spider) and the certainty "
                + "equivalents x (PNG + SVG) + report.html, brief.md, brief.html");
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertEquals(List.of(), charts.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("cash-fan-")).toList());
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("id=\"cash\""), "no cash section");
        assertFalse(html.contains("Cash in the bank"), "no cash entry in the contents");
        String md = Files.readString(dir.resolve("brief.md"));
        assertFalse(md.contains("bank balance"), "no cash finding");
        assertFalse(md.contains("probNegativeAnyMonth"), "no cash footnote");
    }

    @Test
    void renderResultValidates() {
        assertThrows(IllegalArgumentException.class, () -> new RenderResult(List.of(), -1));
        assertThrows(IllegalArgumentException.class, () -> new RenderResult(List.of(), Double.NaN));
        assertThrows(NullPointerException.class, () -> new RenderResult(null, 1));
    }
}
