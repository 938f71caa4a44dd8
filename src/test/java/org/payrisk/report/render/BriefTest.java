package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every figure in brief.md is a summary.json field after the stated rounding, paired with the right model,
 * and the footnotes name real fields. summary.json is read here with plain Jackson, not with the code
 * under test.
 */
class BriefTest {

    private static final String NAME = "[A-Za-z][A-Za-z0-9-]*";
    /** "$96,500", "$1.2 million", "a loss of $5,000"; a comma after the amount is not part of it. */
    private static final String MONEY = "(?:a loss of (?:more than )?|a profit of )?\\$[0-9]{1,3}(?:,[0-9]{3})*(?:\\.[0-9]+)?(?: million| billion)?";
    private static final String PCT = "(?:(?:less|more) than )?[0-9]+%";
    private static final String FIG = "(" + MONEY + "|" + PCT + ")";
    private static final Pattern ANY_FIGURE = Pattern.compile(FIG);
    /** "$75,400 under fee-for-service", "less than 1% under capitation". */
    private static final Pattern FIG_UNDER = Pattern.compile(FIG + " under (" + NAME + ")");
    /** "Under fee-for-service, 1 year in 20 brings less than $16,200", "under capitation, less than $61,800". */
    private static final Pattern UNDER_FIG = Pattern.compile(
            "(?:^|; )[Uu]nder (" + NAME + "), (?:1 year in 20 brings )?(?:less than )?" + FIG);
    /** "best under bundled, at $111,000". */
    private static final Pattern BEST_AT = Pattern.compile("best under (" + NAME + "), at " + FIG);
    /** "in 7% of simulated years under fee-for-service", "in less than 1% under capitation". */
    private static final Pattern IN_FIG_UNDER = Pattern.compile(
            "in " + FIG + "(?: of simulated years)? under (" + NAME + ")");
    /** The paired line: "For the same patients, a brings more net income than b in 62% of simulated years, a than c in ...". */
    private static final Pattern PAIRED = Pattern.compile(
            "^For the same patients, (" + NAME + ") brings more net income than (" + NAME + ") in (" + PCT + ") of simulated years");
    /** Every further pair of the paired line: ", a than c in 40%", " and b than c in 30%". */
    private static final Pattern PAIRED_MORE = Pattern.compile("(?:, | and )(" + NAME + ") than (" + NAME + ") in (" + PCT + ")");
    /** The driver line's footnote field. */
    private static final String SENSITIVITY_FIELD = "sensitivity.outputs[i].effects[k].meanHighDecile";
    /** The driver line when every model has the same driver: "... net income averages $50,500 more under a, ...". */
    private static final Pattern DRIVER_SAME = Pattern.compile(
            "^The biggest driver of income risk is (.+?)(?: under every model)?: in the tenth of years where it is highest, "
                    + "net income averages (.+) than in the tenth where it is lowest\\.$");
    /** The driver line when the drivers differ: "... is cancellation rate under a ($12,300 less) and ...". */
    private static final Pattern DRIVER_EACH = Pattern.compile(
            "^The biggest driver of income risk is (.+): net income in the tenth of years where it is highest against the "
                    + "tenth where it is lowest\\.$");
    /** "$50,500 more under fee-for-service". */
    private static final Pattern SWING_UNDER = Pattern.compile("(" + MONEY + ") (less|more) under (" + NAME + ")");
    /** "under fee-for-service ($12,300 less)". */
    private static final Pattern UNDER_SWING = Pattern.compile("under (" + NAME + ") \\((" + MONEY + ") (less|more)\\)");
    /** "a year is worth for sure $93,900 under capitation", "..., a loss of $5,000 under bundled". */
    private static final Pattern SURE = Pattern.compile("(?:for sure |, | and )((?:a loss of )?\\$[0-9]{1,3}(?:,[0-9]{3})*(?:\\.[0-9]+)?(?: million| billion)?) under (" + NAME + ")");
    private static final Pattern FINDING = Pattern.compile("^- (.+) \\[([0-9]+)\\]$");
    private static final Pattern SOURCE = Pattern.compile("^- \\[([0-9]+)\\] summary\\.json `([^`]+)`: .+$");

