package org.payrisk.dist;

import org.apache.commons.math3.special.Erf;

/**
 * Shared parts of the families' inverse CDFs: the argument check, the standard normal quantile and
 * the integer search used by the count families.
 */
final class InverseCdf {

    private static final double SQRT2 = Math.sqrt(2);

    /** Largest double below which every whole number is exact (2^53). */
    private static final double MAX_EXACT = 0x1p53;

    private InverseCdf() {
    }

    /**
     * @param u a probability
     * @return u
     * @throws IllegalArgumentException unless 0 &lt;= u &lt;= 1
     */
    static double check(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("u: expected a probability in [0, 1], found " + u);
        }
        return u;
    }

    /**
     * The standard normal quantile: commons-math3's {@code erfInv} start, refined by two Newton steps
     * on the lower-tail CDF (computed with {@code erfc}, which keeps its relative precision far into
     * the tail, where {@code erfInv(2p - 1)} has lost it).
     *
     * @param p a probability in [0, 1]
     * @return z with Phi(z) = p (infinite at 0 and 1)
     */
    static double standardNormal(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -standardNormal(1 - p);
        }
        double z = SQRT2 * Erf.erfInv(2 * p - 1);
        if (Double.isInfinite(z)) {
            z = -38.5;
        }
        for (int i = 0; i < 2; i++) {
            double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            if (!(pdf > 0)) {
                break;
            }
            z -= (0.5 * Erf.erfc(-z / SQRT2) - p) / pdf;
        }
        return z;
    }

    /**
     * The smallest whole k &gt;= 0 with P(X &lt;= k) &gt;= u, found by doubling then bisection on the
     * family's exact CDF (P(X &lt;= k) = P(X &lt; k + 1)).
     *
     * @param d an integer-valued family on 0, 1, 2, ...
     * @param u a probability in (0, 1)
     * @param upperBound the largest value the family can take (may be infinite)
     * @return the quantile
     */
    static double countSearch(Distribution d, double u, double upperBound) {
        if (d.probabilityBelow(1) >= u) {
            return 0;
        }
        double lo = 0; // P(X <= lo) < u
        double hi = Math.min(upperBound, Math.max(1, Math.ceil(d.mean() + 4 * d.sd())));
        while (hi < upperBound && d.probabilityBelow(hi + 1) < u) {
            lo = hi;
            hi = Math.min(upperBound, 2 * hi);
            if (hi > MAX_EXACT) {
                return Double.POSITIVE_INFINITY; // u beyond the CDF's floating-point reach
            }
        }
        while (hi - lo > 1) {
            double mid = Math.floor(lo + (hi - lo) / 2);
            if (d.probabilityBelow(mid + 1) >= u) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
