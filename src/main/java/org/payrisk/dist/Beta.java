package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The beta distribution on [0, 1] given by its mean and standard deviation (method of moments):
 * nu = mean (1 - mean) / sd^2 - 1, alpha = mean nu, beta = (1 - mean) nu. Needs
 * 0 &lt; mean &lt; 1 and sd^2 &lt; mean (1 - mean). Sampler: Commons RNG {@link ChengBetaSampler}.
 *
 * @param mean mean, in (0, 1)
 * @param sdValue standard deviation, &gt; 0 and below sqrt(mean (1 - mean))
 */
public record Beta(double mean, double sdValue) implements Distribution {

    /** Validates the moments describe a beta law. */
    public Beta {
        Checks.finite("mean", mean);
        if (mean <= 0 || mean >= 1) {
            throw new IllegalArgumentException("mean: expected a number strictly between 0 and 1, found " + mean);
        }
        Checks.positive("sd", sdValue);
        double limit = Math.sqrt(mean * (1 - mean));
        if (sdValue >= limit) {
            throw new IllegalArgumentException("sd: expected less than sqrt(mean (1 - mean)) = " + limit
                    + " for a beta with mean " + Checks.format(mean) + ", found " + Checks.format(sdValue));
        }
        double nu = mean * (1 - mean) / (sdValue * sdValue) - 1;
        double a = mean * nu;
        double b = (1 - mean) * nu;
        if (!(Math.min(a, b) >= MIN_SHAPE && nu <= MAX_NU)) {
            throw new IllegalArgumentException("sd: expected a beta whose shape parameters alpha and beta are at least "
                    + MIN_SHAPE + " and whose alpha + beta is at most 1e12 (where the sampler is accurate), found mean "
                    + Checks.format(mean) + ", sd " + Checks.format(sdValue) + " giving alpha " + (float) a + ", beta "
                    + (float) b);
        }
    }

    /** Smallest shape parameter: below it the sampler's draws underflow to 0 or 1. */
    public static final double MIN_SHAPE = 1e-3;

    /** Largest alpha + beta: beyond it the law is a constant for every purpose. */
    public static final double MAX_NU = 1e12;

    /**
     * @param mean mean in (0, 1)
     * @param sd standard deviation
     * @return the distribution
     */
    public static Beta of(double mean, double sd) {
        return new Beta(mean, sd);
    }

    private double nu() {
        return mean * (1 - mean) / (sdValue * sdValue) - 1;
    }

    /** @return the first shape parameter */
    public double alpha() {
        return mean * nu();
    }

    /** @return the second shape parameter */
    public double beta() {
        return (1 - mean) * nu();
    }

    @Override public String family() { return "beta"; }
    @Override public double variance() { return sdValue * sdValue; }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return 1; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double probabilityBelow(double x) {
        if (x <= 0) {
            return 0;
        }
        return x >= 1 ? 1 : org.apache.commons.math3.special.Beta.regularizedBeta(x, alpha(), beta());
    }

    /** commons-math3 3.6.1 {@code BetaDistribution}. */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0 || u == 1) {
            return u;
        }
        return new org.apache.commons.math3.distribution.BetaDistribution(null, alpha(), beta(), 1e-14)
                .inverseCumulativeProbability(u);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        return ChengBetaSampler.of(rng, alpha(), beta());
    }

    @Override
    public String toString() {
        return "beta(mean " + Checks.format(mean) + ", sd " + Checks.format(sdValue) + ")";
    }
}
