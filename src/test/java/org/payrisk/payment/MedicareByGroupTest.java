package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.testing.Scenarios;

/**
 * The Medicare forms' claim loops walk the year's visit groups, and a contract of one payer walks
 * only that payer's groups (the year's per-payer index). Deterministic checks, both of which fail
 * for a walk over the wrong groups (checked by mutating the loops):
 * <ul>
 *   <li>paying payers under contracts of their own pays, month by month, what one contract of them
 *       pays (to rounding: the sums add the same claims in another order). This holds where no draw
 *       depends on the payers covered: the Medicare form draws its terms, claims and episodes from the
 *       unkeyed claims stream; percentOfMedicare's own terms come from a stream keyed by the payers,
 *       so here they are constants, with no denials and no visit limits. Three payers, so that a
 *       contract of two walks every group and skips the third payer's;</li>
 *   <li>every claim is paid as an account kept visit by visit says, which also catches a mistake
 *       inside a group (the evaluation, the follow-up numbers, the last visit, the month).</li>
 * </ul>
 * The years are simulated on the sum path (and, in the second check, on the per-visit path too), so
 * the visits' units are drawn on first use.
 */
class MedicareByGroupTest {

    private static final List<String> PAYERS = List.of("a", "b", "c");
    private static final Coverage ONLY_A = Coverage.of(new boolean[] {true, false, false}, PAYERS);
    private static final Coverage ONLY_B = Coverage.of(new boolean[] {false, true, false}, PAYERS);
    private static final Coverage ONLY_C = Coverage.of(new boolean[] {false, false, true}, PAYERS);
    private static final Coverage A_AND_B = Coverage.of(new boolean[] {true, true, false}, PAYERS);
    private static final Coverage ALL = Coverage.of(new boolean[] {true, true, true}, PAYERS);

    @Test
    void payingPayersApartPaysWhatOneContractOfThemPays() {
        PracticeSimulator sim = new PracticeSimulator(threePayers(), true);
        PracticeYear year = new PracticeYear(12);
        PaymentRule medicare = MedicareAsPaidTest.medicare(0.5, null, null,
                new MedicareFeeForService.Deductible(150, Constant.of(0.3)));
        PaymentRule percent = MedicareAsPaidTest.percent("percentOfMedicare", 1.1, Mppr.PRACTICE_EXPENSE, 0.2, 0.9, null);
        TrialStreams streams = new TrialStreams(31);
        for (int trial = 0; trial < 20; trial++) {
            sim.simulate(streams.stream(trial, 0), year);
            assertTrue(year.unitsBySum(), "the year keeps units sums only");
            long claimsKey = 1000L + trial;
            for (PaymentRule rule : List.of(medicare, percent)) {
                String what = rule.getClass().getSimpleName() + ", trial " + trial;
                double[] a = revenue(rule, year, ONLY_A, claimsKey);
                double[] b = revenue(rule, year, ONLY_B, claimsKey);
                double[] c = revenue(rule, year, ONLY_C, claimsKey);
                double[] ab = revenue(rule, year, A_AND_B, claimsKey);
                double[] all = revenue(rule, year, ALL, claimsKey);
                for (int m = 1; m <= 12; m++) {
                    assertEquals(ab[m], a[m] + b[m], 1e-9 * Math.max(1, ab[m]), what + ", month " + m + ": a and b");
                    assertEquals(all[m], a[m] + b[m] + c[m], 1e-9 * Math.max(1, all[m]), what + ", month " + m + ": all");
                }
                assertTrue(sum(a) > 0 && sum(b) > 0 && sum(c) > 0, what + ": every payer's contract pays claims");
            }
        }
    }

