package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payrisk.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every shipped scenario in {@code scenarios/} run through the CLI with 300 trials and rendered: the report
 * is well-formed, lists every input with a unit (the unit table knows every quantity the scenario library
 * uses), and shows the cash section, one cash fan per model and the brief's cash line; every brief fits on
 * one page.
 */
class ScenarioLibraryReportTest {

    /** Fields that name or identify something rather than measure it, so they have no unit. */
    private static final Set<String> UNITLESS = Set.of("name", "seed", "openingReceivables");

    @TempDir
    static Path out;

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(all.size() >= 7, "scenario library: " + all);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rendersWithEveryInputUnitAndTheCashView(Path scenario) throws Exception {
        String stem = scenario.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path dir = out.resolve(stem);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int rc = Main.execute(new String[] {"run", scenario.toString(), "--trials", "300", "--out", dir.toString(),
                "--quiet", "--force"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, rc, "payrisk run " + scenario + ": " + stderr);

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        Document html = ChartsTest.xmlParser().parse(dir.resolve("report.html").toFile());

        List<String> missingUnits = new ArrayList<>();
        int rows = 0;
        for (Element tr : bodyRows(html, "assumptions")) {
            NodeList td = tr.getElementsByTagName("td");
            String path = td.item(0).getTextContent().trim();
            String value = td.item(1).getTextContent().trim();
            String unit = td.item(2).getTextContent().trim();
            String field = path.replaceAll("\\[[^\\]]*\\]$", "").replaceAll(".*\\.", "");
            rows++;
            if (unit.isEmpty() && !value.equals("(section)") && !UNITLESS.contains(field)) {
                missingUnits.add(path + " = " + value);
            }
        }
        assertTrue(rows > 20, stem + ": assumptions table has " + rows + " rows");
        assertEquals(List.of(), missingUnits, stem + ": inputs without a unit");

        int models = summary.get("models").size();
        List<Element> cashRows = bodyRows(html, "cash");
        assertEquals(models, cashRows.size(), stem + ": one cash row per model");
        for (int i = 0; i < models; i++) {
            JsonNode m = summary.get("models").get(i);
            String row = cashRows.get(i).getTextContent();
            assertTrue(row.contains(m.get("name").asText()), row);
            double p = m.get("cash").get("probNegativeAnyMonth").asDouble();
            assertTrue(row.contains(String.format(java.util.Locale.US, "%.2f%%", p * 100)), stem + ": " + row);
            assertTrue(Files.isRegularFile(dir.resolve("charts/cash-fan-" + Names.slug(m.get("name").asText())
                    + ".png")), stem + ": cash fan of " + m.get("name"));
        }
        String brief = Files.readString(dir.resolve("brief.md"));
        assertTrue(brief.contains("models[i].cash.probNegativeAnyMonth"), stem + ": brief footnotes the cash line");
        assertTrue(BriefTest.words(brief) < BriefTest.ONE_PAGE_WORDS, stem + ": the brief fits on one page, "
                + BriefTest.words(brief) + " words");
    }

    private static List<Element> bodyRows(Document doc, String tableClass) {
        NodeList tables = doc.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            if (table.getAttribute("class").equals(tableClass)) {
                NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
                List<Element> out = new ArrayList<>();
                for (int r = 0; r < trs.getLength(); r++) {
                    out.add((Element) trs.item(r));
                }
                return out;
            }
        }
        throw new AssertionError("no table." + tableClass);
    }
}
