package org.payrisk.payment;

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
 * only that payer's groups (the year's per-payer index). Deterministic: with draws that do not depend
 * on the payers covered (the Medicare form's terms and claims come from the unkeyed claims stream;
 * percentOfMedicare here has no denials and no visit limits), paying payers under contracts of their
 * own must pay, month by month, what one contract of them pays (to rounding: the sums add the same
 * claims in another order). Three payers, so that a contract of two walks every group and skips the
 * third payer's, while one-payer contracts walk their own: a walk over the wrong groups pays another sum. The years are simulated on the sum path, so the visits' units are
 * drawn on first use without the rest of the visits being written out.
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
        PracticeModel model = Scenarios.practice(2, "{ poisson: { mean: 20 } }", "0.1", "{ a: 0.5, b: 0.3, c: 0.2 }",
                "{ name: k, share: 1, followUpVisits: { poisson: { mean: 12 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } } }");
        PracticeSimulator sim = new PracticeSimulator(model, true);
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

    private static double sum(double[] revenueByMonth) {
        return MedicareFixtures.sum(revenueByMonth);
    }

    private static double[] revenue(PaymentRule rule, PracticeYear year, Coverage covered, long claimsKey) {
        double[] revenue = new double[13];
        rule.accrue(year, covered, null, claimsKey, revenue, new Settlements());
        return revenue;
    }
}