    /**
     * Claim by claim against an account kept visit by visit with the year's per-visit accessors, on
     * both recording paths (groups with units sums, and visits recorded one by one) and both walks
     * (one payer, two of three): the Medicare form with one billed code and no assistant, and
     * percentOfMedicare with an authorisation of 4 follow-ups that is never renewed, or a cap of 6
     * visits a year, where visits beyond the limit are not delivered and save $7 each. Everything here
     * is deterministic (constant terms, no denials), so the account is exact.
     */
    @Test
    void paysEachClaimAsAVisitByVisitAccountDoes() {
        PaymentRule medicare = MedicareAsPaidTest.medicare(0.5, null, null, null);
        double medicareShare = 0.8 * (1 - 0.02) + (1 - 0.8) * 0.5; // payer after sequestration, patient collected
        VisitLimits authorised = new VisitLimits(Constant.of(4), Constant.of(1), 0, false, 7);
        VisitLimits capped = new VisitLimits(null, null, 6, false, 7);
        double percentShare = 1.1 * (1 - 0.2) + 1.1 * 0.2 * 0.9;
        for (boolean bySum : new boolean[] {true, false}) {
            PracticeSimulator sim = new PracticeSimulator(threePayers(), bySum);
            PracticeYear year = new PracticeYear(12);
            TrialStreams streams = new TrialStreams(47);
            for (int trial = 0; trial < 10; trial++) {
                sim.simulate(streams.stream(trial, 0), year);
                long claimsKey = 2000L + trial;
                String what = (bySum ? "sum path" : "per-visit path") + ", trial " + trial;
                for (Coverage covered : List.of(ONLY_B, A_AND_B)) {
                    assertArrayEquals(account(year, covered, medicareShare, null),
                            revenue(medicare, year, covered, claimsKey), 1e-9, what + ": medicare");
                    for (VisitLimits limits : List.of(authorised, capped)) {
                        PaymentRule percent = MedicareAsPaidTest.percent("percentOfMedicare", 1.1, Mppr.PRACTICE_EXPENSE, 0.2,
                                0.9, limits);
                        assertArrayEquals(account(year, covered, percentShare, limits),
                                revenue(percent, year, covered, claimsKey), 1e-9, what + ": percentOfMedicare, " + limits);
                    }
                }
            }
        }
    }

    /**
     * Revenue by month, visit by visit: an evaluation allowed $100.60, a follow-up of u units of 97530
     * u x total - 0.5 x (u - 1) x PE (the multiple-procedure reduction), times the share paid; a visit
     * beyond the limits (when given) saves $7 instead.
     */
    private static double[] account(PracticeYear year, Coverage covered, double share, VisitLimits limits) {
        double total = MedicareFeeForServiceTest.RVU_97530 * MedicareFeeForServiceTest.CF_2025;
        double pe = MedicareFeeForServiceTest.PE_97530 * MedicareFeeForServiceTest.CF_2025;
        int[] visitsThisYear = new int[year.episodeCount()];
        double[] revenue = new double[13];
        for (int v = 0; v < year.visitCount(); v++) {
            if (!covered.covers(year.visitPayer(v))) {
                continue;
            }
            int e = year.visitEpisode(v);
            visitsThisYear[e]++; // one calendar year: months 1-12
            boolean beyond = limits != null && (limits.visitsPerYear() > 0
                    ? visitsThisYear[e] > limits.visitsPerYear()
                    : !year.isEvaluation(v) && year.visitOrdinal(v) - 1 > 4);
            if (beyond) {
                revenue[year.visitMonth(v)] += 7;
                continue;
            }
            int u = year.visitUnits(v);
            double allowed = year.isEvaluation(v) ? MedicareAsPaidTest.EVAL : u * total - 0.5 * (u - 1) * pe;
            revenue[year.visitMonth(v)] += allowed * share;
        }
        return revenue;
    }

    private static double sum(double[] revenueByMonth) {
        return MedicareFixtures.sum(revenueByMonth);
    }

    /** Three payers; episodes of about 13 visits over two or three months, 2-4 units a follow-up. */
    private static PracticeModel threePayers() {
        return Scenarios.practice(2, "{ poisson: { mean: 20 } }", "0.1", "{ a: 0.5, b: 0.3, c: 0.2 }",
                "{ name: k, share: 1, followUpVisits: { poisson: { mean: 12 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } } }");
    }

    private static double[] revenue(PaymentRule rule, PracticeYear year, Coverage covered, long claimsKey) {
        double[] revenue = new double[13];
        rule.accrue(year, covered, null, claimsKey, revenue, new Settlements());
        return revenue;
    }
}
