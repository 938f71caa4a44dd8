package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;

/**
 * The continuous uniform distribution on [min, max]. Sampler: one {@code nextDouble} per draw
 * (Commons RNG {@link ContinuousUniformSampler}).
 *
 * @param min lower bound, finite
 * @param max upper bound, finite, greater than min
 */
public record Uniform(double min, double max) implements Distribution {

    /** Validates min &lt; max, both finite. */
    public Uniform {
        Checks.finite("min", min);
        Checks.finite("max", max);
        Checks.ordered("min", min, "max", max);
    }

    /**
     * @param min lower bound
     * @param max upper bound
     * @return the distribution
     */
    public static Uniform of(double min, double max) {
        return new Uniform(min, max);
    }

    @Override public String family() { return "uniform"; }
    @Override public double mean() { return 0.5 * (min + max); }
    @Override public double variance() { return (max - min) * (max - min) / 12; }
    @Override public double supportMin() { return min; }
    @Override public double supportMax() { return max; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double probabilityBelow(double x) {
        return Math.min(1, Math.max(0, (x - min) / (max - min)));
    }

    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        return u == 1 ? max : min + u * (max - min);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        return ContinuousUniformSampler.of(rng, min, max);
    }

    @Override
    public String toString() {
        return "uniform(min " + Checks.format(min) + ", max " + Checks.format(max) + ")";
    }
}
