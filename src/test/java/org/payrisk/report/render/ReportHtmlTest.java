package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * report.html of the fixture run, parsed as XML (the template writes polyglot markup so a plain XML
 * parser can check its structure): headline table, one inline SVG per chart, nothing that loads from the
 * network, every value escaped.
 */
class ReportHtmlTest {

    @Test
    void headlineTableListsEveryModelWithItsNetIncomeRevenueAndCosts() throws Exception {
        RenderedRun run = RenderedRun.get();
        Element table = byId(parse(run.dir.resolve("report.html")), "table", "headline");
        List<String> modelCells = new ArrayList<>();
        NodeList ths = table.getElementsByTagName("th");
        for (int i = 0; i < ths.getLength(); i++) {
            Element th = (Element) ths.item(i);
            if (th.getAttribute("class").contains("model")) {
                modelCells.add(th.getTextContent().trim());
            }
        }
        assertEquals(FixtureRun.MODELS, modelCells);
        String text = table.getTextContent();
        for (JsonNode m : run.summary.get("models")) {
            for (String metric : List.of("netIncome", "revenue", "costs")) {
                JsonNode v = m.get(metric);
                assertTrue(text.contains(ChartStyle.moneyFormat().format(v.get("mean").asDouble())),
                        m.get("name") + " " + metric + " mean");
                assertTrue(text.contains(ChartStyle.moneyFormat().format(v.get("p05").asDouble())),
                        m.get("name") + " " + metric + " p05");
            }
            double probLoss = m.get("netIncome").get("probLoss").asDouble();
            assertTrue(text.contains(String.format(Locale.US, "%.2f%%", probLoss * 100)), "probLoss in percent");
        }
        assertEquals(3 * FixtureRun.MODELS.size(), table.getElementsByTagName("tbody").item(0).getChildNodes()
                .getLength() - whitespaceNodes(table.getElementsByTagName("tbody").item(0).getChildNodes()));
    }

    @Test
    void oneInlineSvgPerChartWithoutXmlProlog() throws Exception {
        RenderedRun run = RenderedRun.get();
        String html = run.read("report.html");
        Document doc = parse(run.dir.resolve("report.html"));
        NodeList figures = doc.getElementsByTagName("figure");
        long charts = run.result.files().stream().filter(p -> p.toString().endsWith(".svg")).count();
        assertEquals(13 + 9 + 1, charts, "13 income and cash charts, 6 tornado and 3 spider charts, the certainty equivalents");
        assertEquals(charts, figures.getLength());
        for (int i = 0; i < figures.getLength(); i++) {
            Element f = (Element) figures.item(i);
            assertEquals(1, f.getElementsByTagName("svg").getLength(), "one svg in figure " + f.getAttribute("id"));
            assertEquals(1, f.getElementsByTagName("figcaption").getLength());
            assertFalse(f.getElementsByTagName("figcaption").item(0).getTextContent().isBlank());
        }
        assertEquals(charts, doc.getElementsByTagName("svg").getLength());
        assertEquals(1, count("<!DOCTYPE", html), "one document type declaration, the page's own");
        assertFalse(html.contains("<?xml"), "inline SVG must not carry an XML prolog");
    }

    @Test
    void selfContainedNoScriptsNoNetworkLoads() throws Exception {
        RenderedRun run = RenderedRun.get();
        String html = run.read("report.html");
        assertNoActiveOrRemoteContent(html);
        Document doc = parse(run.dir.resolve("report.html"));
        for (String tag : List.of("script", "link", "img", "iframe", "object", "embed", "image", "use")) {
            assertEquals(0, doc.getElementsByTagName(tag).getLength(), "<" + tag + "> element");
        }
        assertTrue(html.contains("@media print"), "print styles");
        assertTrue(html.contains("break-inside: avoid"), "charts are not split across pages");
    }

