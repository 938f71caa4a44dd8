package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The gamma distribution given by its mean and standard deviation: shape = mean^2 / sd^2,
 * scale = sd^2 / mean. Sampler: Commons RNG {@link AhrensDieterMarsagliaTsangGammaSampler}.
 *
 * @param mean mean, &gt; 0
 * @param sdValue standard deviation, &gt; 0
 */
public record Gamma(double mean, double sdValue) implements Distribution {

    /** Smallest and largest coefficient of variation sd / mean (shape 1e12 down to 1e-6). */
    public static final double MIN_CV = 1e-6;
    /** @see #MIN_CV */
    public static final double MAX_CV = 1e3;

    /**
     * Validates mean &gt; 0, sd &gt; 0 and {@link #MIN_CV} &lt;= sd / mean &lt;= {@link #MAX_CV}: outside it
     * the shape (mean / sd)^2 leaves the range where the sampler and the incomplete gamma function
     * are accurate (a smaller sd is a constant; a larger one puts nearly all mass at 0).
     */
    public Gamma {
        Checks.positive("mean", mean);
        Checks.positive("sd", sdValue);
        Checks.relativeSpread("sd", sdValue, mean, MIN_CV, MAX_CV, "gamma");
    }

    /**
     * @param mean mean
     * @param sd standard deviation
     * @return the distribution
     */
    public static Gamma of(double mean, double sd) {
        return new Gamma(mean, sd);
    }

    /** @return the shape parameter */
    public double shape() {
        return mean * mean / (sdValue * sdValue);
    }

    /** @return the scale parameter */
    public double scale() {
        return sdValue * sdValue / mean;
    }

    @Override public String family() { return "gamma"; }
    @Override public double variance() { return sdValue * sdValue; }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double probabilityBelow(double x) {
        return x <= 0 ? 0 : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape(), x / scale());
    }

    /** commons-math3 3.6.1 {@code GammaDistribution} (bracketing solver on the regularised gamma). */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0 || u == 1) {
            return u == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return new org.apache.commons.math3.distribution.GammaDistribution(null, shape(), scale(), 1e-14)
                .inverseCumulativeProbability(u);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape(), scale());
    }

    @Override
    public String toString() {
        return "gamma(mean " + Checks.format(mean) + ", sd " + Checks.format(sdValue) + ")";
    }
}
