package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;

/**
 * The binomial distribution: successes in n independent trials of probability p. Sampler: Commons
 * RNG {@link MarsagliaTsangWangDiscreteSampler.Binomial} (table lookup, one {@code nextInt} per
 * draw); p = 0 or 1 draws 0 or n with no RNG call. When n min(p, 1 - p) is below 2^-30, the table
 * would hold all the mass in one value and the sampler fails, so such a binomial is drawn by
 * inversion instead (one {@code nextDouble}), exactly.
 *
 * <p>Limits are the table sampler's: n at most {@value #MAX_N}, and (1 - min(p, 1 - p))^n must not
 * underflow to 0 (for p = 0.5, n at most 1074).
 *
 * @param n number of trials, 0 to {@value #MAX_N}
 * @param p success probability, in [0, 1]
 */
public record Binomial(int n, double p) implements Distribution {

    /** Largest n the table sampler accepts (Commons RNG's Marsaglia-Tsang-Wang binomial: 2^16 - 1). */
    public static final int MAX_N = (1 << 16) - 1;

    /** Below this n min(p, 1 - p), draws are by inversion: see the class comment. */
    static final double RARE = 0x1.0p-30;

    /** Validates n and p, and that the table sampler can represent the law. */
    public Binomial {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("n: expected a whole number in [0, " + MAX_N + "], found " + n);
        }
        Checks.probability("p", p);
        if (!(Math.pow(1 - Math.min(p, 1 - p), n) > 0)) {
            throw new IllegalArgumentException("n: expected n and p whose least likely end (1 - min(p, 1 - p))^n does not "
                    + "underflow to 0 (the range of the binomial sampler; for p = 0.5, n up to 1074), found n = " + n
                    + ", p = " + Checks.format(p) + "; use a normal or a negative binomial for so many trials");
        }
    }

    /**
     * @param n trials
     * @param p success probability
     * @return the distribution
     */
    public static Binomial of(int n, double p) {
        return new Binomial(n, p);
    }

    @Override public String family() { return "binomial"; }
    @Override public double mean() { return n * p; }
    @Override public double variance() { return n * p * (1 - p); }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return n; }
    @Override public boolean isIntegerValued() { return true; }

    @Override
    public double probabilityBelow(double x) {
        double k = Math.ceil(x) - 1;
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        if (p == 0) {
            return 1;
        }
        if (p == 1) {
            return 0;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta(1 - p, n - k, k + 1);
    }

    /** The smallest k with P(X &lt;= k) &gt;= u, by search on the exact CDF. */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0) {
            return 0;
        }
        return u == 1 ? supportMax() : InverseCdf.countSearch(this, u, n);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        final DiscreteSampler s = discreteSampler(rng, n, p);
        return s::sample;
    }

    /**
     * A binomial sampler for the hot path (no boxing, no wrapper).
     *
     * @param rng generator
     * @param n trials, in [0, {@link #MAX_N}]
     * @param p probability, in [0, 1]
     * @return a sampler of Binomial(n, p)
     */
    public static DiscreteSampler discreteSampler(UniformRandomProvider rng, int n, double p) {
        if (n == 0 || p == 0) {
            return () -> 0;
        }
        if (p == 1) {
            return () -> n;
        }
        double q = Math.min(p, 1 - p);
        if (n * q < RARE) {
            return rareEvents(rng, n, p);
        }
        return MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, p);
    }

    /** Inversion from the likely end: nearly every draw stops at the first comparison. */
    private static DiscreteSampler rareEvents(UniformRandomProvider rng, int n, double p) {
        final boolean flip = p > 0.5;
        final double q = flip ? 1 - p : p;
        final double p0 = Math.pow(1 - q, n);
        final double ratio = q / (1 - q);
        return () -> {
            double u = rng.nextDouble();
            int k = 0;
            double pk = p0;
            double cdf = p0;
            while (u >= cdf && k < n) {
                pk *= (n - k) / (k + 1.0) * ratio;
                k++;
                cdf += pk;
            }
            return flip ? n - k : k;
        };
    }

    @Override
    public String toString() {
        return "binomial(n " + n + ", p " + Checks.format(p) + ")";
    }
}
