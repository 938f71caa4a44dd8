package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BinomialQuantiles} against a binomial cdf summed here from log-probabilities (log n! by
 * commons-math3 3.6.1's log-gamma function, so it shares nothing with the recursion under test and
 * never underflows), deterministic: at 2,000 uniforms for each n and p, in the recursion's range and
 * where (1 - p)^n underflows: the reflection (p above 1/2) and the commons-math3 search beyond it.
 */
class BinomialQuantilesTest {

    @Test
    void isTheBinomialInverseCdf() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2026L);
        int[] ns = {1, 2, 3, 5, 8, 20, 100, 1000, 3000};
        double[] ps = {0.001, 0.06, 0.3, 0.5, 0.9, 0.999};
        int reflected = 0;
        int searched = 0;
        int skipped = 0;
        for (double p : ps) {
            BinomialQuantiles q = new BinomialQuantiles(p);
            for (int n : ns) {
                double[] cdf = cdf(n, p);
                boolean underflows = Math.pow(1 - p, n) < Double.MIN_NORMAL;
                reflected += underflows && p > 0.5 && Math.pow(p, n) >= Double.MIN_NORMAL ? 1 : 0;
                searched += underflows && !(p > 0.5 && Math.pow(p, n) >= Double.MIN_NORMAL) ? 1 : 0;
                for (int i = 0; i < 2000; i++) {
                    double u = rng.nextDouble();
                    int x = q.quantile(n, u);
                    // the summed cdf is accurate to about 1e-12 here: skip u that close to one of its steps
                    if (Math.abs(cdf[x] - u) < 1e-9 || x > 0 && Math.abs(cdf[x - 1] - u) < 1e-9) {
                        skipped++;
                        continue;
                    }
                    assertTrue(u < cdf[x] && (x == 0 || u >= cdf[x - 1]),
                            "n = " + n + ", p = " + p + ", u = " + u + ": " + x + " is not the smallest x with u < P(X <= x)");
                }
            }
        }
        assertTrue(reflected >= 3 && searched >= 2, "the underflow's ranges are covered: " + reflected + " reflected, "
                + searched + " searched");
        assertTrue(skipped < 20, "few draws skipped: " + skipped);
    }

    /** P(X &lt;= x) for x = 0..n, from exp(log C(n, x) + x log p + (n - x) log(1 - p)). */
    private static double[] cdf(int n, double p) {
        double[] cdf = new double[n + 1];
        double sum = 0;
        for (int x = 0; x <= n; x++) {
            double logChoose = Gamma.logGamma(n + 1.0) - Gamma.logGamma(x + 1.0) - Gamma.logGamma(n - x + 1.0);
            sum += Math.exp(logChoose + x * Math.log(p) + (n - x) * Math.log1p(-p));
            cdf[x] = sum;
        }
        return cdf;
    }

    @Test
    void endsAndEmptyTrials() {
        assertEquals(0, new BinomialQuantiles(0).quantile(10, 0.999));
        assertEquals(10, new BinomialQuantiles(1).quantile(10, 0));
        assertEquals(0, new BinomialQuantiles(0.5).quantile(0, 0.999));
        assertEquals(0, new BinomialQuantiles(0.2).quantile(3, 0.511)); // P(X = 0) = 0.8^3 = 0.512
        assertEquals(1, new BinomialQuantiles(0.2).quantile(3, 0.513)); // P(X <= 1) = 0.896
        assertEquals(2, new BinomialQuantiles(0.2).quantile(3, 0.897)); // P(X <= 2) = 0.992
        assertEquals(3, new BinomialQuantiles(0.2).quantile(3, 0.993));
    }
}
