package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;

/**
 * The binomial distribution: successes in n independent trials of probability p. Sampler: Commons
 * RNG {@link MarsagliaTsangWangDiscreteSampler.Binomial} (table lookup, one {@code nextInt} per
 * draw); p = 0 or 1 draws 0 or n with no RNG call.
 *
 * @param n number of trials, 0 to 16,777,215
 * @param p success probability, in [0, 1]
 */
public record Binomial(int n, double p) implements Distribution {

    /** Largest n the table sampler accepts. */
    public static final int MAX_N = (1 << 24) - 1;

    /** Validates n and p. */
    public Binomial {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("n: expected a whole number in [0, " + MAX_N + "], found " + n);
        }
        Checks.probability("p", p);
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
        return MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, p);
    }

    @Override
    public String toString() {
        return "binomial(n " + n + ", p " + Checks.format(p) + ")";
    }
}
