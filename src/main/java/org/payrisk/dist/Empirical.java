package org.payrisk.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The empirical distribution of observed values: each draw is one of the values, chosen uniformly
 * (a bootstrap resample). One {@code nextInt(n)} per draw. Its variance is the population variance
 * of the values (denominator n).
 *
 * @param values observed values, finite, at least one
 */
public record Empirical(double[] values) implements Distribution {

    /** Validates and copies the values. */
    public Empirical {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one value, found an empty list");
        }
        for (int i = 0; i < values.length; i++) {
            Checks.finite("values[" + i + "]", values[i]);
        }
        values = values.clone();
    }

    /**
     * @param values observations
     * @return the distribution
     */
    public static Empirical of(double[] values) {
        return new Empirical(values);
    }

    @Override public double[] values() { return values.clone(); }
    @Override public String family() { return "empirical"; }
    @Override public double supportMin() { return Arrays.stream(values).min().orElseThrow(); }
    @Override public double supportMax() { return Arrays.stream(values).max().orElseThrow(); }

    @Override
    public double mean() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    @Override
    public double variance() {
        double m = mean();
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return s / values.length;
    }

    @Override
    public double probabilityBelow(double x) {
        int c = 0;
        for (double v : values) {
            if (v < x) {
                c++;
            }
        }
        return (double) c / values.length;
    }

    /** The inverse of the empirical CDF: the ceil(u n)-th smallest value (the smallest at u = 0). */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int k = (int) Math.ceil(u * sorted.length);
        return sorted[Math.max(0, k - 1)];
    }

    @Override
    public boolean isIntegerValued() {
        return Checks.allIntegers(values);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        final double[] v = values;
        return () -> v[rng.nextInt(v.length)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "empirical(" + values.length + " values)";
    }
}
