package org.payrisk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.cli.Main;

/**
 * Sensitivity, end to end through {@code payrisk run --export-trials}: the summary's {@code sensitivity}
 * object is recomputed from trials.csv by independent, deliberately naive code (O(n²) tie-aware ranks,
 * a boxed sort, commons-math3's OLS for R²) and must agree; a model whose net income is a strictly
 * increasing function of one input has spearman exactly 1 with it; an input that cannot reach a model
 * has |spearman| within 4 standard errors of 0; the figures are byte-identical on 1 and 2 threads.
 *
 * <p>The scenario is built by hand so the answer is known: capitation's net income is
 * pmpm x 1,000 members x 12 months - $60,000 of fixed costs (no cost per visit), strictly increasing
 * in the drawn pmpm; fee-for-service never sees the pmpm, whose stream is keyed by its own path.
 */
class SensitivityTest {

    static final int TRIALS = 2_500; // three engine blocks of 1,024, so 2 threads really split the work

    static final String SCENARIO = String.join("\n",
            "name: Sensitivity check",
            "horizonMonths: 12",
            "simulation: { trials: 100, seed: 11 }",
            "practice:",
            "  clinicians: 1.0",
            "  visitsPerClinicianDay: 10",
            "  workdaysPerMonth: 20",
            "  costs: { fixedPerMonth: 5000, perAttendedVisit: 0 }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 10 } }",
            "  cancellationRate: { beta: { mean: 0.11, sd: 0.03 } }",
            "  payers: { commercial: 1 }",
            "  cases:",
            "    - name: general",
            "      share: 1",
            "      followUpVisits: { negativeBinomial: { mean: 9, dispersion: 2 } }",
            "      visitsPerMonth: 8",
            "      unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } }",
            "models:",
            "  - name: capitation",
            "    default:",
            "      capitation: { pmpm: { uniform: { min: 3, max: 6 } }, members: 1000 }",
            "  - name: fee-for-service",
            "    default:",
            "      feeForService: { evaluation: 125.0, perUnit: 36.0, denialRate: { beta: { mean: 0.06, sd: 0.02 } } }",
            "");

    static final String PMPM = "models[capitation].default.capitation.pmpm";

    @TempDir
    static Path tmp;

    static JsonNode summary;
    static byte[] summaryBytes;
    static List<String> header;
    static double[][] columns; // by header column, per trial

