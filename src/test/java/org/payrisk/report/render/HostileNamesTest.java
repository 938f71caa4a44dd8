package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Model and scenario names a user may write, run through the CLI ({@code payrisk run}, then
 * {@code payrisk report} over the same folder): long names, names whose slugs collide, names differing
 * only in case, accents or punctuation, names with line breaks and control characters. Every run gives
 * one chart file per chart, short file names, unique HTML ids, a brief.md with only its own headings,
 * well-formed HTML and SVG, and no control character in any output.
 */
class HostileNamesTest {

    @TempDir
    Path tmp;

    /** Two realistic names of 125 characters that share their first 100. */
    private static final String LONG_A = "Medicare Part B fee-for-service with the 2026 physician fee schedule, MPPR on "
            + "therapy units, 8-minute rule, sequestration, A1";
    private static final String LONG_B = LONG_A.substring(0, LONG_A.length() - 2) + "B2";

    @Test
    void longModelNamesRunAndRenderWithShortFileNames() throws Exception {
        assertEquals(125, LONG_A.length());
        Path dir = run(List.of(LONG_A, LONG_B));
        assertEquals(0, report(dir), "payrisk report over the same run");
        assertEveryChartHasItsOwnFile(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                int bytes = p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
                assertTrue(bytes <= 120, p.getFileName() + " is " + bytes + " bytes");
            }
        }
    }

    @Test
    void slugsThatReadAlikeStillGiveOneChartFileAndOneIdEach() throws Exception {
        Path dir = run(List.of("a-vs-b", "c", "a", "b-vs-c"));
        assertEveryChartHasItsOwnFile(dir);
        assertEquals(0, report(dir));
        assertEveryChartHasItsOwnFile(dir);
    }

    @Test
    void namesDifferingInAccentsOrPunctuationGetTheirOwnCharts() throws Exception {
        // names differing only in case are refused by validate (a reader could not tell them apart)
        assertEveryChartHasItsOwnFile(run(List.of("A", "caf\u00e9", "cafe", "a!", "a-2", "\u6309\u670d\u52a1",
                "\u8d39\u7528")));
    }

    @Test
    void aLineBreakInANameCannotAddAHeadingOrRuleToTheBrief() throws Exception {
        Path dir = run(List.of("m0-placeholder", "m1-placeholder"));
        String plainHeadings = headings(Files.readString(dir.resolve("brief.md")));
        rename(dir, List.of("fee\n# Injected heading\n---\n", "cap\r\n> quote\n\n1. item <b>x</b> *y* &amp;"),
                "Clinic\n=====\n- listed");
        assertEquals(0, report(dir));

        String md = Files.readString(dir.resolve("brief.md"));
        assertEquals(plainHeadings, headings(md), md);
        for (String line : md.split("\n")) {
            assertFalse(line.matches(" {0,3}(---+|===+|> .*|[0-9]+\\. .*|- listed.*)"), "block injected: " + line);
            assertFalse(line.contains("<b>"), "raw HTML in brief.md: " + line);
        }
        assertTrue(md.contains("Under fee # Injected heading --- , 1 year in 20"), "the name is kept, on one line: " + md);
        assertNoControlCharacters(dir);
        assertEveryChartHasItsOwnFile(dir);
    }

    @Test
    void controlCharactersNeverReachAnOutputRaw() throws Exception {
        Path dir = run(List.of("m0-placeholder", "m1-placeholder"));
        rename(dir, List.of("bell\u0007 and escape\u001b[31m red", "nul\u0000 del\u007f c1\u009b rtl\u202e x"),
                "Scenario\u001b]0;title\u0007");
        assertEquals(0, report(dir));
        assertNoControlCharacters(dir);
        String md = Files.readString(dir.resolve("brief.md"));
        assertTrue(md.contains("bell\u2407 and escape\u241b\\[31m red"), "shown as control pictures: " + md);
        assertEveryChartHasItsOwnFile(dir);
    }

    @Test
    void moreThanEightModelsAreNeverDrawnAlike() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("model-" + i);
        }
        Path dir = run(names);
        // Models 0 and 8 share the palette's blue; model 8's line must be dashed where model 0's is solid.
        for (String chart : List.of("exceedance", "income-distribution")) {
            String svg = Files.readString(dir.resolve("charts/" + chart + ".svg"));
            List<String> blueLines = strokes(svg, "rgb(0,114,178)");
            assertTrue(blueLines.stream().anyMatch(s -> !s.contains("stroke-dasharray")), chart + ": solid blue");
            assertTrue(blueLines.stream().anyMatch(s -> s.contains("stroke-dasharray")), chart + ": dashed blue");
        }
        for (int i = 0; i < 40; i++) {
            for (int j = i + 1; j < 40; j++) {
                boolean sameColour = ChartStyle.modelColour(i).equals(ChartStyle.modelColour(j));
                assertFalse(sameColour && ChartStyle.modelStroke(i).equals(ChartStyle.modelStroke(j)),
                        "models " + i + " and " + j + " have the same colour and line");
                assertFalse(sameColour && new java.awt.geom.Area(ChartStyle.barSwatch(i))
                        .equals(new java.awt.geom.Area(ChartStyle.barSwatch(j))),
                        "models " + i + " and " + j + " have the same colour and bar hatching");
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /**
     * One PNG and one SVG per chart the summary calls for (3 overview charts, the risk bars, a monthly fan and a
     * cash fan per model, a difference chart per comparison, the certainty equivalents and, for a precision run, the convergence), each with its own figure in report.html, and no
     * id used twice in report.html (inline SVG ids included).
     */
    private static void assertEveryChartHasItsOwnFile(Path dir) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        int models = summary.get("models").size();
        int charts = 4 + 2 * models + summary.get("comparisons").size()
                + (summary.has("preferenceFlips") ? 1 : 0) + (summary.has("stopping") ? 1 : 0);
        // A tornado chart per output (model or pair) with an input whose rank correlation is defined, and a
        // spider chart per such model.
        for (JsonNode o : summary.path("sensitivity").path("outputs")) {
            boolean varies = false;
            for (JsonNode e : o.get("effects")) {
                varies |= e.get("spearman").isNumber();
            }
            charts += varies ? (o.has("model") ? 2 : 1) : 0;
        }
        List<String> files;
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(charts, files.stream().filter(f -> f.endsWith(".png")).count(), "PNG files: " + files);
        assertEquals(charts, files.stream().filter(f -> f.endsWith(".svg")).count(), "SVG files: " + files);

        Document html = ChartsTest.xmlParser().parse(dir.resolve("report.html").toFile());
        assertEquals(charts, html.getElementsByTagName("figure").getLength(), "figures in report.html");
        NodeList all = html.getElementsByTagName("*");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            assertTrue(id.isEmpty() || ids.add(id), "id used twice in report.html: " + id);
        }
        for (String f : files) {
            if (f.endsWith(".svg")) {
                ChartsTest.xmlParser().parse(dir.resolve("charts").resolve(f).toFile());
            }
        }
    }

    /** No C0 control other than line feed, no DEL or C1 control, and no bidi override in any file written. */
    private static void assertNoControlCharacters(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".png") || name.equals("summary.json") || name.startsWith("scenario.")) {
                    continue; // binary, or the inputs this test wrote
                }
                String text = Files.readString(p);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean bad = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e');
                    assertFalse(bad, name + " holds U+" + Integer.toHexString(c) + " at " + i);
                }
            }
        }
    }

    private static String headings(String md) {
        StringBuilder b = new StringBuilder();
        for (String line : md.split("\n")) {
            if (line.startsWith("#")) {
                b.append(line.replaceAll("[0-9]+", "N")).append('\n');
            }
        }
        return b.toString();
    }

    /** The styles of the SVG groups that stroke lines in this colour (JFreeSVG styles a group per stroke). */
    private static List<String> strokes(String svg, String rgb) {
        List<String> out = new ArrayList<>();
        for (String part : svg.split("<g style='")) {
            String style = part.substring(0, Math.max(part.indexOf('\''), 0));
            if (style.contains("stroke:" + rgb + ";")) {
                out.add(style);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- runs

    /** {@code payrisk run} of a small scenario with these model names; asserts exit 0 and returns the run folder. */
    private Path run(List<String> models) throws IOException {
        Path scenario = tmp.resolve("names.yaml");
        Files.writeString(scenario, HostileNamesScenario.yaml(models));
        Path dir = tmp.resolve("run");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"run", scenario.toString(), "--trials", "40", "--out", dir.toString(),
                "--quiet", "--force"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, rc, "payrisk run: " + err);
        return dir;
    }

    private static int report(Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"report", dir.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertTrue(rc == 0, "payrisk report: " + err);
        return rc;
    }

    /**
     * Renames the models {@code m<i>-placeholder} of a finished run, in summary.json and the scenario copy, and
     * the scenario: text the scenario reader may refuse, but that a summary.json may still hold (an older
     * payrisk wrote it, or a user edited it) and that {@code payrisk report} must render safely.
     */
    private static void rename(Path dir, List<String> models, String scenarioName) throws IOException {
        for (String file : List.of("summary.json", "scenario.yaml")) {
            String text = Files.readString(dir.resolve(file));
            for (int i = 0; i < models.size(); i++) {
                String quoted = HostileNamesScenario.quote(models.get(i));
                text = text.replace("\"m" + i + "-placeholder\"", quoted).replace("m" + i + "-placeholder", quoted);
            }
            text = text.replace("\"Names under test\"", HostileNamesScenario.quote(scenarioName))
                    .replace("Names under test", HostileNamesScenario.quote(scenarioName));
            Files.writeString(dir.resolve(file), text);
        }
    }
}
