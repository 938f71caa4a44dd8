package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.practice.PracticeYear;

/**
 * Statistical tier: the per-claim assistant draw has the right mean. On the constant year (24
 * follow-ups of 3 units) with assistantShare p = 0.3, the year's payment is
 * E = 12 x 100.60 x r + 24 x F x r x (1 - 0.15 p), r = 0.984 the received share, F the allowed
 * follow-up; each follow-up's payment has variance (0.15 F r)^2 p (1 - p), so over N independent
 * years the mean's standard error is sqrt(24 p (1 - p)) x 0.15 F r / sqrt(N), known exactly. The
 * tolerance is 4.4 standard errors: a false failure rate of about 1e-5 (two-sided normal). Year i uses
 * generator L64_X128_MIX seeded from the long i (commons-rng expands it with SplitMix64; raw tiny
 * state arrays such as {i, 7, 11, 13} give correlated first outputs).
 */
class MedicareStatisticalTest {

    @Test
    void assistantShareHasTheRightMean() {
        final double cf = 32.3465;
        FeeSchedule s = new FeeSchedule(List.of("97165", "97530"), new double[] {100.60, 1.07 * cf}, new double[] {60, 0.62 * cf});
        final double p = 0.3;
        MedicareFeeForService rule = new MedicareFeeForService(s, 0, null, new double[] {0, 1}, Constant.of(p), 0.85, 0.5,
                0.8, 0.02, Constant.of(1), Constant.of(0), Constant.of(0), Constant.of(0), null);
        PracticeYear y = MedicareFixtures.year();
        final int n = 4000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] rev = new double[13];
            rule.accrue(y, MedicareFixtures.covers(true), RandomSource.L64_X128_MIX.create((long) i), rev);
            sum += MedicareFixtures.sum(rev);
        }
        double r = 0.8 * 0.98 + 0.2;
        double f = 3 * 1.07 * cf - 0.5 * 2 * 0.62 * cf;
        double expected = 12 * 100.60 * r + 24 * f * r * (1 - 0.15 * p);
        double se = Math.sqrt(24 * p * (1 - p)) * 0.15 * f * r / Math.sqrt(n);
        assertEquals(expected, sum / n, 4.4 * se);
    }
}