    @Test
    void assumptionsShowEveryInputWithUnitsWordsAndSourceComments() throws Exception {
        RenderedRun run = RenderedRun.get();
        Document doc = parse(run.dir.resolve("report.html"));
        List<List<String>> rows = rows(doc, "assumptions");
        assertTrue(rows.contains(List.of("practice.clinicians", "3", "full-time clinicians", "full-time equivalents", "5")),
                rows.toString());
        assertTrue(rows.contains(List.of("practice.costs.fixedPerMonth", "28,000", "$ per month", "", "8")));
        assertTrue(rows.contains(List.of("practice.costs.perAttendedVisit", "28", "$ per attended visit",
                "per-visit clinician pay + supplies", "8")));
        assertTrue(rows.contains(List.of("demand.newEpisodesPerMonth", "negativeBinomial(mean 42, dispersion 15)",
                "episodes per month", "", "10")));
        assertTrue(rows.contains(List.of("demand.cases[0].unitsPerVisit", "discrete(values 2, 3, 4, weights 0.25, 0.5, 0.25)",
                "15-minute units per visit", "", "19")));
        assertTrue(rows.contains(List.of("models[1].default.capitation.pmpm", "4.10", "$ per member per month", "", "35")));
        assertTrue(rows.contains(List.of("simulation.seed", "20261127", "", "", "3")));
        assertTrue(rows.contains(List.of("models[0].default.paymentLagMonths", "1", "months",
                "ASSUMPTION: claims paid about a month after the visit", "29")), rows.toString());
        assertTrue(rows.contains(List.of("cash.startingReserve", "10,000", "$",
                "ASSUMPTION: a thin reserve, about a week of costs", "43")), rows.toString());
        // The inputs the scenario leaves at their defaults show too, with the default value and no line.
        assertTrue(rows.contains(List.of("warmUpMonths", "6", "months", "default", "0")), rows.toString());
        // 46 scalar, list or distribution inputs in the fixture scenario, each on its own row, then 2 defaults.
        assertEquals(48, rows.size());
    }

    @Test
    void methodsAndProvenanceComeFromSummaryAndRunJson() throws Exception {
        String html = RenderedRun.get().read("report.html");
        // The values as the files hold them, read with plain Jackson.
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = RenderedRun.get().summary;
        JsonNode run = json.readTree(RenderedRun.get().dir.resolve("run.json").toFile());
        for (String s : List.of("Hyndman-Fan type 7", "batch means", summary.get("seed").asText(),
                summary.get("generator").asText(), summary.get("scenario").get("sha256").asText(),
                run.get("startedAt").asText(), "very same simulated patients", summary.get("payriskVersion").asText())) {
            assertTrue(html.contains(s), "report mentions " + s);
        }
    }

    @Test
    void textFromInputFilesIsEscaped() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path dir = RenderedRun.freshDir("escaping");
        FixtureRun.copyTo(dir);
        ObjectNode summary = (ObjectNode) json.readTree(dir.resolve("summary.json").toFile());
        ((ObjectNode) summary.get("scenario")).put("name", "<script>alert('x')</script> & <img src=\"https://e.x/a.png\">");
        json.writeValue(dir.resolve("summary.json").toFile(), summary);
        Files.writeString(dir.resolve("scenario.yaml"), Files.readString(dir.resolve("scenario.yaml"))
                + "notes: \"<iframe src='http://evil.example'></iframe>\"   # <b>bold</b> & more\n");
        ReportRenderer.render(dir);
        for (String file : List.of("report.html", "brief.html")) {
            String html = Files.readString(dir.resolve(file));
            assertNoActiveOrRemoteContent(html);
            assertTrue(html.contains("&lt;script&gt;"), file + " shows the name as text");
            ChartsTest.xmlParser().parse(dir.resolve(file).toFile());
        }
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("&lt;iframe"), "unknown scenario field shown, escaped");
        assertTrue(report.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"), "comment shown, escaped");
    }

    // ---------------------------------------------------------------- helpers

    /** Fails on scripts, event handlers, and anything that would fetch from the network. */
    static void assertNoActiveOrRemoteContent(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "<script");
        assertFalse(lower.contains("javascript:"), "javascript: URL");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(lower).find(), "event handler attribute");
        assertFalse(lower.contains("@import"), "@import");
        Matcher url = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(lower);
        while (url.find()) {
            assertTrue(url.group(1).startsWith("#"), "url(" + url.group(1) + ") loads a resource");
        }
        Matcher attr = Pattern.compile("\\s(?:src|href|xlink:href|srcset|poster|data)\\s*=\\s*['\"]([^'\"]*)").matcher(lower);
        while (attr.find()) {
            assertTrue(attr.group(1).startsWith("#"), "attribute loads " + attr.group(1));
        }
    }

    static Document parse(Path file) throws Exception {
        return ChartsTest.xmlParser().parse(file.toFile());
    }

    private static Element byId(Document doc, String tag, String id) {
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + " id=\"" + id + "\">");
    }

    /** Cell texts of each body row of the table with this class. */
    private static List<List<String>> rows(Document doc, String tableClass) {
        NodeList tables = doc.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if (!table.getAttribute("class").equals(tableClass)) {
                continue;
            }
            List<List<String>> out = new ArrayList<>();
            NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
            for (int r = 0; r < trs.getLength(); r++) {
                NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < tds.getLength(); c++) {
                    cells.add(tds.item(c).getTextContent().trim());
                }
                out.add(cells);
            }
            return out;
        }
        throw new AssertionError("no table." + tableClass);
    }

    private static int whitespaceNodes(NodeList nodes) {
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
                n++;
            }
        }
        return n;
    }

    private static int count(String needle, String hay) {
        int n = 0;
        for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
