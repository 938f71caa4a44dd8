package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A degenerate distribution: every draw is {@code value}. A bare number in a scenario file.
 *
 * @param value the value, finite
 */
public record Constant(double value) implements Distribution {

    /** Validates the value. */
    public Constant {
        Checks.finite("value", value);
    }

    /**
     * @param value a finite number
     * @return the constant distribution; its sampler makes no RNG calls
     */
    public static Constant of(double value) {
        return new Constant(value);
    }

    @Override public String family() { return "constant"; }
    @Override public double mean() { return value; }
    @Override public double variance() { return 0; }
    @Override public double supportMin() { return value; }
    @Override public double supportMax() { return value; }
    @Override public double probabilityBelow(double x) { return value < x ? 1 : 0; }

    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        return value;
    }
    @Override public boolean isIntegerValued() { return value == Math.rint(value); }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        final double v = value;
        return () -> v;
    }

    @Override
    public Distribution withMeanScaledBy(double factor) {
        return new Constant(value * factor);
    }

    @Override
    public String toString() {
        return Checks.format(value);
    }
}