    @BeforeAll
    static void run() throws Exception {
        Path dir = runCli(2, "two");
        summaryBytes = Files.readAllBytes(dir.resolve("summary.json"));
        summary = new ObjectMapper().readTree(summaryBytes);
        List<List<String>> rows = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class)
                .readValues(dir.resolve("trials.csv").toFile())) {
            it.forEachRemaining(rows::add);
        }
        header = rows.get(0);
        columns = new double[header.size()][TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            for (int c = 0; c < header.size(); c++) {
                columns[c][t] = Double.parseDouble(rows.get(t + 1).get(c));
            }
        }
    }

    private static Path runCli(int threads, String name) throws Exception {
        Path scenario = tmp.resolve("sens.yaml");
        Files.writeString(scenario, SCENARIO);
        Path dir = tmp.resolve(name);
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"run", scenario.toString(), "--trials", Integer.toString(TRIALS),
                "--threads", Integer.toString(threads), "--out", dir.toString(), "--quiet", "--no-report",
                "--export-trials"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, rc, "payrisk run: " + err);
        return dir;
    }

    private static double[] column(String name) {
        int c = header.indexOf(name);
        assertTrue(c >= 0, "trials.csv has no column " + name + ": " + header);
        return columns[c];
    }

    private static JsonNode output(String model) {
        for (JsonNode o : summary.get("sensitivity").get("outputs")) {
            if (model.equals(o.path("model").asText(null))) {
                return o;
            }
        }
        throw new AssertionError("no sensitivity output for " + model);
    }

    private static JsonNode effect(JsonNode output, String input) {
        for (JsonNode e : output.get("effects")) {
            if (e.get("input").asText().equals(input)) {
                return e;
            }
        }
        throw new AssertionError("no effect of " + input);
    }

    @Test
    void trialsCsvHasOneInputColumnPerRecordedInputAfterTheExistingColumns() {
        List<String> inputs = new ArrayList<>();
        summary.get("sensitivity").get("inputs").forEach(n -> inputs.add(n.asText()));
        assertTrue(inputs.contains(PMPM) && inputs.contains("demand.cancellationRate"), String.valueOf(inputs));
        int first = 1 + 4 * 2 + 4; // trial, 4 per model, 4 activity counters
        assertEquals(first + inputs.size(), header.size(), String.valueOf(header));
        assertEquals("units", header.get(first - 1));
        for (int k = 0; k < inputs.size(); k++) {
            assertEquals("input:" + inputs.get(k), header.get(first + k));
        }
    }

    @Test
    void aNetIncomeThatIncreasesStrictlyWithOneInputHasSpearmanExactlyOne() {
        JsonNode e = effect(output("capitation"), PMPM);
        assertEquals(1.0, e.get("spearman").asDouble(), 0.0);
        assertEquals(0.0, e.get("spearmanStdError").asDouble(), 0.0);
        // The check is not vacuous: the pmpm really varies and capitation's net income follows it exactly.
        double[] pmpm = column("input:" + PMPM);
        double[] net = column("capitation.netIncome");
        for (int t = 0; t < TRIALS; t++) {
            assertEquals(pmpm[t] * 1000 * 12 - 60_000, net[t], 1e-6);
        }
        assertEquals(1.0, output("capitation").get("rankRSquared").asDouble(), 1e-12);
    }

    /**
     * Fee-for-service's net income cannot depend on the capitation rate. Under independence, spearman
     * times sqrt(n - 1) is asymptotically standard normal; the Bonett-Wright standard error at r = 0 is
     * 1/sqrt(n - 3), slightly larger than the exact null sd 1/sqrt(n - 1), so P(|spearman| &gt; 4 SE) is at
     * most about 2 P(Z &gt; 4) = 6.3e-5: the false-failure rate of this test.
     */
    @Test
    void anInputThatCannotReachAModelHasSpearmanWithinFourStandardErrorsOfZero() {
        JsonNode e = effect(output("fee-for-service"), PMPM);
        double r = e.get("spearman").asDouble();
        double se = e.get("spearmanStdError").asDouble();
        assertEquals(1 / Math.sqrt(TRIALS - 3), se, 1e-3 / Math.sqrt(TRIALS), "SE near r = 0");
        assertTrue(Math.abs(r) < 4 * se, "|spearman| = " + Math.abs(r) + " >= 4 SE = " + 4 * se);
    }

    @Test
    void everySensitivityFigureMatchesAnIndependentRecomputationFromTrialsCsv() {
        List<String> inputs = new ArrayList<>();
        summary.get("sensitivity").get("inputs").forEach(n -> inputs.add(n.asText()));
        List<String> models = List.of("capitation", "fee-for-service");
        List<double[]> outputs = new ArrayList<>();
        for (String m : models) {
            outputs.add(column(m + ".netIncome"));
        }
        double[] a = column("capitation.netIncome");
        double[] b = column("fee-for-service.netIncome");
        double[] d = new double[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            d[t] = a[t] - b[t];
        }
        outputs.add(d);
        JsonNode outs = summary.get("sensitivity").get("outputs");
        assertEquals(3, outs.size());
        assertEquals("capitation", outs.get(2).get("a").asText());
        assertEquals("fee-for-service", outs.get(2).get("b").asText());
        int checked = 0;
        for (int o = 0; o < outputs.size(); o++) {
            double[] y = outputs.get(o);
            JsonNode out = outs.get(o);
            double[] r = new double[inputs.size()];
            double sumSq = 0;
            for (int k = 0; k < inputs.size(); k++) {
                double[] x = column("input:" + inputs.get(k));
                r[k] = naiveSpearman(x, y);
                sumSq += Double.isNaN(r[k]) ? 0 : r[k] * r[k];
            }
            for (int k = 0; k < inputs.size(); k++) {
                String where = out + " / " + inputs.get(k);
                JsonNode e = out.get("effects").get(k);
                assertEquals(inputs.get(k), e.get("input").asText());
                double[] x = column("input:" + inputs.get(k));
                if (Double.isNaN(r[k])) {
                    assertTrue(e.get("spearman").isNull(), where);
                    continue;
                }
                assertEquals(r[k], e.get("spearman").asDouble(), 1e-12, where);
                int n = (int) java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).count();
                assertEquals(n, e.get("trials").asInt(), where);
                double se = (1 - r[k] * r[k]) * Math.sqrt((1 + r[k] * r[k] / 2) / (n - 3));
                assertEquals(se, e.get("spearmanStdError").asDouble(), 1e-12, where);
                assertEquals(Math.signum(r[k]) * r[k] * r[k] / sumSq, e.get("contributionToVariance").asDouble(), 1e-12,
                        where);
                List<Integer> order = new ArrayList<>();
                for (int t = 0; t < TRIALS; t++) {
                    if (!Double.isNaN(x[t])) {
                        order.add(t);
                    }
                }
                order.sort(Comparator.<Integer>comparingDouble(t -> x[t]).thenComparingInt(t -> t));
                int tenth = (n + 9) / 10;
                assertEquals(meanOf(y, order.subList(0, tenth)), e.get("meanLowDecile").asDouble(),
                        1e-9 * Math.abs(e.get("meanLowDecile").asDouble()), where);
                assertEquals(meanOf(y, order.subList(n - tenth, n)), e.get("meanHighDecile").asDouble(),
                        1e-9 * Math.abs(e.get("meanHighDecile").asDouble()), where);
                for (int g = 0; g < 10; g++) {
                    double expected = meanOf(y, order.subList(g * n / 10, (g + 1) * n / 10));
                    assertEquals(expected, e.get("deciles").get(g).asDouble(), 1e-9 * Math.abs(expected), where);
                }
                checked++;
            }
            // R² by commons-math3's OLS (QR inside) on naive ranks, over trials that drew every input.
            List<Integer> rows = new ArrayList<>();
            for (int t = 0; t < TRIALS; t++) {
                boolean all = true;
                for (String in : inputs) {
                    all &= !Double.isNaN(column("input:" + in)[t]);
                }
                if (all) {
                    rows.add(t);
                }
            }
            double[] yr = naiveRanks(pick(y, rows));
            double[][] xr = new double[rows.size()][inputs.size()];
            for (int k = 0; k < inputs.size(); k++) {
                double[] rk = naiveRanks(pick(column("input:" + inputs.get(k)), rows));
                for (int t = 0; t < rows.size(); t++) {
                    xr[t][k] = rk[t];
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(yr, xr);
            assertEquals(ols.calculateRSquared(), out.get("rankRSquared").asDouble(), 1e-9, "R² of " + out.get("model"));
        }
        assertTrue(checked >= 3 * 3, "checked " + checked + " (output, input) pairs");
    }

    @Test
    void sensitivityIsByteIdenticalOnOneAndTwoThreads() throws Exception {
        byte[] one = Files.readAllBytes(runCli(1, "one").resolve("summary.json"));
        assertArrayEquals(summaryBytes, one);
        assertTrue(new String(one, java.nio.charset.StandardCharsets.UTF_8).contains("\"sensitivity\""));
    }

    @Test
    void summaryJsonReadsWhatItWritesWithTheSensitivityObjectIncludingUndefinedFigures() throws Exception {
        SummaryJson.Document doc = SummaryJson.read(tmp.resolve("summary.json"), summaryBytes);
        assertArrayEquals(summaryBytes, SummaryJson.toBytes(doc), "write(read(summary.json)) == summary.json");
        // Identical models (a constant difference) and a constant input: spearman, its SE, the contribution
        // and R² are undefined, written as null and read back as NaN.
        double[] net = column("capitation.netIncome");
        double[] constant = new double[TRIALS];
        java.util.Arrays.fill(constant, 0.25);
        org.payrisk.stats.Sensitivity sens = org.payrisk.stats.RankSensitivity.of(List.of("capitation", "fee-for-service"),
                new double[][] {net, net}, List.of("constant", PMPM), new double[][] {constant, column("input:" + PMPM)});
        org.payrisk.stats.RunSummary s = doc.summary();
        SummaryJson.Document with = new SummaryJson.Document(doc.schema(), doc.payriskVersion(), doc.scenarioName(),
                doc.scenarioFile(), doc.scenarioSha256(), doc.seed(), doc.warmUpMonths(), doc.generator(),
                doc.quantileMethod(), doc.mcseMethod(), doc.quantileGrid(), new org.payrisk.stats.RunSummary(s.trials(),
                s.horizonMonths(), s.models(), s.comparisons(), s.activity(), sens));
        byte[] bytes = SummaryJson.toBytes(with);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"spearman\" : null") && text.contains("\"rankRSquared\" : null"), text);
        assertTrue(Double.isNaN(sens.outputs().get(2).rankRSquared()), "a constant difference explains nothing");
        assertEquals(1.0, sens.outputs().get(0).effects().get(1).contributionToVariance(), 0.0,
                "the one defined correlation holds all of the variance");
        assertArrayEquals(bytes, SummaryJson.toBytes(SummaryJson.read(tmp.resolve("again.json"), bytes)));
    }

    // ---------------------------------------------------------------- the independent routine

    /** Average ranks by counting: rank_i = 1 + #{x_j &lt; x_i} + (#{x_j = x_i} - 1) / 2. */
    static double[] naiveRanks(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int less = 0;
            int equal = 0;
            for (double v : x) {
                if (v < x[i]) {
                    less++;
                } else if (v == x[i]) {
                    equal++;
                }
            }
            r[i] = 1 + less + (equal - 1) / 2.0;
        }
        return r;
    }

    /** Spearman over the trials where x is not NaN; NaN when either side is constant. */
    static double naiveSpearman(double[] x, double[] y) {
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t])) {
                rows.add(t);
            }
        }
        double[] rx = naiveRanks(pick(x, rows));
        double[] ry = naiveRanks(pick(y, rows));
        double n = rx.length;
        double mean = (n + 1) / 2; // the mean of average ranks is always (n + 1) / 2
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mean) * (ry[i] - mean);
            sxx += (rx[i] - mean) * (rx[i] - mean);
            syy += (ry[i] - mean) * (ry[i] - mean);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx) / Math.sqrt(syy);
    }

    private static double[] pick(double[] x, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[rows.get(i)];
        }
        return out;
    }

    private static double meanOf(double[] y, List<Integer> trials) {
        double s = 0;
        for (int t : trials) {
            s += y[t];
        }
        return s / trials.size();
    }
}
