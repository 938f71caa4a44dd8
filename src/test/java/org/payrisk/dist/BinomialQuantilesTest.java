package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BinomialQuantiles}, deterministic: against a binomial cdf summed here from log-probabilities
 * (log n! by commons-math3 3.6.1's log-gamma function, so it shares nothing with the recursion under
 * test and never underflows) at 2,000 uniforms for each n and p of a grid; and at named cases, one set
 * for each way the class answers, against values from scipy.
 */
class BinomialQuantilesTest {

    @Test
    void isTheBinomialInverseCdf() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2026L);
        int[] ns = {1, 2, 3, 5, 8, 20, 100, 1000, 3000};
        double[] ps = {0.001, 0.06, 0.3, 0.5, 0.9, 0.999};
        int skipped = 0;
        for (double p : ps) {
            BinomialQuantiles q = new BinomialQuantiles(p);
            for (int n : ns) {
                double[] cdf = cdf(n, p);
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
        assertTrue(skipped < 20, "few draws skipped: " + skipped);
    }

    /**
     * Cases chosen for each way {@link BinomialQuantiles#quantile} answers, expected values from
     * scipy.stats 1.17.1 (numpy 2.4.6, Python 3.11), {@code binom.ppf(u, n, p)}, and confirmed by
     * summing the cdf in 60-digit arithmetic (mpmath 1.3.0, at the double values of p and u): every u is
     * at least 1e-5 from a step of the cdf, so the two conventions at a step (u &lt; or &lt;= P(X &lt;= x))
     * give the same x. In the underflow cases (1 - p)^n is 0 as a double, so the recursion from zero
     * would never reach u and would answer n: there an expected value below n fails if the case's
     * branch is missing, and a reflection that drops {@code n -} or the {@code 1 - u} fails too.
     */
    @Test
    void eachWayOfAnsweringAgainstScipy() {
        // 0 in one comparison: n = 16 is among the powers an instance starts with, and u < 0.94^16 = 0.37
        assertQuantile(0.06, 16, 0.2, 0);
        // the recursion from (1 - p)^n = 0.94^20 = 0.29 (n = 20 is past the first powers, so even 0 is found there)
        assertQuantile(0.06, 20, 0.2, 0);
        assertQuantile(0.06, 20, 0.5, 1);
        assertQuantile(0.06, 20, 0.9, 3);
        assertQuantile(0.06, 20, 0.999, 5);
        // reflection: 0.1^1000 = 1e-1000 underflows, p > 1/2 and 0.9^1000 = 1.7e-46 is normal, so
        // 1000 - the Binomial(1000, 0.1) quantile at 1 - u, by that instance's recursion
        assertQuantile(0.9, 1000, 0.001, 870);
        assertQuantile(0.9, 1000, 0.5, 900);
        assertQuantile(0.9, 1000, 0.999, 928);
        // reflection: 0.001^1000 underflows, 0.999^1000 = 0.37; at u = 0.9, 1 - u = 0.1 is below 0.37, so
        // the reflected instance's recursion stops at 0 (n = 1000 is past its first powers) and the draw is n
        assertQuantile(0.999, 1000, 0.1, 998);
        assertQuantile(0.999, 1000, 0.5, 999);
        assertQuantile(0.999, 1000, 0.9, 1000);
        // commons-math3's search, p not above 1/2: 0.5^3000 = 8e-904 underflows, no reflection at p = 1/2
        assertQuantile(0.5, 3000, 0.001, 1415);
        assertQuantile(0.5, 3000, 0.5, 1500);
        assertQuantile(0.5, 3000, 0.999, 1585);
        // commons-math3's search, p below 1/2: 0.7^3000 = 2e-465 underflows
        assertQuantile(0.3, 3000, 0.001, 823);
        assertQuantile(0.3, 3000, 0.5, 900);
        assertQuantile(0.3, 3000, 0.999, 978);
        // commons-math3's search, p above 1/2 where p^n underflows too: 0.1^8000 and 0.9^8000 = 8e-367
        assertQuantile(0.9, 8000, 0.001, 7116);
        assertQuantile(0.9, 8000, 0.5, 7200);
        assertQuantile(0.9, 8000, 0.999, 7282);
    }

    /** Checks one quantile on a new instance, so each case starts with no powers but the first 17. */
    private static void assertQuantile(double p, int n, double u, int expected) {
        assertEquals(expected, new BinomialQuantiles(p).quantile(n, u), "Binomial(" + n + ", " + p + ") at u = " + u);
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
