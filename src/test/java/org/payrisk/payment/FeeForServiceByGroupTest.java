package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.testing.Scenarios;

/**
 * Fee-for-service on visit groups (units sums, a Binomial count of denied follow-ups, the paid
 * follow-ups' units drawn given the sum) pays what paying visit by visit pays, in distribution.
 *
 * <p>Statistical tier: two independent samples of N = 20,000 practice-years, one simulated and paid
 * on the sum path, one with every visit drawn and denied on its own (the reference path), from
 * different seeds (fixed, not chosen to pass). For the contract's yearly revenue and the year's
 * billed units: a z-test of the difference of means with the Monte Carlo standard errors
 * (|z| &lt; 4.42, false-failure rate 1e-5 each) and a two-sample Kolmogorov-Smirnov test (commons-math3
 * 3.6.1, rejected at p &lt; 1e-5; the statistic is discrete here, which makes the test conservative).
 * 4 checks: about 4e-5 for the class. A denial rate of 0.25 makes partial denials common.
 */
class FeeForServiceByGroupTest {

    static final int N = 20_000;
    static final double Z = 4.42;

    @Test
    void paysTheSameLawAsDenyingVisitByVisit() {
        PracticeModel model = Scenarios.parse(String.join("\n",
                "name: groups",
                "horizonMonths: 12",
                "practice: { clinicians: 2, visitsPerClinicianDay: 9, workdaysPerMonth: 20,",
                "            costs: { fixedPerMonth: 500, perAttendedVisit: 20 } }",
                "demand:",
                "  newEpisodesPerMonth: { poisson: { mean: 25 } }",
                "  cancellationRate: { beta: { mean: 0.15, sd: 0.05 } }",
                "  payers: { a: 0.7, b: 0.3 }",
                "  cases:",
                "    - { name: k, share: 0.6, followUpVisits: { negativeBinomial: { mean: 9, dispersion: 3 } }, visitsPerMonth: 6,",
                "        unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } } }",
                "    - { name: n, share: 0.4, followUpVisits: { poisson: { mean: 14 } }, visitsPerMonth: 8,",
                "        unitsPerVisit: { discrete: { values: [1, 5], weights: [0.6, 0.4] } } }",
                "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]",
                "")).practice();
        FeeForService ffs = new FeeForService(Constant.of(95), Constant.of(25.5), Constant.of(0.25));
        Coverage onlyA = Coverage.of(new boolean[] {true, false}, List.of("a", "b"));
        double[][] bySum = sample(new PracticeSimulator(model, true), ffs, onlyA, 11);
        double[][] byVisit = sample(new PracticeSimulator(model, false), ffs, onlyA, 22);
        String[] what = {"revenue of payer a's contract", "billed units of the year"};
        for (int i = 0; i < 2; i++) {
            double z = (mean(bySum[i]) - mean(byVisit[i])) / Math.sqrt(variance(bySum[i]) / N + variance(byVisit[i]) / N);
            assertTrue(Math.abs(z) < Z, what[i] + ": means differ by z = " + z);
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(bySum[i], byVisit[i]);
            assertTrue(p > 1e-5, what[i] + ": Kolmogorov-Smirnov p = " + p);
        }
    }

    @Test
    void withoutDenialsAGroupPaysItsSumExactly() {
        PracticeModel model = Scenarios.parse(String.join("\n",
                "name: groups",
                "horizonMonths: 12",
                "practice: { clinicians: 1, visitsPerClinicianDay: 9, workdaysPerMonth: 20,",
                "            costs: { fixedPerMonth: 500, perAttendedVisit: 20 } }",
                "demand:",
                "  newEpisodesPerMonth: { poisson: { mean: 12 } }",
                "  cancellationRate: 0.1",
                "  payers: { a: 1 }",
                "  cases: [ { name: k, share: 1, followUpVisits: { poisson: { mean: 10 } }, visitsPerMonth: 4,",
                "             unitsPerVisit: { discrete: { values: [2, 3], weights: [0.5, 0.5] } } } ]",
                "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]",
                "")).practice();
        PracticeSimulator sim = new PracticeSimulator(model);
        PracticeYear year = new PracticeYear(12);
        sim.simulate(new TrialStreams(5).stream(0, 0), year);
        double[] revenue = new double[13];
        new FeeForService(Constant.of(100), Constant.of(10), Constant.of(0))
                .accrue(year, Coverage.of(new boolean[] {true}, List.of("a")), null, 1L, revenue, new Settlements());
        for (int m = 1; m <= 12; m++) {
            double expected = 0;
            for (int v = 0; v < year.visitCount(); v++) {
                if (year.visitMonth(v) == m) {
                    expected += year.isEvaluation(v) ? 100 : 10.0 * year.visitUnits(v);
                }
            }
            assertEquals(expected, revenue[m], 1e-9, "month " + m + ": evaluations x 100 + units x 10");
        }
    }

    /** Per trial: the contract's revenue over the year, and the year's billed units. */
    private static double[][] sample(PracticeSimulator sim, FeeForService ffs, Coverage covered, long seed) {
        TrialStreams streams = new TrialStreams(seed);
        PracticeYear year = new PracticeYear(12);
        double[][] out = new double[2][N];
        double[] revenue = new double[13];
        for (int t = 0; t < N; t++) {
            sim.simulate(streams.stream(t, 0), year);
            java.util.Arrays.fill(revenue, 0);
            ffs.accrue(year, covered, null, streams.stream(t, 1).nextLong(), revenue, new Settlements());
            for (int m = 1; m <= 12; m++) {
                out[0][t] += revenue[m];
            }
            out[1][t] = year.totalUnits();
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