    @Test
    void everyFigureIsASummaryFieldAfterTheStatedRounding() throws IOException {
        RenderedRun run = RenderedRun.get();
        String md = run.read("brief.md");
        Map<Integer, String> sources = sources(md);
        List<String[]> findings = findings(md);
        assertTrue(findings.size() >= 5, "findings: " + findings.size());
        JsonNode models = run.summary.get("models");
        int comparison = 0;
        int flip = 0;
        int checkedFigures = 0;
        int drivers = 0;
        for (String[] f : findings) {
            String text = f[0];
            String field = sources.get(Integer.parseInt(f[1]));
            assertTrue(field != null, "finding without a footnote source: " + text);
            if (field.startsWith("models[i].certaintyEquivalent[")) {
                String index = field.substring("models[i].certaintyEquivalent[".length(), field.lastIndexOf(']'));
                Map<String, String> expected = new LinkedHashMap<>();
                for (JsonNode m : models) {
                    JsonNode point = m.get("certaintyEquivalent").get(Integer.parseInt(index));
                    double v = point.get("value").asDouble();
                    expected.put(m.get("name").asText(), (v < 0 ? "loss of " : "") + PlainNumbers.dollars(Math.abs(v)));
                    String tolerance = "a risk tolerance of " + PlainNumbers.dollars(point.get("riskTolerance").asDouble());
                    assertTrue(text.startsWith("To an owner with " + tolerance + ", "), text);
                }
                Map<String, String> written = new LinkedHashMap<>();
                Matcher m = SURE.matcher(text);
                while (m.find()) {
                    written.put(m.group(2), m.group(1).replaceFirst("^a loss", "loss"));
                }
                assertEquals(expected, written, "certainty equivalents of: " + text);
                assertEquals(expected.size() + 1, count(ANY_FIGURE, text), "stray figure in: " + text);
                checkedFigures += written.size();
            } else if (field.equals("preferenceFlips[k].riskTolerance")) {
                JsonNode fl = run.summary.get("preferenceFlips").get(flip++);
                assertEquals("An owner with a risk tolerance below about " + PlainNumbers.dollars(fl.get("riskTolerance")
                        .asDouble()) + " prefers " + fl.get("below").asText() + ", one above it " + fl.get("above").asText()
                        + ".", text);
            } else if (field.startsWith("models[i].")) {
                String leaf = field.substring("models[i].".length());
                Map<String, String> expected = new LinkedHashMap<>();
                for (JsonNode m : models) {
                    expected.put(m.get("name").asText(), format(leaf, at(m, leaf)));
                }
                String counted = text;
                if (leaf.startsWith("cash.")) {
                    // The one figure not from summary.json: the reserve the balance starts from, from the scenario copy.
                    String reserve = "a starting reserve of " + PlainNumbers.dollars(startingReserve(run));
                    assertTrue(text.contains(reserve), "cash line states the starting reserve: " + text);
                    counted = text.replace(reserve, "a starting reserve");
                }
                Map<String, String> written = figuresByModel(counted);
                assertEquals(expected, written, "figures of: " + text);
                assertEquals(expected.size(), count(ANY_FIGURE, counted), "stray figure in: " + text);
                checkedFigures += written.size();
            } else if (field.equals("comparisons[k].probAGreater")) {
                Matcher m = PAIRED.matcher(text);
                assertTrue(m.find(), "paired comparison sentence: " + text);
                List<String[]> pairs = new ArrayList<>();
                pairs.add(new String[] {m.group(1), m.group(2), m.group(3)});
                Matcher more = PAIRED_MORE.matcher(text.substring(m.end()));
                while (more.find()) {
                    pairs.add(new String[] {more.group(1), more.group(2), more.group(3)});
                }
                for (String[] pair : pairs) {
                    JsonNode c = run.summary.get("comparisons").get(comparison++);
                    assertEquals(c.get("a").asText(), pair[0], "a user's name is kept as written, even at a sentence start");
                    assertEquals(c.get("b").asText(), pair[1]);
                    assertEquals(PlainNumbers.percent(c.get("probAGreater").asDouble()), pair[2]);
                    checkedFigures++;
                }
                assertEquals(pairs.size(), count(ANY_FIGURE, text), "stray figure in: " + text);
            } else if (field.equals(SENSITIVITY_FIELD)) {
                // The driver of each model is the input with the largest |spearman| for its net income.
                Map<String, String> expected = new LinkedHashMap<>();
                for (JsonNode out : run.summary.get("sensitivity").get("outputs")) {
                    if (!out.hasNonNull("model")) {
                        continue;
                    }
                    JsonNode best = null;
                    for (JsonNode e : out.get("effects")) {
                        if (e.hasNonNull("spearman") && (best == null
                                || Math.abs(e.get("spearman").asDouble()) > Math.abs(best.get("spearman").asDouble()))) {
                            best = e;
                        }
                    }
                    double swing = best.get("meanHighDecile").asDouble() - best.get("meanLowDecile").asDouble();
                    expected.put(out.get("model").asText(), PlainNumbers.dollars(Math.abs(swing)) + (swing < 0 ? " less" : " more"));
                }
                Map<String, String> written = new LinkedHashMap<>();
                Matcher same = DRIVER_SAME.matcher(text);
                Matcher each = DRIVER_EACH.matcher(text);
                Matcher m = same.matches() ? SWING_UNDER.matcher(same.group(2)) : UNDER_SWING.matcher(text);
                assertTrue(same.matches() || each.matches(), "driver sentence: " + text);
                while (m.find()) {
                    written.put(same.matches() ? m.group(3) : m.group(1),
                            same.matches() ? m.group(1) + " " + m.group(2) : m.group(2) + " " + m.group(3));
                }
                assertEquals(expected, written, "driver swings of: " + text);
                assertEquals(expected.size(), count(ANY_FIGURE, text), "stray figure in: " + text);
                drivers += written.size();
                checkedFigures += written.size();
            } else {
                throw new AssertionError("footnote names a field this test does not know: " + field);
            }
        }
        assertEquals(run.summary.get("comparisons").size(), comparison, "one finding per comparison");
        assertEquals(3, drivers, "one driver line per model");
        assertEquals(run.summary.get("preferenceFlips").size(), flip, "one finding per preference flip");
        assertEquals(3 * 7 + 3, checkedFigures, "p05, p50, probLoss, worst5Mean, cash.probNegativeAnyMonth, "
                + "the driver's swing and the certainty equivalent per model + 3 comparisons");
    }

