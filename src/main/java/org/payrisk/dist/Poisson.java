package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The Poisson distribution with the given mean (a count). Sampler: Commons RNG
 * {@link PoissonSampler} (small-mean inversion below 40, Ahrens-Dieter/Devroye above); a mean of
 * 0 always draws 0 with no RNG call.
 *
 * @param mean mean, in [0, {@link #MAX_MEAN}]
 */
public record Poisson(double mean) implements Distribution {

    /**
     * Largest mean: Commons RNG's {@link PoissonSampler} accepts means up to 2^30 (about 1.07e9);
     * payrisk keeps a round margin below it.
     */
    public static final double MAX_MEAN = 1e9;

    /** Validates 0 &lt;= mean &lt;= {@link #MAX_MEAN}. */
    public Poisson {
        Checks.nonNegative("mean", mean);
        Checks.atMost("mean", mean, MAX_MEAN, "the range of the Poisson sampler");
    }

    /**
     * @param mean mean, &gt;= 0
     * @return the distribution
     */
    public static Poisson of(double mean) {
        return new Poisson(mean);
    }

    @Override public String family() { return "poisson"; }
    @Override public double variance() { return mean; }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean isIntegerValued() { return true; }

    @Override
    public double probabilityBelow(double x) {
        double k = Math.ceil(x) - 1; // P(X < x) = P(X <= ceil(x) - 1)
        if (k < 0) {
            return 0;
        }
        return mean == 0 ? 1 : org.apache.commons.math3.special.Gamma.regularizedGammaQ(k + 1, mean);
    }

    /** The smallest k with P(X &lt;= k) &gt;= u, by search on the exact CDF. */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0) {
            return 0;
        }
        return u == 1 ? supportMax() : InverseCdf.countSearch(this, u, Double.POSITIVE_INFINITY);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        if (mean == 0) {
            return () -> 0;
        }
        final PoissonSampler s = new PoissonSampler(rng, mean);
        return s::sample;
    }

    @Override
    public Distribution withMeanScaledBy(double factor) {
        return new Poisson(mean * factor);
    }

    @Override
    public String toString() {
        return "poisson(mean " + Checks.format(mean) + ")";
    }
}
