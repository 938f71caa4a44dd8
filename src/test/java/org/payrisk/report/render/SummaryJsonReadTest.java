package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.report.SummaryJson;
import org.payrisk.stats.CashSummary;
import org.payrisk.stats.Summaries;

/**
 * Reading summary.json with {@link SummaryJson#read}, as {@code payrisk report} does: the fixture run reads
 * back into the engine's records; a bad or missing file is a one-line ReportInputException naming the file
 * and the field, never an NPE.
 */
class SummaryJsonReadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readsTheFixtureRun() throws IOException {
        FixtureRun.copyTo(dir);
        SummaryJson.Document s = SummaryJson.read(dir.resolve("summary.json"));
        JsonNode json = JSON.readTree(dir.resolve("summary.json").toFile());
        assertEquals(FixtureRun.TRIALS, s.trials());
        assertEquals(3, s.models().size());
        assertEquals(json.get("quantileGrid").size(), s.quantileGrid().length);
        assertEquals(12, s.models().get(2).monthlyNetIncome().size());
        assertEquals(3, s.summary().comparisons().size());
        assertTrue(s.models().get(0).netIncome().mcse() != null);
        CashSummary cash = s.models().get(0).cash();
        assertEquals(13, cash.monthlyBalance().size());
        assertEquals(0, cash.monthlyBalance().get(0).month());
        assertEquals(10_000.0, cash.monthlyBalance().get(0).p05(), "month 0 is the scenario's starting reserve");
        assertEquals(json.get("models").get(0).get("cash").get("probNegativeAnyMonth").asDouble(),
                cash.probNegativeAnyMonth());
        assertEquals(cash.probNegativeAnyMonth(), cash.minBalance().probLoss(), "minBalance.probLoss is the same share");
        assertTrue(s.hasCash());
    }

    @Test
    void missingSummary() {
        ReportInputException e = assertThrows(ReportInputException.class, () -> ReportRenderer.render(dir));
        assertMessage(e, "summary.json: file not found");
    }

    @Test
    void missingOrNonDirectoryRunDir() throws IOException {
        assertMessage(assertThrows(ReportInputException.class, () -> ReportRenderer.render(dir.resolve("nope"))),
                "nope: no such directory");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertMessage(assertThrows(ReportInputException.class, () -> ReportRenderer.render(file)),
                "plain.txt: not a directory");
    }

    @Test
    void emptyAndMalformedJson() throws IOException {
        Files.writeString(dir.resolve("summary.json"), "");
        assertMessage(assertThrows(ReportInputException.class, () -> ReportRenderer.render(dir)),
                "summary.json: file is empty");
        Files.writeString(dir.resolve("summary.json"), "{\n  \"schema\": 1,\n  \"models\": [ oops ]\n}");
        ReportInputException e = assertThrows(ReportInputException.class, () -> ReportRenderer.render(dir));
        assertMessage(e, "summary.json: 3:");
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void wrongShapesNameTheFieldPath() throws IOException {
        expect(s -> ((ObjectNode) s.get("models").get(1).get("netIncome")).remove("p05"),
                "models[1].netIncome.p05: missing");
        expect(s -> ((ObjectNode) s.get("models").get(1).get("netIncome")).put("p05", "abc"),
                "models[1].netIncome.p05: expected a number, found \"abc\"");
        expect(s -> ((ObjectNode) s.get("models").get(0).get("costs")).putNull("mean"),
                "models[0].costs.mean: expected a number, found null");
        expect(s -> ((ArrayNode) s.get("models").get(2).get("monthlyNetIncome")).remove(11),
                "models[2].monthlyNetIncome: expected 12 months (horizonMonths), found 11");
        expect(s -> ((ArrayNode) s.get("models").get(0).get("netIncomeQuantiles")).remove(0),
                "models[0].netIncomeQuantiles: expected " + Summaries.QUANTILE_GRID.length + " values");
        expect(s -> ((ArrayNode) s.get("netIncomeHistogram").get("counts").get("bundled")).add(3),
                "netIncomeHistogram.counts.bundled: expected 60 counts (one per bin), found 61");
        expect(s -> ((ObjectNode) s.get("netIncomeHistogram").get("counts")).remove("capitation"),
                "netIncomeHistogram.counts.capitation: missing");
        expect(s -> ((ObjectNode) s.get("comparisons").get(2)).put("b", "salary"),
                "comparisons[2].b: names no model of this summary: \"salary\"");
        expect(s -> ((ObjectNode) s.get("models").get(2)).put("name", "capitation"),
                "models[2].name: duplicate model name \"capitation\"");
        expect(s -> s.put("schema", 2), "schema: unsupported schema 2 (this payrisk reads schema 1)");
        expect(s -> s.put("models", "none"), "models: expected an array, found \"none\"");
        expect(s -> ((ObjectNode) s.get("models").get(0).get("netIncome")).put("probLoss", 1.5),
                "models[0].netIncome.probLoss: must be a probability in [0, 1], found 1.5");
    }

    @Test
    void aCashObjectThatIsPresentIsHeldToTheContract() throws IOException {
        expect(s -> ((ObjectNode) s.get("models").get(1)).put("cash", 3),
                "models[1].cash: expected an object, found 3");
        expect(s -> ((ObjectNode) s.get("models").get(0).get("cash")).put("probNegativeAnyMonth", -0.1),
                "models[0].cash.probNegativeAnyMonth: must be a probability in [0, 1], found -0.1");
        expect(s -> ((ObjectNode) s.get("models").get(2).get("cash").get("minBalance")).remove("p05"),
                "models[2].cash.minBalance.p05: missing");
        expect(s -> ((ObjectNode) s.get("models").get(0).get("cash")).remove("runwayMonths"),
                "models[0].cash.runwayMonths: missing");
        expect(s -> ((ArrayNode) s.get("models").get(0).get("cash").get("monthlyBalance")).remove(0),
                "models[0].cash.monthlyBalance: expected 13 months (0 to horizonMonths), found 12");
        expect(s -> ((ObjectNode) s.get("models").get(1).get("cash").get("monthlyBalance").get(3)).put("month", 4),
                "models[1].cash.monthlyBalance[3].month: expected month 3, found 4");
    }

    @Test
    void unknownFieldsAreIgnoredAndMcseMayBeNull() throws IOException {
        FixtureRun.copyTo(dir);
        ObjectNode s = (ObjectNode) JSON.readTree(dir.resolve("summary.json").toFile());
        s.putObject("overlays").put("qualityBonus", 0.02);
        ((ObjectNode) s.get("models").get(0).get("cash")).put("overdraftInterest", 0.01);
        ((ObjectNode) s.get("models").get(1).get("netIncome")).putNull("mcse");
        Files.write(dir.resolve("summary.json"), JSON.writeValueAsBytes(s));
        SummaryJson.Document read = SummaryJson.read(dir.resolve("summary.json"));
        assertEquals(null, read.models().get(1).netIncome().mcse());
        RenderResult r = ReportRenderer.render(dir);
        assertTrue(r.files().contains(dir.resolve("report.html")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("\u2014"), "missing MCSE shown as a dash");
    }

    private void expect(Consumer<ObjectNode> breakIt, String message) throws IOException {
        FixtureRun.copyTo(dir);
        ObjectNode s = (ObjectNode) JSON.readTree(dir.resolve("summary.json").toFile());
        breakIt.accept(s);
        Files.write(dir.resolve("summary.json"), JSON.writeValueAsBytes(s));
        assertMessage(assertThrows(ReportInputException.class, () -> ReportRenderer.render(dir)),
                "summary.json: " + message);
    }

    private static void assertMessage(Exception e, String expected) {
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
