package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformContinuousSampler;

/**
 * The triangular distribution on [min, max] with its peak at mode. Sampler: inverse transform
 * (Commons RNG {@link InverseTransformContinuousSampler}), one {@code nextDouble} per draw.
 *
 * @param min lower bound
 * @param mode the most likely value, in [min, max]
 * @param max upper bound, greater than min
 */
public record Triangular(double min, double mode, double max) implements Distribution {

    /** Validates min &lt; max and min &lt;= mode &lt;= max. */
    public Triangular {
        Checks.finite("min", min);
        Checks.finite("mode", mode);
        Checks.finite("max", max);
        Checks.ordered("min", min, "max", max);
        if (mode < min || mode > max) {
            throw new IllegalArgumentException("mode: expected a value in [min, max] = [" + Checks.format(min)
                    + ", " + Checks.format(max) + "], found " + Checks.format(mode));
        }
    }

    /**
     * @param min lower bound
     * @param mode peak
     * @param max upper bound
     * @return the distribution
     */
    public static Triangular of(double min, double mode, double max) {
        return new Triangular(min, mode, max);
    }

    @Override public String family() { return "triangular"; }
    @Override public double mean() { return (min + mode + max) / 3; }
    @Override public double supportMin() { return min; }
    @Override public double supportMax() { return max; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double variance() {
        return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    }

    @Override
    public double probabilityBelow(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        double w = max - min;
        return x <= mode ? (x - min) * (x - min) / (w * (mode - min))
                         : 1 - (max - x) * (max - x) / (w * (max - mode));
    }

    /** Closed form: the inverse of the two quadratic pieces of the CDF. */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        double width = max - min;
        if (u * width <= mode - min) {
            return Math.min(mode, min + Math.sqrt(u * width * (mode - min)));
        }
        return Math.max(mode, max - Math.sqrt((1 - u) * width * (max - mode)));
    }

    private double inverse(double u) {
        double w = max - min;
        double split = (mode - min) / w;
        return u < split ? min + Math.sqrt(u * w * (mode - min))
                         : max - Math.sqrt((1 - u) * w * (max - mode));
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        return InverseTransformContinuousSampler.of(rng, this::inverse);
    }

    @Override
    public String toString() {
        return "triangular(min " + Checks.format(min) + ", mode " + Checks.format(mode) + ", max "
                + Checks.format(max) + ")";
    }
}