    @Test
    void leadsWithTheOneYearInTwentyComparison() throws IOException {
        List<String[]> findings = findings(RenderedRun.get().read("brief.md"));
        JsonNode first = RenderedRun.get().summary.get("models").get(0);
        assertTrue(findings.get(0)[0].startsWith("Under " + first.get("name").asText() + ", 1 year in 20 brings less than "
                + PlainNumbers.dollars(first.get("netIncome").get("p05").asDouble()) + " of net income; under "),
                findings.get(0)[0]);
    }

    @Test
    void footnotesNameFieldsThatExistInSummaryJson() throws IOException {
        RenderedRun run = RenderedRun.get();
        for (String field : sources(run.read("brief.md")).values()) {
            String concrete = field.replace("[i]", "[0]").replace("[k]", "[0]");
            JsonNode n = run.summary;
            for (String part : concrete.split("\\.")) {
                Matcher m = Pattern.compile("(\\w+)\\[(\\d+)\\]").matcher(part);
                n = m.matches() ? n.get(m.group(1)).get(Integer.parseInt(m.group(2))) : n.get(part);
                assertTrue(n != null, field + " is not a summary.json field");
            }
            assertTrue(n.isNumber(), field + " is not a number");
        }
    }

    @Test
    void briefHtmlSaysTheSameFindingsAsBriefMd() throws Exception {
        RenderedRun run = RenderedRun.get();
        List<String> md = findings(run.read("brief.md")).stream().map(f -> f[0]).toList();
        Document html = ChartsTest.xmlParser().parse(run.dir.resolve("brief.html").toFile());
        NodeList items = ((org.w3c.dom.Element) html.getElementsByTagName("ul").item(0)).getElementsByTagName("li");
        List<String> fromHtml = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            fromHtml.add(items.item(i).getTextContent().replaceAll("\\s*\\[[0-9]+\\]$", "").trim());
        }
        assertEquals(md, fromHtml);
        String htmlText = Files.readString(run.dir.resolve("brief.html"));
        assertFalse(htmlText.toLowerCase().contains("<script"));
    }

    @Test
    void namesTheDrivingInputsWithTheirSourceNotes() throws IOException {
        String md = RenderedRun.get().read("brief.md");
        assertTrue(md.contains("Fixed costs: $28,000 per month"), md);
        assertTrue(md.contains("Variable cost: $28 per attended visit (source note: per-visit clinician pay + supplies)"));
        assertTrue(md.contains("New patients (episodes of care): negativeBinomial(mean 42, dispersion 15)"), md);
        assertTrue(md.contains("Payer mix: medicare 55%, commercial 35%, medicaid 10%"));
        assertTrue(md.contains("$100.60 per evaluation"), "cents kept as written");
        assertTrue(md.contains("not a forecast"), "limits");
        assertTrue(words(md) < ONE_PAGE_WORDS, "fits on one page: " + words(md) + " words");
    }

    @Test
    void cashLineNamesTheChanceOfAnOverdrawnMonthPerModelWithItsField() throws IOException {
        RenderedRun run = RenderedRun.get();
        String md = run.read("brief.md");
        JsonNode models = run.summary.get("models");
        String expected = "With the payment delays assumed and a starting reserve of "
                + PlainNumbers.dollars(startingReserve(run)) + ", the bank balance (cash received less costs) ends some "
                + "month below zero in "
                + PlainNumbers.percent(models.get(0).get("cash").get("probNegativeAnyMonth").asDouble())
                + " of simulated years under fee-for-service, in "
                + PlainNumbers.percent(models.get(1).get("cash").get("probNegativeAnyMonth").asDouble())
                + " under capitation and in "
                + PlainNumbers.percent(models.get(2).get("cash").get("probNegativeAnyMonth").asDouble())
                + " under bundled.";
        List<String[]> cash = findings(md).stream().filter(f -> f[0].contains("bank balance")).toList();
        assertEquals(1, cash.size(), md);
        assertEquals(expected, cash.get(0)[0]);
        assertEquals("models[i].cash.probNegativeAnyMonth", sources(md).get(Integer.parseInt(cash.get(0)[1])));
        // The pairing of figure and model is only tested where the rounded chances differ: make sure some do.
        List<String> chances = new ArrayList<>();
        for (JsonNode m : models) {
            chances.add(PlainNumbers.percent(m.get("cash").get("probNegativeAnyMonth").asDouble()));
        }
        assertTrue(new java.util.HashSet<>(chances).size() > 1, "all the fixture's chances read the same: " + chances);
    }

    /** The fixture scenario copy's {@code cash.startingReserve}, read with plain Jackson. */
    private static double startingReserve(RenderedRun run) throws IOException {
        JsonNode reserve = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(run.dir.resolve("scenario.yaml").toFile()).path("cash").path("startingReserve");
        assertTrue(reserve.isNumber(), "the fixture scenario sets cash.startingReserve");
        return reserve.asDouble();
    }

    @Test
    void negativeAmountsAreWrittenAsLosses() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path dir = RenderedRun.freshDir("brief-loss");
        FixtureRun.copyTo(dir);
        ObjectNode summary = (ObjectNode) json.readTree(dir.resolve("summary.json").toFile());
        ObjectNode net = (ObjectNode) summary.get("models").get(0).get("netIncome");
        net.put("p05", -12_345.6);
        net.put("worst5Mean", -40_020.0);
        json.writeValue(dir.resolve("summary.json").toFile(), summary);
        ReportRenderer.render(dir);
        String md = Files.readString(dir.resolve("brief.md"));
        assertTrue(md.contains("Under fee-for-service, 1 year in 20 brings a loss of more than $12,300; under capitation"), md);
        assertTrue(md.contains("net income averages a loss of $40,000 under fee-for-service"), md);
        // beside a loss, a positive figure says what it is, or it would read as a loss too
        assertTrue(md.matches("(?s).*; under capitation, less than \\$[0-9,.]+( million)? of net income.*"), md);
        assertTrue(md.matches("(?s).*a loss of \\$40,000 under fee-for-service, a profit of \\$[0-9,.]+( million)? under capitation.*"), md);
        assertFalse(md.contains("-$"), "no minus signs in prose");
    }

    // ---------------------------------------------------------------- parsing brief.md

    /** [text, note] of each bullet under "What the simulation shows". */
    static List<String[]> findings(String md) {
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ")) {
                in = line.equals("## What the simulation shows");
                continue;
            }
            Matcher m = FINDING.matcher(line);
            if (in && m.matches()) {
                out.add(new String[] {m.group(1), m.group(2)});
            } else if (in && line.startsWith("- ")) {
                throw new AssertionError("finding without a footnote marker: " + line);
            }
        }
        return out;
    }

    private static Map<Integer, String> sources(String md) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String line : md.split("\n")) {
            Matcher m = SOURCE.matcher(line);
            if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        assertFalse(out.isEmpty(), "no footnotes found");
        return out;
    }

    /** The figure written for each model in a sentence, normalised: "a loss of $X" becomes "-$X". */
    private static Map<String, String> figuresByModel(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Pattern p : List.of(FIG_UNDER, UNDER_FIG, BEST_AT, IN_FIG_UNDER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                boolean figFirst = p == FIG_UNDER || p == IN_FIG_UNDER;
                String fig = normalise(m.group(figFirst ? 1 : 2));
                String model = m.group(figFirst ? 2 : 1);
                String previous = out.put(model, fig);
                if (previous != null && !previous.equals(fig)) {
                    throw new AssertionError(model + " has two figures in: " + text);
                }
            }
        }
        return out;
    }

    private static String normalise(String fig) {
        return fig.replaceFirst("^a loss of (more than )?\\$", "-\\$").replaceFirst("^a profit of \\$", "\\$");
    }

    /** The rounding the brief promises, applied to a summary.json value. */
    private static String format(String leaf, double v) {
        return leaf.endsWith("probLoss") || leaf.endsWith("probNegativeAnyMonth")
                ? PlainNumbers.percent(v) : PlainNumbers.dollars(v);
    }

    private static double at(JsonNode node, String dotted) {
        JsonNode n = node;
        for (String part : dotted.split("\\.")) {
            n = n.get(part);
        }
        return n.asDouble();
    }

    /** Words of a brief that fits on one printed page. */
    static final int ONE_PAGE_WORDS = 900;

    /** @return the words of a text, as a word counter counts them (runs of non-space) */
    static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
