package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Deterministic tier: the table's draw is the inverse of the binomial cdf, checked against
 * commons-math3 3.6.1's BinomialDistribution (an independent implementation) at every step of the cdf
 * for n = 0..12 and several probabilities, including 0 and 1.
 */
class SmallBinomialsTest {

    @Test
    void drawsAreTheInverseOfTheBinomialCdf() {
        SmallBinomials t = new SmallBinomials(12);
        for (double p : new double[] {0, 1e-3, 0.06, 0.11, 0.5, 0.89, 1}) {
            t.set(p);
            for (int n = 0; n <= 12; n++) {
                BinomialDistribution ref = new BinomialDistribution(null, n, p);
                for (int x = 0; x <= n; x++) {
                    double below = x == 0 ? 0 : ref.cumulativeProbability(x - 1);
                    double at = ref.cumulativeProbability(x);
                    if (at - below > 1e-9) { // steps wide enough that 1% of one is far above rounding
                        double mid = (below + at) / 2;
                        assertEquals(x, t.sample(n, mid), "p " + p + ", n " + n + ", middle of x = " + x + "'s step");
                        assertEquals(x, t.sample(n, below + (at - below) * 0.01), "p " + p + ", n " + n + ", bottom of x = " + x);
                    }
                }
                if (p == 0) {
                    assertEquals(0, t.sample(n, Math.nextDown(1.0)), "p = 0 never succeeds, n " + n);
                }
                if (p == 1) {
                    assertEquals(n, t.sample(n, 0.0), "p = 1 always succeeds, n " + n);
                }
            }
        }
    }
}
