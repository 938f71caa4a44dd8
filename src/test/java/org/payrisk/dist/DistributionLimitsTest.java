package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.junit.jupiter.api.Test;

/**
 * Each family stays correct up to the limits validation enforces (issue 7 item 4), and refuses
 * parameters beyond them with a message naming the parameter.
 */
class DistributionLimitsTest {

    /** Poisson CDF P(X &lt;= k) by direct summation of the pmf (closed form, independent of Commons Math). */
    static double poissonCdf(double mean, int k) {
        double term = Math.exp(-mean);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term *= mean / i;
            sum += term;
        }
        return sum;
    }

    @Test
    void negativeBinomialWithLargeDispersionIsPoisson() {
        for (double mean : new double[] {1e-6, 1, 5, 300}) {
            for (double dispersion : new double[] {1e9, 1e12, 1e300}) {
                NegativeBinomial d = NegativeBinomial.of(mean, dispersion);
                for (int k : new int[] {0, 1, (int) mean, (int) (2 * mean) + 3}) {
                    // total variation from Poisson(mean) is about mean / dispersion <= 3e-7 here
                    assertEquals(poissonCdf(mean, k), d.probabilityBelow(k + 1.0), 1e-6 * Math.max(1, mean / 300),
                            () -> d + " at " + k);
                }
            }
        }
        // below the switch the incomplete-beta form is kept and agrees with the Poisson limit as dispersion grows
        NegativeBinomial near = NegativeBinomial.of(5, 4e8);
        assertTrue(!near.isPoissonLimit());
        assertEquals(poissonCdf(5, 5), near.probabilityBelow(6), 1e-7);
    }

    @Test
    void countMeansAreBoundedByThePoissonSamplersRange() {
        assertDoesNotThrow(() -> Poisson.of(Poisson.MAX_MEAN).createSampler(new SplitMix64(1L)).sample());
        assertDoesNotThrow(() -> NegativeBinomial.of(NegativeBinomial.MAX_MEAN, 1).createSampler(new SplitMix64(1L)).sample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Poisson.of(1.07e9));
        assertEquals("mean: expected at most 1e9 (the range of the Poisson sampler), found 1070000000", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NegativeBinomial.of(2e9, 5)).getMessage()
                .startsWith("mean: expected at most 1e9"));
    }

    @Test
    void negativeBinomialDrawsSurviveRatesBeyondThePoissonSampler() {
        // Gamma(shape 0.001, scale 1e9) exceeds 1e9 with probability about 2e-4: many of 100,000 draws do
        ContinuousSampler s = NegativeBinomial.of(1e6, 0.001).createSampler(new SplitMix64(7L));
        double max = 0;
        for (int i = 0; i < 100_000; i++) {
            double x = s.sample();
            assertTrue(x >= 0 && Double.isFinite(x) && x == Math.rint(x), "draw " + x);
            max = Math.max(max, x);
        }
        assertTrue(max > NegativeBinomial.NORMAL_LIMIT, "the normal-approximation path was not reached: max " + max);
    }

    @Test
    void binomialKeepsToItsSamplersRange() {
        UniformRandomProvider rng = new SplitMix64(3L);
        assertDoesNotThrow(() -> Binomial.discreteSampler(rng, Binomial.MAX_N, 1e-3).sample());
        assertDoesNotThrow(() -> Binomial.of(1074, 0.5).createSampler(rng).sample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binomial.of(1075, 0.5));
        assertTrue(e.getMessage().startsWith("n: expected n and p whose least likely end"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Binomial.of(Binomial.MAX_N + 1, 0.1)).getMessage()
                .startsWith("n: expected a whole number in [0, 65535]"));
        // n min(p, 1 - p) below 2^-30: every draw is the likely end unless an event of probability 8e-12 happens
        DiscreteSampler almostSure = Binomial.discreteSampler(rng, 8, 1 - 1e-12);
        DiscreteSampler almostNever = Binomial.discreteSampler(rng, 8, 1e-12);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(8, almostSure.sample());
            assertEquals(0, almostNever.sample());
        }
    }

    @Test
    void spreadFamiliesRefuseSpreadsTheyCannotDraw() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gamma.of(4, 1e-300)).getMessage()
                .startsWith("sd: expected a gamma sd between 1e-6 and 1000 times its mean 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogNormal.of(1e-300, 1)).getMessage()
                .startsWith("sd: expected a lognormal sd between 1e-6 and 1e6 times its mean"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Beta.of(0.5, 1e-300)).getMessage()
                .startsWith("sd: expected a beta whose shape parameters alpha and beta are at least 0.001"));
        for (Distribution d : new Distribution[] {Gamma.of(4, 4e-6), Gamma.of(4, 4e3), LogNormal.of(4, 4e-6),
            LogNormal.of(4, 4e6), Beta.of(0.5, 0.5 * 1.1e-6)}) {
            ContinuousSampler s = d.createSampler(new SplitMix64(5L));
            for (int i = 0; i < 1000; i++) {
                double x = s.sample();
                assertTrue(Double.isFinite(x) && x >= 0, d + " drew " + x);
            }
        }
    }
}
