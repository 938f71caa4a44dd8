package org.payrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.cli.Main;

/**
 * trials.csv's header never holds a cell a spreadsheet would run as a formula (OWASP's CSV injection
 * rule: a cell starting with {@code = + - @}, tab or carriage return), and stays one column per field,
 * readable by any CSV reader.
 */
class TrialsCsvTest {

    @TempDir
    Path tmp;

    @Test
    void modelNamesThatLookLikeFormulasAreNeutralisedInTheHeader() throws Exception {
        List<String> names = List.of("=HYPERLINK(\"http://example.com\",\"x\")", "+1+1", "-2", "@SUM(A1:A2)",
                "'=quoted", "plain, with a comma");
        Path scenario = tmp.resolve("csv.yaml");
        Files.writeString(scenario, org.payrisk.report.render.HostileNamesScenario.yaml(names));
        Path dir = tmp.resolve("run");
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"run", scenario.toString(), "--trials", "30", "--out", dir.toString(),
                "--quiet", "--no-report", "--export-trials"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(0, rc, "payrisk run: " + err);

        List<List<String>> rows = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class)
                .readValues(dir.resolve("trials.csv").toFile())) {
            it.forEachRemaining(rows::add);
        }
        List<String> header = rows.get(0);
        assertEquals(31, rows.size(), "header and one row per trial");
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), "every row has one cell per column");
        }
        // trial, 4 columns per model, 4 activity counters, then the scenario's 2 recorded inputs
        assertEquals(1 + 4 * names.size() + 4 + 2, header.size(), String.valueOf(header));
        assertEquals(List.of("input:demand.newEpisodesPerMonth:total", "input:demand.cases[general].followUpVisits:mean"),
                header.subList(header.size() - 2, header.size()));
        assertEquals(header.size(), new HashSet<>(header).size(), "distinct columns: " + header);
        for (String cell : header) {
            assertFalse(cell.matches("(?s)^[=+\\-@\t\r].*"), "formula cell in trials.csv header: " + cell);
        }
        List<String> expected = List.of("'=HYPERLINK(\"http://example.com\",\"x\")", "'+1+1", "'-2", "'@SUM(A1:A2)",
                "''=quoted", "plain, with a comma");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(expected.get(i) + ".netIncome", header.get(1 + 4 * i));
        }
    }

    @Test
    void headerTextIsOneToOneAndHidesEveryFormulaStartAndControlCharacter() {
        List<String> names = List.of("=a", "'=a", "''=a", "a", "\ta", "\ra", "\uff1da", "\uff0ba", "\uff0da",
                "\uff20a", "a\u001bb", "a\u007fb", "a\u009bb", "line\nbreak");
        List<String> texts = names.stream().map(TrialsCsv::headerText).toList();
        assertEquals(names.size(), new HashSet<>(texts).size(), "distinct names keep distinct headers: " + texts);
        for (String t : texts) {
            assertFalse("=+-@\t\r\uff1d\uff0b\uff0d\uff20".indexOf(t.charAt(0)) >= 0, "formula start: " + t);
            assertTrue(t.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || (c >= 0x7f && c <= 0x9f)), "control character in " + t);
        }
        assertEquals("a", TrialsCsv.headerText("a"), "ordinary names are unchanged");
        assertEquals("a\u241bb", TrialsCsv.headerText("a\u001bb"));
        assertNotEquals(TrialsCsv.headerText("=a"), TrialsCsv.headerText("'=a"));
    }
}
