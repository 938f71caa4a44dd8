package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.testing.Scenarios;

/**
 * Fee-for-service on visit groups (units sums, denials drawn group by group, the paid
 * follow-ups' units drawn given the sum) pays what paying visit by visit pays, in distribution.
 *
 * <p>Statistical tier: two independent samples of N = 20,000 practice-years, one simulated and paid
 * on the sum path, one with every visit drawn with its own units and every claim denied on its own
 * draw (the reference: a Bernoulli per claim, summed here, not by the rule), from
 * different seeds (fixed, not chosen to pass). For the contract's yearly revenue and the year's
 * billed units: a z-test of the difference of means with the Monte Carlo standard errors
 * (|z| &lt; 4.42, false-failure rate 1e-5 each) and a two-sample Kolmogorov-Smirnov test (commons-math3
 * 3.6.1, rejected at p &lt; 1e-5; the statistic is discrete here, which makes the test conservative).
 * 6 checks: about 6e-5 for the class. A denial rate of 0.25 makes partial denials common. Both
 * claim loops are covered: a contract of one payer (the per-payer group index) and of both.
 */
class FeeForServiceByGroupTest {

    static final int N = 20_000;
    static final double Z = 4.42;

    @Test
    void paysTheSameLawAsDenyingVisitByVisit() {
        PracticeModel model = Scenarios.practice(2, "{ poisson: { mean: 25 } }", "{ beta: { mean: 0.15, sd: 0.05 } }",
                "{ a: 0.7, b: 0.3 }",
                "{ name: k, share: 0.6, followUpVisits: { negativeBinomial: { mean: 9, dispersion: 3 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } } }",
                "{ name: n, share: 0.4, followUpVisits: { poisson: { mean: 14 } }, visitsPerMonth: 8,"
                        + " unitsPerVisit: { discrete: { values: [1, 5], weights: [0.6, 0.4] } } }");
        FeeForService ffs = new FeeForService(Constant.of(95), Constant.of(25.5), Constant.of(0.25));
        Coverage onlyA = Coverage.of(new boolean[] {true, false}, List.of("a", "b"));
        Coverage both = Coverage.of(new boolean[] {true, true}, List.of("a", "b"));
        double[][] bySum = sample(new PracticeSimulator(model, true), ffs, onlyA, both, 11);
        double[][] byVisit = sample(new PracticeSimulator(model, false), null, onlyA, both, 22);
        String[] what = {"revenue of payer a's contract", "billed units of the year", "revenue of a contract of both payers"};
        for (int i = 0; i < 3; i++) {
            double z = (StatUtils.mean(bySum[i]) - StatUtils.mean(byVisit[i])) / Math.sqrt(StatUtils.variance(bySum[i]) / N + StatUtils.variance(byVisit[i]) / N);
            assertTrue(Math.abs(z) < Z, what[i] + ": means differ by z = " + z);
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(bySum[i], byVisit[i]);
            assertTrue(p > 1e-5, what[i] + ": Kolmogorov-Smirnov p = " + p);
        }
    }

