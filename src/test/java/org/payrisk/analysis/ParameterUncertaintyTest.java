package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.Uncertainty;
import org.payrisk.stats.Quantiles;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.testing.Scenarios;

/**
 * Parameter uncertainty (two-dimensional simulation): outer draws, common random numbers across them,
 * the intervals against values computed independently, and the errors raised before the long run.
 *
 * <p>False-failure rate: one statistical check (the mean of 4,000 outer draws of a uniform within 4
 * standard errors of its mean; the sample mean is normal to high accuracy): 6.3e-5. The other checks
 * are exact.
 */
public class ParameterUncertaintyTest {

    public static final String BASE = String.join("\n",
            "name: uncertain",                                                      // 1
            "simulation: { trials: 300, seed: 1 }",                                 // 2
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
            "    default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: 0.05 } }", // 16
            "  - name: cap",                                                        // 17
            "    default: { capitation: { pmpm: 4, members: 1000 } }",              // 18
            "uncertainty:",                                                         // 19
            "  outer: 25",                                                          // 20
            "  parameters:",                                                        // 21
            "    models[cap].default.capitation.pmpm: { uniform: { min: 3, max: 5 } }", // 22
            "");

    private static ParameterUncertainty.Result run(Scenario s, int trials) throws Exception {
        ParameterUncertainty.Plan plan = ParameterUncertainty.plan(s, s.uncertainty(), 9);
        return ParameterUncertainty.run(plan, new RunSettings(trials, 9, 2), new LocalEngine(), SimulationEngine.Progress.NONE);
    }

    @Test
    void capitationIntervalsAreThePmpmQuantilesTimesMemberMonthsLessTheCommonCosts() throws Exception {
        // capitation revenue with fixed members is 12 x 1,000 x pmpm whatever the patients do, and the
        // costs are the same in every outer draw (common random numbers), so each outer draw's mean net
        // income is 12,000 pmpm - mean costs: its quantiles across draws are those of the pmpm draws
        Scenario s = Scenarios.parse(BASE);
        ParameterUncertainty.Result r = run(s, 300);
        RunSummary nominal = Summaries.run(new LocalEngine().run(s, new RunSettings(300, 9, 2), SimulationEngine.Progress.NONE));
        double meanCosts = nominal.models().get(1).costs().mean();
        double[] pmpm = Arrays.stream(ParameterUncertainty.draws(s.uncertainty(), 9)).mapToDouble(d -> d[0]).sorted().toArray();
        ParameterUncertainty.Interval mean = r.model("cap").figures().get("mean");
        assertEquals(12_000 * Quantiles.type7(pmpm, 0.5) - meanCosts, mean.median(), 1e-6);
        assertEquals(12_000 * Quantiles.type7(pmpm, 0.05) - meanCosts, mean.p05(), 1e-6);
        assertEquals(12_000 * Quantiles.type7(pmpm, 0.95) - meanCosts, mean.p95(), 1e-6);
        // the fee-for-service model does not depend on the parameter: with common random numbers every
        // outer draw gives it the same figures, so its interval has no width
        ParameterUncertainty.Interval ffs = r.model("ffs").figures().get("p05");
        assertEquals(nominal.models().get(0).netIncome().percentile(5), ffs.median(), 0.0);
        assertEquals(ffs.p05(), ffs.p95(), 0.0);
        assertEquals(25, r.outer());
        assertEquals(300, r.trialsPerDraw());
    }

    @Test
    void outerDrawsFollowTheirDistributionAndAreKeyedByPath() throws Exception {
        Scenario s = Scenarios.parse(BASE);
        Uncertainty u = s.uncertainty().withOuter(4000);
        double[][] d = ParameterUncertainty.draws(u, 3);
        double mean = Arrays.stream(d).mapToDouble(x -> x[0]).average().orElseThrow();
        double se = (2 / Math.sqrt(12)) / Math.sqrt(d.length);
        assertTrue(Math.abs(mean - 4) <= 4 * se, "mean " + mean);
        // adding a parameter changes no other parameter's draws
        Scenario two = Scenarios.parse(BASE + "    demand.newEpisodesPerMonth.poisson.mean: { uniform: { min: 5, max: 7 } }\n");
        double[][] d2 = ParameterUncertainty.draws(two.uncertainty().withOuter(4000), 3);
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i][0], d2[i][0], 0.0);
        }
        assertArrayEquals(d[7], ParameterUncertainty.draws(u, 3)[7], 0.0);
    }

    @Test
    void anEndOfTheSupportThatBreaksTheScenarioIsNamedBeforeAnythingRuns() {
        Scenario s = Scenarios.parse(BASE.replace("models[cap].default.capitation.pmpm: { uniform: { min: 3, max: 5 } }",
                "demand.cancellationRate.beta.mean: { uniform: { min: 0.05, max: 1.2 } }"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ParameterUncertainty.plan(s, s.uncertainty(), 1));
        assertEquals(22, e.line(), e.getMessage());
        // located at the parameter's distribution
        assertEquals(new String(s.source().bytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")[21].indexOf("{ uniform") + 1, e.column(), e.getMessage());
        assertEquals("uncertainty.parameters.demand.cancellationRate.beta.mean", e.path());
        assertTrue(e.problem().contains("can draw 1.2 (the upper end of its support)"), e.getMessage());
    }

    @Test
    void anOuterDrawThatBreaksTheScenarioIsNamedWithItsNumber() {
        // a normal distribution has no finite support to check, so the draw itself is caught
        Scenario s = Scenarios.parse(BASE.replace("models[cap].default.capitation.pmpm: { uniform: { min: 3, max: 5 } }",
                "demand.payers.commercial: { normal: { mean: 1, sd: 0.1 } }"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ParameterUncertainty.plan(s, s.uncertainty(), 1));
        assertEquals(22, e.line(), e.getMessage());
        assertTrue(e.problem().matches("outer draw \\d+ of 25 set it to .*, which makes the scenario invalid: .*"),
                e.getMessage());
    }

    @Test
    void anUnknownPathIsNamed() {
        Scenario s = Scenarios.parse(BASE.replace("models[cap].default.capitation.pmpm:", "models[cap].default.capitation.pmp:"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ParameterUncertainty.plan(s, s.uncertainty(), 1));
        assertEquals(22, e.line(), e.getMessage());
        assertTrue(e.problem().contains("pmpm"), e.getMessage());
    }
}
