package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.InputCopula;
import org.payrisk.dist.NearestCorrelation;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * The {@code correlations:} block end to end: the achieved Spearman correlation between two recorded
 * input columns (what trials.csv holds), each marginal's mean, thread-count independence, the repair
 * of a matrix that is not positive definite, and the located errors.
 *
 * <p>False-failure rates. Spearman: atanh of the sample Spearman correlation is close to normal with
 * variance (1 + r^2 / 2) / (n - 3) (Bonett and Wright 2000, Psychometrika 65:23); a check at 4 standard
 * errors fails falsely with probability 6.3e-5. Means: the sample mean of n = 20,000 independent draws
 * is normal to high accuracy; 4 standard errors (from the distribution's own sd) give 6.3e-5 each.
 * Six statistical checks: below 4e-4 for the class. Spearman is computed with commons-math3 3.6.1's
 * SpearmansCorrelation, independent of the code under test. The seed is fixed so a failure
 * reproduces; it was not chosen to pass.
 */
public class CorrelatedInputsTest {

    public static final String BASE = String.join("\n",
            "name: correlated",                                                     // 1
            "simulation: { trials: 100, seed: 1 }",                                 // 2
            "practice:",                                                            // 3
            "  clinicians: 1",                                                      // 4
            "  visitsPerClinicianDay: 8",                                           // 5
            "  workdaysPerMonth: 20",                                               // 6
            "  costs: { fixedPerMonth: 5000, perAttendedVisit: 10 }",               // 7
            "demand:",                                                              // 8
            "  newEpisodesPerMonth: { poisson: { mean: 6 } }",                      // 9
            "  cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }",                // 10
            "  payers: { commercial: 1 }",                                          // 11
            "  cases:",                                                             // 12
            "    - { name: hand, share: 1, followUpVisits: 8, visitsPerMonth: 4, unitsPerVisit: 3 }", // 13
            "models:",                                                              // 14
            "  - name: ffs",                                                        // 15
            "    default:",                                                         // 16
            "      feeForService: { evaluation: 100, perUnit: 30, denialRate: { beta: { mean: 0.06, sd: 0.02 } } }", // 17
            "      paymentLagMonths: { uniform: { min: 0.5, max: 2 } }",            // 18
            "  - name: cap",                                                        // 19
            "    default: { capitation: { pmpm: { triangular: { min: 3, mode: 4, max: 6 } }, members: 1000 } }", // 20
            "");

    static final String CORRELATIONS = String.join("\n",
            "correlations:",                                                        // 21
            "  - between:",                                                         // 22
            "      - demand.cancellationRate",                                      // 23
            "      - models[0].default.feeForService.denialRate",                   // 24
            "    rank: 0.6",                                                        // 25
            "  - between:",                                                         // 26
            "      - models[cap].default.capitation.pmpm",                          // 27
            "      - models[ffs].default.paymentLagMonths",                         // 28
            "    rank: -0.4",                                                       // 29
            "");

    static Scenario parse(String text) throws ScenarioException {
        return ScenarioLoader.parse(new ScenarioSource(Path.of("test.yaml"), text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int column(TrialOutcomes o, String path) {
        int i = o.inputs().indexOf(path);
        assertTrue(i >= 0, path + " among " + o.inputs());
        return i;
    }

    private static void assertSpearman(double target, double[] a, double[] b) {
        int n = a.length;
        double r = new SpearmansCorrelation().correlation(a, b);
        double se = Math.sqrt((1 + target * target / 2) / (n - 3));
        double z = (atanh(r) - atanh(target)) / se;
        assertTrue(Math.abs(z) <= 4, "Spearman " + r + " vs target " + target + ": " + z + " standard errors");
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static void assertMean(Distribution d, double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double se = d.sd() / Math.sqrt(x.length);
        assertTrue(Math.abs(mean - d.mean()) <= 4 * se, "mean " + mean + " vs " + d.mean() + " (SE " + se + ")");
    }

    @Test
    void achievedRankCorrelationsAndMarginalMeansMatchTheirTargets() throws ScenarioException {
        Scenario s = parse(BASE + CORRELATIONS);
        InputCopula c = s.correlations();
        assertEquals(List.of("demand.cancellationRate", "models[ffs].default.feeForService.denialRate",
                "models[cap].default.capitation.pmpm", "models[ffs].default.paymentLagMonths"), c.paths());
        int n = 20_000;
        TrialOutcomes o = Scenarios.run(s, n, 11, 2);
        double[][] col = new double[4][];
        for (int i = 0; i < 4; i++) {
            col[i] = o.inputColumn(column(o, c.paths().get(i)));
            assertMean(c.marginals().get(i), col[i]);
        }
        assertSpearman(0.6, col[0], col[1]);
        assertSpearman(-0.4, col[2], col[3]);
    }

    @Test
    void correlatedDrawsDoNotDependOnTheThreadCount() throws ScenarioException {
        Scenario s = parse(BASE + CORRELATIONS);
        int n = 3 * TrialBlocks.SIZE + 17;
        TrialOutcomes one = Scenarios.run(s, n, 5, 1);
        TrialOutcomes two = Scenarios.run(s, n, 5, 2);
        for (int i = 0; i < one.inputs().size(); i++) {
            assertArrayEquals(one.inputColumn(i), two.inputColumn(i), one.inputs().get(i));
        }
        for (int m = 0; m < one.models().size(); m++) {
            assertArrayEquals(one.netIncomeColumn(m), two.netIncomeColumn(m));
        }
    }

    @Test
    void withoutTheBlockEveryDrawIsAsBefore() throws ScenarioException {
        // the same scenario with an empty block and with none draw identical trials: the copula's hooks
        // change nothing unless an input is correlated
        Scenario plain = parse(BASE);
        Scenario empty = parse(BASE + "correlations: []\n");
        assertTrue(empty.correlations().isEmpty());
        TrialOutcomes a = Scenarios.run(plain, 2000, 3, 2);
        TrialOutcomes b = Scenarios.run(empty, 2000, 3, 2);
        for (int m = 0; m < a.models().size(); m++) {
            assertArrayEquals(a.netIncomeColumn(m), b.netIncomeColumn(m));
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRepaired() throws ScenarioException {
        // three inputs pairwise at 0.9, 0.9 and -0.9 cannot all hold: the normal correlations
        // 2 sin(0.9 pi / 6) = 0.908 give a matrix with a negative eigenvalue
        String text = BASE + String.join("\n",
                "correlations:",
                "  - between: [demand.cancellationRate, \"models[ffs].default.feeForService.denialRate\"]",
                "    rank: 0.9",
                "  - between: [\"models[ffs].default.feeForService.denialRate\", \"models[cap].default.capitation.pmpm\"]",
                "    rank: 0.9",
                "  - between: [demand.cancellationRate, \"models[cap].default.capitation.pmpm\"]",
                "    rank: -0.9",
                "");
        InputCopula c = parse(text).correlations();
        assertTrue(c.copula().repaired());
        assertTrue(!NearestCorrelation.isPositiveDefinite(c.copula().normalCorrelations()));
        assertTrue(NearestCorrelation.isPositiveDefinite(c.copula().repairedCorrelations()));
        assertTrue(c.copula().largestChange() > 0.05, "largest change " + c.copula().largestChange());
        TrialOutcomes o = Scenarios.run(parse(text), 500, 1, 1);
        assertEquals(500, o.trials());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // line | from | to | token | path | message
        "25|rank: 0.6|rank: 1.2|1.2|correlations[0].rank|expected a Spearman rank correlation in [-1, 1], found 1.2",
        "24|models[0].default.feeForService.denialRate|models[0].default.feeForService.denialRat|models|correlations[0].between[1]|did you mean `models[ffs].default.feeForService.denialRate`?",
        "24|models[0].default.feeForService.denialRate|models[0].default.feeForService.perUnit|models|correlations[0].between[1]|a value that is fixed in this scenario",
        "24|models[0].default.feeForService.denialRate|demand.newEpisodesPerMonth|demand|correlations[0].between[1]|which is drawn each month; only inputs drawn once per trial",
        "24|models[0].default.feeForService.denialRate|demand.cancellationRate|demand|correlations[0].between[1]|correlated with itself",
    })
    void badCorrelationsAreLocated(int line, String from, String to, String token, String path, String message) {
        String[] lines = (BASE + CORRELATIONS).split("\n", -1);
        assertTrue(lines[line - 1].contains(from), lines[line - 1]);
        lines[line - 1] = lines[line - 1].replace(from, to);
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(String.join("\n", lines)));
        assertTrue(e.problem().contains(message), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(lines[line - 1].indexOf(token) + 1, e.column(), e.getMessage());
    }

    @Test
    void aPairListedTwiceInEitherOrderIsLocatedAtItsSecondListing() {
        String text = BASE + CORRELATIONS + String.join("\n",
                "  - between:",                                                     // 30
                "      - models[ffs].default.feeForService.denialRate",             // 31
                "      - demand.cancellationRate",                                  // 32
                "    rank: 0.2",                                                    // 33
                "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(text));
        assertEquals("correlations[2].between", e.path(), e.getMessage());
        assertEquals(31, e.line(), e.getMessage());
        assertEquals(7, e.column(), e.getMessage());
        assertTrue(e.problem().contains("again (first listed on line 23)"), e.getMessage());
    }
}