    /**
     * Deterministic bookkeeping: without denials, each month pays its evaluations and its visits'
     * units (both sides read the same year, so this checks the group loop, not the units law).
     */
    @Test
    void withoutDenialsAGroupPaysItsSumExactly() {
        PracticeModel model = Scenarios.practice(1, "{ poisson: { mean: 12 } }", "0.1", "{ a: 1 }",
                "{ name: k, share: 1, followUpVisits: { poisson: { mean: 10 } }, visitsPerMonth: 4,"
                        + " unitsPerVisit: { discrete: { values: [2, 3], weights: [0.5, 0.5] } } }");
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

    /**
     * Per trial: the one-payer contract's revenue over the year, the year's billed units, the two-payer
     * contract's revenue; paid by {@code ffs}, or by {@link #referenceRevenue} when it is null.
     */
    private static double[][] sample(PracticeSimulator sim, FeeForService ffs, Coverage one, Coverage two, long seed) {
        TrialStreams streams = new TrialStreams(seed);
        PracticeYear year = new PracticeYear(12);
        double[][] out = new double[3][N];
        for (int t = 0; t < N; t++) {
            sim.simulate(streams.stream(t, 0), year);
            long claimsKey = streams.stream(t, 1).nextLong();
            out[0][t] = ffs == null ? referenceRevenue(year, one, streams.stream(t, 2)) : yearRevenue(ffs, year, one, claimsKey);
            out[1][t] = year.totalUnits();
            out[2][t] = ffs == null ? referenceRevenue(year, two, streams.stream(t, 3)) : yearRevenue(ffs, year, two, claimsKey);
        }
        return out;
    }

    /**
     * The contract of {@link #paysTheSameLawAsDenyingVisitByVisit} paid visit by visit: 95 an evaluation
     * and 25.5 a unit, each claim denied on its own draw with probability 0.25.
     */
    private static double referenceRevenue(PracticeYear year, Coverage covered, UniformRandomProvider rng) {
        double sum = 0;
        for (int v = 0; v < year.visitCount(); v++) {
            if (covered.covers(year.visitPayer(v)) && rng.nextDouble() >= 0.25) {
                sum += year.isEvaluation(v) ? 95 : 25.5 * year.visitUnits(v);
            }
        }
        return sum;
    }

    private static double yearRevenue(FeeForService ffs, PracticeYear year, Coverage covered, long claimsKey) {
        double[] revenue = new double[13];
        ffs.accrue(year, covered, null, claimsKey, revenue, new Settlements());
        double sum = 0;
        for (int m = 1; m <= 12; m++) {
            sum += revenue[m];
        }
        return sum;
    }

    /**
     * Deterministic: the claims denied are exactly those {@link DenialReference} works out from the
     * contract's keyed draws (which percentOfMedicare reads too, so the same payers' denials coincide
     * across the two forms): an evaluation when its draw is below the rate, and in each group the
     * binomial quantile of its first follow-up's draw for how many follow-ups. With one unit per visit
     * the paid units are the paid follow-ups, so the revenue is known claim by claim.
     */
    @Test
    void deniesTheClaimsItsKeyedDrawsDeny() {
        assertPaysExactlyTheVisitsItsKeyedDrawsLeave("{ discrete: { values: [1], weights: [1] } }", true);
    }

    /**
     * Where visits carry their own units (the per-visit path: the responsive simulator, and units laws
     * too large to tabulate), a group pays its evaluation if its draw leaves it and the units of exactly
     * the follow-ups left paid: as many as on the sum path, the ones with the smallest ranks denied,
     * each paid with its own units. Units of 1 to 3 make a wrong follow-up paid or unpaid change the total.
     */
    @Test
    void deniesClaimByClaimWhereVisitsCarryTheirUnits() {
        assertPaysExactlyTheVisitsItsKeyedDrawsLeave("{ discrete: { values: [1, 2, 3], weights: [1, 1, 1] } }", false);
    }

    /**
     * Simulates 20 years and checks that a contract of payer b (1000 an evaluation, 1 a unit, a denial
     * rate of 0.3) is paid, claim by claim, the visits {@link DenialReference} leaves paid: an evaluation
     * 1000, a follow-up its units; and that some groups have some but not all follow-ups denied.
     *
     * @param unitsPerVisit the case's units law
     * @param unitsBySum whether the simulator may draw units sums ({@link PracticeYear#unitsBySum})
     */
    private static void assertPaysExactlyTheVisitsItsKeyedDrawsLeave(String unitsPerVisit, boolean unitsBySum) {
        PracticeModel model = Scenarios.practice(1, "{ poisson: { mean: 12 } }", "0.1", "{ a: 0.6, b: 0.4 }",
                "{ name: k, share: 1, followUpVisits: { poisson: { mean: 10 } }, visitsPerMonth: 4,"
                        + " unitsPerVisit: " + unitsPerVisit + " }");
        PracticeSimulator sim = new PracticeSimulator(model, unitsBySum);
        PracticeYear year = new PracticeYear(12);
        Coverage onlyB = Coverage.of(new boolean[] {false, true}, List.of("a", "b"));
        FeeForService ffs = new FeeForService(Constant.of(1000), Constant.of(1), Constant.of(0.3));
        int partly = 0; // groups with some follow-ups denied and some paid
        for (int trial = 0; trial < 20; trial++) {
            sim.simulate(new TrialStreams(9).stream(trial, 0), year);
            assertEquals(unitsBySum, year.unitsBySum(), "the path under test");
            long claimsKey = 77L + trial;
            boolean[] denied = DenialReference.denied(year, onlyB, claimsKey, 0.3);
            double expected = 0;
            for (int v = 0; v < year.visitCount(); v++) {
                if (onlyB.covers(year.visitPayer(v)) && !denied[v]) {
                    expected += year.isEvaluation(v) ? 1000 : year.visitUnits(v);
                }
            }
            for (int g = 0; g < year.groupCount(); g++) {
                int first = year.groupFirstFollowUp(g);
                int n = 0;
                for (int v = first; v < first + year.groupFollowUps(g); v++) {
                    n += denied[v] ? 1 : 0;
                }
                partly += n > 0 && n < year.groupFollowUps(g) ? 1 : 0;
            }
            assertEquals(expected, yearRevenue(ffs, year, onlyB, claimsKey), 1e-9, "trial " + trial);
        }
        assertTrue(partly > 0, "some groups partly denied");
    }

    /**
     * Deterministic: where visits carry their own units, percentOfMedicare and fee-for-service on the
     * same payers deny the same claims, follow-up by follow-up, not only as many. The two are priced
     * alike (one timed code, no MPPR, no assistant, 100% of the fee schedule, no patient share: an
     * evaluation at the schedule's evaluation fee, each unit at the code's fee), so with units of 1 to
     * 3 a follow-up denied by one form and paid by the other changes a month's revenue. 20 years, a
     * denial rate of 0.3, groups of up to 6 follow-ups.
     */
    @Test
    void percentOfMedicareDeniesTheSameFollowUpsAsFeeForService() {
        PracticeModel model = Scenarios.practice(1, "{ poisson: { mean: 12 } }", "0.1", "{ a: 0.6, b: 0.4 }",
                "{ name: k, share: 1, followUpVisits: { poisson: { mean: 14 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [1, 2, 3], weights: [1, 1, 1] } } }");
        PracticeSimulator sim = new PracticeSimulator(model, false);
        PracticeYear year = new PracticeYear(12);
        Coverage onlyB = Coverage.of(new boolean[] {false, true}, List.of("a", "b"));
        FeeSchedule schedule = MedicareAsPaidTest.schedule();
        FeeForService ffs = new FeeForService(Constant.of(schedule.totalOf(0)), Constant.of(schedule.totalOf(1)),
                Constant.of(0.3));
        PercentOfMedicare pom = new PercentOfMedicare("percentOfMedicare", schedule, 0, null, new double[] {0, 1},
                Constant.of(0), 0.85, Constant.of(0), Constant.of(1), Mppr.NONE, 0.5, 0, Constant.of(1), Constant.of(0.3), null);
        for (int trial = 0; trial < 20; trial++) {
            sim.simulate(new TrialStreams(13).stream(trial, 0), year);
            long claimsKey = 501L + trial;
            double[] byFee = new double[13];
            double[] byPercent = new double[13];
            ffs.accrueValued(year, onlyB, null, claimsKey, byFee, null);
            pom.accrueValued(year, onlyB, null, claimsKey, byPercent, null);
            for (int m = 1; m <= 12; m++) {
                assertEquals(byFee[m], byPercent[m], 1e-9 * Math.max(1, byFee[m]), "trial " + trial + ", month " + m);
            }
        }
    }

    /**
     * The reference's denial draws, which the claim-by-claim checks above hold both forms to, are
     * SplitMix64's outputs (Steele, Lea and Flood 2014) as uniforms on 53 bits: from seed 0 the
     * published first outputs are 0xE220A8397B1DCDAF and 0x6E789E6AA1B965F4.
     */
    @Test
    void denialDrawsAreSplitMix64Outputs() {
        assertEquals((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53, DenialReference.denialDraw(0, 0), 0);
        assertEquals((0x6E789E6AA1B965F4L >>> 11) * 0x1.0p-53, DenialReference.denialDraw(0, 1), 0);
    }
}
