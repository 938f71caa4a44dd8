package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.report.RunInfo;
import org.payrisk.report.SummaryJson;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.ResponseSummary;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.testing.Scenarios;

/**
 * Runs where the practice responds to how it is paid (issue 15): identity responses change nothing,
 * the incentive table meets its closed forms, the decomposition adds up, and the run is deterministic.
 * Deterministic tier (exact checks), except {@link #commonPatientsSimulateTheSamePracticeAsThePlainPath},
 * which states its false-failure rate.
 */
class ResponseEngineTest {

    /**
     * No cancellations, no denials, constant units (3), ample capacity, a bundle whose outlier threshold
     * no episode reaches (follow-ups are at most 12 + 1): the closed forms of issue 15 hold exactly.
     */
    static final String CLOSED = String.join("\n",
            "name: closed forms",
            "horizonMonths: 12",
            "warmUpMonths: 3",
            "simulation: { incentives: true }",
            "practice: { clinicians: 100, visitsPerClinicianDay: 100, workdaysPerMonth: 20,",
            "            costs: { fixedPerMonth: 1000, perAttendedVisit: 28 } }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 30 } }",
            "  payers: { medicare: 0.7, commercial: 0.3 }",
            "  cases:",
            "    - { name: a, share: 0.6, followUpVisits: { discrete: { values: [4, 8, 12], weights: [1, 1, 1] } }, visitsPerMonth: 6, unitsPerVisit: 3 }",
            "    - { name: b, share: 0.4, followUpVisits: 6, visitsPerMonth: 4, unitsPerVisit: 3 }",
            "models:",
            "  - name: ffs",
            "    default: { feeForService: { evaluation: 100, perUnit: 30 } }",
            "  - name: cap",
            "    default: { capitation: { pmpm: 4, members: 1000 } }",
            "  - name: bundle",
            "    default: { bundled: { perEpisode: { a: 900, b: 700 }, outlier: { afterVisits: 40, perVisit: 50 } } }",
            "  - name: cap-fewer",
            "    default: { capitation: { pmpm: 4, members: 1000 } }",
            "    response: { followUpVisits: { scale: 0.8 } }",
            "");

    static final int TRIALS = 400;

    static RunSummary summary(Scenario s, int trials, long seed, int threads) {
        return Summaries.run(Scenarios.run(s, trials, seed, threads));
    }

    static byte[] bytes(Scenario s, int trials, long seed, int threads) {
        RunInfo info = new RunInfo("same", "f.yaml", "0", seed, trials, s.practice().horizonMonths(),
                s.practice().warmUpMonths(), org.payrisk.dist.TrialStreams.GENERATOR);
        return SummaryJson.toBytes(info, summary(s, trials, seed, threads));
    }

