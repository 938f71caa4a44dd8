package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunPipeline;
import org.payrisk.report.SummaryJson;
import org.payrisk.scenario.Scenario;
import org.payrisk.testing.Scenarios;

/**
 * Certainty equivalents under CARA: closed forms of small samples, numerical stability far beyond
 * where exp overflows, the flip tolerance against one found analytically, and summary.json's values
 * recomputed from trials.csv.
 */
class CertaintyEquivalentsTest {

    @TempDir
    Path tmp;

    @Test
    void aTwoPointSampleMatchesItsClosedForm() {
        double loss = 60_000;
        double[] x = {10_000, 10_000 - loss};
        for (double t : CertaintyEquivalents.RISK_TOLERANCES) {
            // CE = 10,000 - T ln((1 + exp(L / T)) / 2), computed directly: no overflow at these sizes
            double expected = 10_000 - t * Math.log((1 + Math.exp(loss / t)) / 2);
            assertEquals(expected, CertaintyEquivalents.of(x, t), 1e-9 * Math.abs(expected), "T = " + t);
            assertTrue(CertaintyEquivalents.of(x, t) < (10_000 + 10_000 - loss) / 2, "risk costs: CE below the mean");
        }
        assertEquals(10_000 - loss / 2, CertaintyEquivalents.of(x, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void itStaysExactWhereTheDirectFormulaOverflows() {
        // exp(1e9 / 25,000) = exp(40,000) overflows a double; log-sum-exp does not
        double[] constant = {-1e9, -1e9, -1e9};
        assertEquals(-1e9, CertaintyEquivalents.of(constant, 25_000), 1e-6);
        double[] spread = {-1e9, 1e9};
        // CE = -1e9 - T ln(1/2 + exp(-2e9 / T) / 2) = -1e9 + T ln 2, to double precision
        assertEquals(-1e9 + 25_000 * Math.log(2), CertaintyEquivalents.of(spread, 25_000), 1e-6);
        assertTrue(Double.isFinite(CertaintyEquivalents.of(new double[] {1e12, -1e12}, 25_000)));
    }

    @Test
    void theFlipIsWhereTheTwoCertaintyEquivalentsMeet() {
        // model "sure" pays c every year; "risky" pays 0 or 200,000 with equal chance. CE_risky(T) =
        // -T ln((1 + exp(-200,000 / T)) / 2) rises with T, so the sure model is preferred below the T
        // where CE_risky(T) = c and the risky one above it. Choose c = CE_risky(80,000).
        double t0 = 80_000;
        double c = -t0 * Math.log((1 + Math.exp(-200_000 / t0)) / 2);
        double[] sure = {c, c};
        double[] risky = {0, 200_000};
        CertaintyEquivalents.Result r = CertaintyEquivalents.of(List.of("sure", "risky"), new double[][] {sure, risky});
        assertEquals(1, r.flips().size(), r.flips().toString());
        CertaintyEquivalents.Flip f = r.flips().get(0);
        assertEquals("sure", f.below());
        assertEquals("risky", f.above());
        assertEquals(t0, f.riskTolerance(), 1e-6 * t0);
        assertEquals(CertaintyEquivalents.RISK_TOLERANCES.length + 1, r.byModel().get(0).size());
        assertEquals(Double.POSITIVE_INFINITY, r.byModel().get(1).get(CertaintyEquivalents.RISK_TOLERANCES.length)
                .riskTolerance());
    }

    @Test
    void noFlipWhenOneModelIsPreferredAtEveryTolerance() {
        double[] a = {100, 200, 300};
        double[] b = {50, 150, 250};
        assertTrue(CertaintyEquivalents.of(List.of("a", "b"), new double[][] {a, b}).flips().isEmpty());
    }

    @Test
    void summaryJsonMatchesTheCertaintyEquivalentsRecomputedFromTrialsCsv() throws Exception {
        Scenario s = Scenarios.parse(PrecisionRunTest.SMALL);
        RunPipeline.Simulated run = RunPipeline.simulate(s, new RunSettings(3000, 9, 2), new LocalEngine(),
                SimulationEngine.Progress.NONE);
        Path dir = Files.createDirectories(tmp.resolve("run"));
        RunPipeline.write(run, dir, true, null);
        SummaryJson.Document d = SummaryJson.read(dir.resolve("summary.json"));
        List<String> lines = Files.readAllLines(dir.resolve("trials.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        for (int m = 0; m < d.models().size(); m++) {
            String name = d.models().get(m).name();
            int col = header.indexOf(name + ".netIncome");
            double[] x = new double[lines.size() - 1];
            for (int t = 1; t < lines.size(); t++) {
                x[t - 1] = Double.parseDouble(lines.get(t).split(",")[col]);
            }
            for (CertaintyEquivalents.Point p : d.analyses().certaintyEquivalents().byModel().get(m)) {
                double expected = recompute(x, p.riskTolerance());
                assertEquals(expected, p.value(), 1e-9 * Math.max(1, Math.abs(expected)), name + " at " + p.riskTolerance());
            }
        }
    }

    /**
     * An independent computation: shifted by the smallest income (so every exponent is &lt;= 0) instead of
     * the largest term, in a different order (sorted), through log1p of the tail's sum.
     */
    private static double recompute(double[] x, double t) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        if (t == Double.POSITIVE_INFINITY) {
            double sum = 0;
            for (double v : s) {
                sum += v;
            }
            return sum / s.length;
        }
        double min = s[0];
        double tail = 0;
        for (int i = s.length - 1; i >= 1; i--) {
            tail += Math.exp(-(s[i] - min) / t);
        }
        return min - t * (Math.log1p(tail) - Math.log(s.length));
    }
}
