package org.payrisk.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;

/**
 * A finite distribution: values[i] with probability weights[i] / sum(weights). Sampler: Commons
 * RNG {@link AliasMethodDiscreteSampler} (Vose's alias method, one {@code nextLong} per draw or
 * so).
 *
 * @param values the possible values, finite, at least one
 * @param weights non-negative weights, one per value, not all zero
 */
public record Discrete(double[] values, double[] weights) implements Distribution {

    /** Validates the arrays; copies them so the record stays immutable. */
    public Discrete {
        if (values.length == 0) {
            throw new IllegalArgumentException("values: expected at least one value, found an empty list");
        }
        if (weights.length != values.length) {
            throw new IllegalArgumentException("weights: expected one weight per value (" + values.length
                    + "), found " + weights.length);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            Checks.finite("values[" + i + "]", values[i]);
            Checks.nonNegative("weights[" + i + "]", weights[i]);
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights: expected at least one weight > 0, found all zero");
        }
        values = values.clone();
        weights = weights.clone();
    }

    /**
     * @param values values
     * @param weights weights
     * @return the distribution
     */
    public static Discrete of(double[] values, double[] weights) {
        return new Discrete(values, weights);
    }

    @Override public double[] values() { return values.clone(); }
    @Override public double[] weights() { return weights.clone(); }

    private double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    @Override public String family() { return "discrete"; }

    @Override
    public double mean() {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += values[i] * weights[i];
        }
        return s / totalWeight();
    }

    @Override
    public double variance() {
        double m = mean();
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += (values[i] - m) * (values[i] - m) * weights[i];
        }
        return s / totalWeight();
    }

    @Override
    public double supportMin() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0) {
                m = Math.min(m, values[i]);
            }
        }
        return m;
    }

    @Override
    public double supportMax() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0) {
                m = Math.max(m, values[i]);
            }
        }
        return m;
    }

    @Override
    public double probabilityBelow(double x) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < x) {
                s += weights[i];
            }
        }
        return s / totalWeight();
    }

    /** The first value, in ascending order, whose cumulative weight reaches u x the total weight. */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0) {
            return supportMin();
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
        double target = u * totalWeight();
        double cumulative = 0;
        for (Integer i : order) {
            cumulative += weights[i];
            if (weights[i] > 0 && cumulative >= target) {
                return values[i];
            }
        }
        return supportMax();
    }

    @Override
    public boolean isIntegerValued() {
        return Checks.allIntegers(values);
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        final DiscreteSampler index = AliasMethodDiscreteSampler.of(rng, weights);
        final double[] v = values;
        return () -> v[index.sample()];
    }

    /**
     * A sampler of the index i of the drawn value (values[i]), for callers that keep their own
     * typed copy of the values on a hot path.
     *
     * @param rng generator
     * @return a sampler of indices into {@link #values()}
     */
    public DiscreteSampler createIndexSampler(UniformRandomProvider rng) {
        return AliasMethodDiscreteSampler.of(rng, weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discrete d && Arrays.equals(values, d.values) && Arrays.equals(weights, d.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("discrete(");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Checks.format(values[i])).append(" w ").append(Checks.format(weights[i]));
        }
        return b.append(')').toString();
    }
}
