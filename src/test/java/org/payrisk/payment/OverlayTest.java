package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.practice.PracticeYear;

/** Deterministic tier: value-based overlays against hand-computed values. */
class OverlayTest {

    private static double[] flat(double perMonth) {
        double[] a = new double[13];
        for (int m = 1; m <= 12; m++) {
            a[m] = perMonth;
        }
        return a;
    }

    @Test
    void qualityWithholdHoldsBackAndReturnsByScore() {
        PracticeYear y = MedicareFixtures.year();
        double[] paid = flat(1000);
        double[] revenue = flat(1500);
        Settlements s = new Settlements();
        new QualityWithhold(0.02, Constant.of(0.8), 18).apply(y, MedicareFixtures.covers(true), 3L, 12000, paid,
                revenue, s);
        assertEquals(980, paid[5], 1e-12);
        assertEquals(1480, revenue[5], 1e-12);
        assertEquals(1, s.count());
        assertEquals(18, s.month(0));
        assertEquals(0.02 * 12000 * 0.8, s.amount(0), 1e-9); // 192 of the 240 withheld comes back
    }

    @Test
    void payForPerformanceNeedsTheThreshold() {
        PracticeYear y = MedicareFixtures.year();
        Settlements s = new Settlements();
        new PayForPerformance(0.03, Constant.of(0.8), 0.75, 15).apply(y, MedicareFixtures.covers(true), 3L,
                10000, flat(0), flat(0), s);
        new PayForPerformance(0.03, Constant.of(0.7), 0.75, 15).apply(y, MedicareFixtures.covers(true), 3L,
                10000, flat(0), flat(0), s);
        assertEquals(300, s.amount(0), 1e-9);
        assertEquals(0, s.amount(1));
    }

    @Test
    void sharedSavingsWithMinimumRateCapsAndLosses() {
        // two-sided: MSR 2%, share 50%, loss share 40%, MLR 2%, stop-gain 10%, stop-loss 5%
        SharedSavings two = new SharedSavings(Constant.of(300), 0.02, 0.5, 0.02, 0.4, 0.10, 0.05, null, 18);
        assertEquals(0.5 * 500, two.amount(10000, 9500, 1), 1e-9);      // 5% saved: half of 500
        assertEquals(0, two.amount(10000, 9850, 1), 1e-9);              // 1.5% saved: below the MSR
        assertEquals(1000, two.amount(10000, 5000, 1), 1e-9);           // 50% saved: capped at 10% of benchmark
        assertEquals(-0.4 * 300, two.amount(10000, 10300, 1), 1e-9);    // 3% over: 40% of 300
        assertEquals(-500, two.amount(10000, 13000, 1), 1e-9);          // 30% over: capped at 5%
        assertEquals(0.5 * 500 * 0.9, two.amount(10000, 9500, 0.9), 1e-9); // quality scales savings
        // one-sided: no losses
        SharedSavings one = new SharedSavings(Constant.of(300), 0.02, 0.5, 0.02, 0, 0.10, 0.05, null, 18);
        assertEquals(0, one.amount(10000, 13000, 1), 1e-9);
    }

    @Test
    void sharedSavingsBenchmarkCountsEpisodesStartedInTheHorizon() {
        // 12 episodes x 300 = 3,600 benchmark; spend 3,000 -> savings 600 (16.7%), half shared, cap 10% = 360
        PracticeYear y = MedicareFixtures.year();
        Settlements s = new Settlements();
        new SharedSavings(Constant.of(300), 0.02, 0.5, 0.02, 0, 0.10, 0.05, null, 18).apply(y, MedicareFixtures.covers(true),
                3L, 3000, flat(250), flat(250), s);
        assertEquals(300, s.amount(0), 1e-9);
        assertEquals(12, Overlay.episodesStarted(y, MedicareFixtures.covers(true)));
    }

    @Test
    void oneQualityLevelPerPracticeYear() {
        // the quality score is drawn from the claims key's quality slot: the same key gives the same
        // score to every withhold (whatever model it belongs to); another trial's key gives another
        PracticeYear y = MedicareFixtures.year();
        org.payrisk.dist.Distribution score = org.payrisk.dist.Beta.of(0.8, 0.1);
        double[] amounts = new double[3];
        long[] keys = {11L, 11L, 12L};
        for (int i = 0; i < 3; i++) {
            Settlements s = new Settlements();
            new QualityWithhold(0.1, score, 18).apply(y, MedicareFixtures.covers(true), keys[i], 12000, flat(1000), flat(1000), s);
            amounts[i] = s.amount(0);
        }
        assertEquals(amounts[0], amounts[1], 0);
        org.junit.jupiter.api.Assertions.assertNotEquals(amounts[0], amounts[2]);
        org.junit.jupiter.api.Assertions.assertTrue(amounts[0] > 0 && amounts[0] <= 1200);
    }
}
