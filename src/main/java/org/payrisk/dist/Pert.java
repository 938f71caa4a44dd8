package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The (standard, lambda = 4) PERT distribution: min + (max - min) x Beta(a, b) with
 * a = 1 + 4 (mode - min) / (max - min) and b = 1 + 4 (max - mode) / (max - min); its mean is
 * (min + 4 mode + max) / 6. Sampler: Commons RNG {@link ChengBetaSampler} (rejection; a variable
 * number of {@code nextDouble} calls).
 *
 * @param min lower bound
 * @param mode the most likely value, in [min, max]
 * @param max upper bound, greater than min
 */
public record Pert(double min, double mode, double max) implements Distribution {

    /** Validates min &lt; max and min &lt;= mode &lt;= max. */
    public Pert {
        new Triangular(min, mode, max); // same parameter rules and messages
    }

    /**
     * @param min lower bound
     * @param mode most likely value
     * @param max upper bound
     * @return the distribution
     */
    public static Pert of(double min, double mode, double max) {
        return new Pert(min, mode, max);
    }

    private double alpha() {
        return 1 + 4 * (mode - min) / (max - min);
    }

    private double beta() {
        return 1 + 4 * (max - mode) / (max - min);
    }

    @Override public String family() { return "pert"; }
    @Override public double mean() { return (min + 4 * mode + max) / 6; }
    @Override public double supportMin() { return min; }
    @Override public double supportMax() { return max; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double variance() {
        double m = mean();
        return (m - min) * (max - m) / 7;
    }

    @Override
    public double probabilityBelow(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta((x - min) / (max - min), alpha(), beta());
    }

    /** min + (max - min) x the Beta(a, b) quantile (commons-math3 3.6.1 {@code BetaDistribution}). */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0 || u == 1) {
            return u == 0 ? min : max;
        }
        double unit = new org.apache.commons.math3.distribution.BetaDistribution(null, alpha(), beta(), 1e-14)
                .inverseCumulativeProbability(u);
        return Math.min(max, Math.max(min, min + (max - min) * unit));
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        final ContinuousSampler unit = ChengBetaSampler.of(rng, alpha(), beta());
        final double lo = min;
        final double width = max - min;
        return () -> lo + width * unit.sample();
    }

    @Override
    public String toString() {
        return "PERT(min " + Checks.format(min) + ", mode " + Checks.format(mode) + ", max "
                + Checks.format(max) + ")";
    }
}
