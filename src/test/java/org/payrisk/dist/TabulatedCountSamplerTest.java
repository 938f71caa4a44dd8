package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payrisk.testing.Moments;

/**
 * The tabulated sampler draws the distribution itself.
 *
 * <p>Statistical tier: N = 200,000 draws per law; moments within z = 4.5 standard errors (each check
 * fails falsely with probability about 6.8e-6), and a chi-square goodness-of-fit test over the counts
 * 0..K (cells with expected count below 5 pooled into the neighbouring cell) against the exact
 * probabilities, rejected above the 1 - 1e-5 quantile of the chi-square law (commons-math3 3.6.1):
 * false-failure rate 1e-5 per law. Over the 4 laws, about 1e-4 in all. Fixed seed 20261127, not
 * chosen to pass.
 */
class TabulatedCountSamplerTest {

    static final int N = 200_000;

    static Stream<Distribution> laws() {
        return Stream.of(NegativeBinomial.of(9, 3), NegativeBinomial.of(42 * 1.1, 15), Poisson.of(4.2),
                Binomial.of(30, 0.2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laws")
    void drawsFollowTheExactLaw(Distribution d) {
        TabulatedCountSampler table = TabulatedCountSampler.of(d);
        assertNotNull(table);
        DiscreteSampler s = table.bind(new TrialStreams(20261127L).stream(1, 0));
        double[] x = new double[N];
        int max = 0;
        for (int i = 0; i < N; i++) {
            int k = s.sample();
            assertTrue(k >= 0);
            x[i] = k;
            max = Math.max(max, k);
        }
        Moments.assertMeanAndVariance(x, d.mean(), d.variance(), 4.5, d.toString());

        long[] observed = new long[max + 2];
        for (double v : x) {
            observed[(int) v]++;
        }
        // pool cells from the right until each has an expected count of at least 5
        double chi2 = 0;
        int cells = 0;
        double expectedPool = 0;
        long observedPool = 0;
        for (int k = 0; k <= max + 1; k++) {
            double pk = k == max + 1 ? 1 - d.probabilityBelow(max + 1.0) : d.probabilityBelow(k + 1.0) - d.probabilityBelow(k);
            expectedPool += N * pk;
            observedPool += observed[k];
            if (expectedPool >= 5 && (k == max + 1 || N * (1 - d.probabilityBelow(k + 1.0)) >= 5)) {
                chi2 += (observedPool - expectedPool) * (observedPool - expectedPool) / expectedPool;
                cells++;
                expectedPool = 0;
                observedPool = 0;
            }
        }
        if (expectedPool > 0) {
            chi2 += (observedPool - expectedPool) * (observedPool - expectedPool) / Math.max(expectedPool, 1e-300);
            cells++;
        }
        double critical = new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(1 - 1e-5);
        assertTrue(chi2 < critical, d + ": chi2 = " + chi2 + " over " + cells + " cells, critical " + critical);
    }

    @Test
    void theTableIsMinimalAndTheTailIsDrawnByInversionOfTheExactCdf() {
        NegativeBinomial nb = NegativeBinomial.of(9, 3);
        TabulatedCountSampler t = TabulatedCountSampler.of(nb);
        int size = t.tableSize();
        double head = nb.probabilityBelow(size); // P(X <= size - 1)
        assertTrue(head >= 1 - TabulatedCountSampler.TAIL, "the table holds all but the tail");
        assertTrue(nb.probabilityBelow(size - 1.0) < 1 - TabulatedCountSampler.TAIL, "and is no longer than needed");
        assertEquals(size, t.tailDraw(0.0), "the tail starts right after the table");
        int median = t.tailDraw(0.5);
        double target = head + 0.5 * (1 - head);
        assertTrue(nb.probabilityBelow(median + 1.0) >= target, "P(X <= k) reaches the target");
        assertTrue(median == size || nb.probabilityBelow(median) < target, "and k is the smallest such count");
    }

    @Test
    void onlyCountLawsWithAFiniteTableAreTabulated() {
        assertNull(TabulatedCountSampler.of(Normal.of(3, 1)));
        assertNull(TabulatedCountSampler.of(Constant.of(4)));
        assertNull(TabulatedCountSampler.of(Poisson.of(0)));
        assertEquals(Binomial.of(5, 0.5), TabulatedCountSampler.of(Binomial.of(5, 0.5)).distribution());
    }
}
