package org.payrisk.dist;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Binomial(n, p) at one probability p for any n, drawn by inversion from zero with the probabilities
 * computed on the way: P(X = 0) = (1 - p)^n, then P(X = x + 1) = P(X = x) (n - x) / (x + 1) p / (1 - p).
 * A draw of 0 costs one comparison (for n up to 16, or any n drawn before), and each step above it a
 * few multiplications, so for a small p (a claim denial rate: most draws are 0) it is cheaper than a
 * sampler; unlike {@link SmallBinomials} it keeps no cdf table, only the powers (1 - p)^n, so it suits
 * a p drawn anew each trial and a few hundred draws at each.
 *
 * <p>Exact to floating-point accuracy: {@link #quantile} returns the smallest x with
 * u &lt; P(X &lt;= x). Where (1 - p)^n is below the smallest normal double (n large and p above 1/2),
 * the recursion would start from an underflowed 0, so the draw is reflected instead: n minus the
 * Binomial(n, 1 - p) quantile at 1 - u, whose recursion starts from p^n &gt;= 2^-n, a normal double
 * for n up to 1,022 (payrisk's groups have at most 1,000 follow-ups). The reflection returns the
 * smallest x with u &lt;= P(X &lt;= x), which differs only where u equals a value of the cdf. Beyond
 * that, where p^n underflows too, the draw searches the cdf (commons-math3's
 * {@link BinomialDistribution#inverseCumulativeProbability}, on the regularized incomplete beta
 * function; the same convention).
 *
 * <p>Not thread safe: it keeps the powers (1 - p)^n it has computed. One instance per rule call.
 */
public final class BinomialQuantiles {

    private final double p;
    /** p / (1 - p), the ratio of successive probabilities apart from (n - x) / (x + 1) */
    private final double odds;
    /** powers[n] = (1 - p)^n = P(X = 0) for the n seen so far (at least 0..16) */
    private double[] powers = {1};
    /** Binomial(n, 1 - p), for draws reflected where (1 - p)^n underflows; made on first use */
    private BinomialQuantiles reflected;

    /** @param p success probability in [0, 1] */
    public BinomialQuantiles(double p) {
        this.p = Checks.probability("p", p);
        this.odds = p / (1 - p); // infinite at p = 1, which search answers without it
        power(16);
    }

    /**
     * @param n trials, &gt;= 0
     * @param u a uniform draw in [0, 1)
     * @return the Binomial(n, p) value at {@code u}: the smallest x with u &lt; P(X &lt;= x)
     */
    public int quantile(int n, double u) {
        // 0 in one comparison, small enough for C1 (the compiler of short runs) to inline at the
        // caller: P(X = 0) = (1 - p)^n is 1 at p = 0 or n = 0, and 0 at p = 1 (n > 0)
        return n < powers.length && u < powers[n] ? 0 : search(n, u);
    }

    /**
     * {@link #quantile} above 0, or for an n larger than any before. p = 0 needs no case of its own
     * (P(X = 0) = 1 ends the search at 0); p = 1 does, as reflecting u = 0 would leave [0, 1).
     */
    private int search(int n, double u) {
        if (p == 1) {
            return n;
        }
        double pmf = power(n);
        if (pmf < Double.MIN_NORMAL) {
            if (p > 0.5 && Math.pow(p, n) >= Double.MIN_NORMAL) {
                if (reflected == null) {
                    reflected = new BinomialQuantiles(1 - p);
                }
                return n - reflected.quantile(n, 1 - u); // 1 - u is exact for u a multiple of 2^-53
            }
            return new BinomialDistribution(null, n, p).inverseCumulativeProbability(u);
        }
        double cdf = pmf;
        int x = 0;
        while (u >= cdf && x < n) {
            pmf *= (double) (n - x) / (x + 1) * odds;
            x++;
            cdf += pmf;
        }
        return x;
    }

    /** (1 - p)^n, by products of the powers below it (extended as larger n come). */
    private double power(int n) {
        if (n >= powers.length) {
            int from = powers.length;
            powers = Arrays.copyOf(powers, Math.max(n + 1, 2 * from));
            for (int i = from; i < powers.length; i++) {
                powers[i] = powers[i - 1] * (1 - p);
            }
        }
        return powers[n];
    }
}