    static String ot() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/ot-private-practice.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ResponseSummary.Incentive incentive(ResponseSummary r, String model, String name) {
        ResponseSummary.Model m = r.models().stream().filter(x -> x.name().equals(model)).findFirst().orElseThrow();
        return m.incentives().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void identityResponsesGiveByteIdenticalSummaries() {
        String base = ot();
        String identity = base.replace("  - name: capitation\n", "  - name: capitation\n"
                + "    response: { followUpVisits: { scale: 1 }, cancellationRate: { change: 0 },"
                + " acceptance: { neuro-rehab: 1, hand-upper-extremity: 1 } }\n")
                .replace("  - name: fee-for-service\n", "  - name: fee-for-service\n"
                + "    response: { feeElasticity: { elasticity: 0, reference: fee-for-service } }\n");
        assertFalse(identity.equals(base), "the edit must apply");
        Scenario plain = Scenarios.parse(base);
        Scenario same = Scenarios.parse(identity);
        assertTrue(same.responses().stream().allMatch(org.payrisk.practice.Response::isIdentity));
        assertArrayEquals(bytes(plain, 300, 11L, 2), bytes(same, 300, 11L, 2));
    }

    @Test
    void perExtraFollowUpVisitMeetsTheClosedForms() {
        RunSummary s = summary(Scenarios.parse(CLOSED), TRIALS, 5L, 2);
        ResponseSummary r = s.responses();
        ResponseSummary.Incentive ffs = incentive(r, "ffs", "followUpVisit");
        assertTrue(ffs.quantityChange() > 0);
        assertEquals(3 * 30.0 - 28, ffs.perUnit(), 1e-9, "fee-for-service: units x perUnit - perAttendedVisit");
        // every trial gains exactly this much per visit: the error is floating-point rounding of sums near $1e5
        assertEquals(0, ffs.stdError(), 1e-6, "every trial gains exactly this much per visit");
        assertEquals(-28, incentive(r, "cap", "followUpVisit").perUnit(), 1e-9, "capitation: -perAttendedVisit");
        assertEquals(-28, incentive(r, "bundle", "followUpVisit").perUnit(), 1e-9, "bundled below the outlier threshold");
        assertEquals(-28, incentive(r, "cap-fewer", "followUpVisit").perUnit(), 1e-9, "capitation with a response");
        assertEquals(30, incentive(r, "ffs", "unitPerVisit").perUnit(), 1e-9, "one more billed unit is perUnit");
        assertEquals(0, incentive(r, "cap", "unitPerVisit").perUnit(), 1e-9);
        assertTrue(Double.isNaN(incentive(r, "ffs", "avoidedCancellation").perUnit()), "no cancellations, none to avoid");
    }

    @Test
    void decompositionAddsUpToThePairedDifferenceAndResponsesMoveOnlyTheirModel() {
        RunSummary s = summary(Scenarios.parse(CLOSED), TRIALS, 5L, 2);
        ResponseSummary r = s.responses();
        for (int k = 0; k < s.comparisons().size(); k++) {
            PairedComparison c = s.comparisons().get(k);
            ResponseSummary.Decomposition d = r.comparisons().get(k);
            assertEquals(c.a(), d.a());
            assertEquals(c.meanDifference(), d.payment().mean() + d.behaviour().mean(), 1e-6 * Math.max(1, Math.abs(c.meanDifference())));
        }
        // cap and cap-fewer have the same terms: their difference is all behaviour
        ResponseSummary.Decomposition capPair = r.comparisons().stream()
                .filter(d -> d.a().equals("cap") && d.b().equals("cap-fewer")).findFirst().orElseThrow();
        assertEquals(0, capPair.payment().mean(), 1e-9);
        assertTrue(capPair.behaviour().mean() < 0, "cap-fewer attends fewer visits, so it keeps more under capitation");
        ModelSummary cap = s.models().get(1);
        ModelSummary fewer = s.models().get(3);
        assertTrue(fewer.costs().mean() < cap.costs().mean());
        assertEquals(s.models().get(0).costs().mean(), cap.costs().mean(), 0, "models without a response share one practice");
        double[] capPractice = r.models().get(1).practice();
        double[] fewerPractice = r.models().get(3).practice();
        int visits = org.payrisk.stats.ResponseLayout.PRACTICE.indexOf("attendedVisits");
        assertTrue(fewerPractice[visits] < capPractice[visits]);
        assertEquals(0, r.models().get(1).behaviour().mean(), 0);
    }

    @Test
    void responsiveRunsAreDeterministicOnAnyThreadCount() {
        Scenario s = Scenarios.parse(CLOSED.replace("  payers:", "  cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }\n  payers:")
                .replace("response: { followUpVisits: { scale: 0.8 } }", "response: { followUpVisits: { scale: { uniform: { min: 0.7, max: 1.2 } } },"
                        + " cancellationRate: { change: -0.02 }, acceptance: { b: 0.9 }, unitsPerVisit: { discrete: { values: [2, 4], weights: [1, 1] } } }"));
        byte[] one = bytes(s, 300, 9L, 1);
        assertArrayEquals(one, bytes(s, 300, 9L, 2));
        assertTrue(new String(one, java.nio.charset.StandardCharsets.UTF_8).contains("\"responses\""));
    }

    /**
     * The common-patients path draws the same practice as the plain one (other random numbers, same
     * law): with incentives on and no response, mean attended visits and mean net income of each model
     * match the plain run's within z = 4.5 combined standard errors (independent runs). Each of the 4
     * checks fails falsely with probability about 6.8e-6 (normal approximation), together below 3e-5.
     */
    @Test
    void commonPatientsSimulateTheSamePracticeAsThePlainPath() {
        String yaml = ot();
        Scenario plain = Scenarios.parse(yaml);
        Scenario common = Scenarios.parse(yaml.replace("simulation: { trials: 10000, seed: 20261127 }",
                "simulation: { trials: 10000, seed: 20261127, incentives: true }"));
        assertTrue(common.incentives());
        int n = 2000;
        RunSummary a = summary(plain, n, 3L, 2);
        assertEquals(null, a.responses(), "a plain run has no responses object");
        RunSummary c = summary(common, n, 4L, 2);
        var va = a.activity().get("attendedVisits");
        var vc = c.activity().get("attendedVisits");
        assertClose(va.mean(), va.meanStdError(), vc.mean(), vc.meanStdError(), "attended visits");
        for (int m : List.of(0, 1, 2)) {
            var x = a.models().get(m).netIncome();
            var y = c.models().get(m).netIncome();
            assertClose(x.mean(), x.meanStdError(), y.mean(), y.meanStdError(), a.models().get(m).name());
        }
    }

    static void assertClose(double a, double seA, double b, double seB, String what) {
        double z = Math.abs(a - b) / Math.sqrt(seA * seA + seB * seB);
        assertTrue(z < 4.5, what + ": " + a + " vs " + b + " (z = " + z + ")");
    }
}
