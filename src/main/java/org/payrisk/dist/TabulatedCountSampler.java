package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A sampler of a count distribution (Poisson, negative binomial, binomial) from a table built once
 * and shared by every trial: Commons RNG's {@link AliasMethodDiscreteSampler} over the probabilities
 * of 0..K, where K is the smallest count with P(X &gt; K) &lt; {@value #TAIL}, plus one bucket for the
 * tail X &gt; K, which is drawn by inversion of the exact CDF. So the law sampled is the distribution
 * itself (to floating-point accuracy of its CDF), at the cost of one alias draw: far cheaper on the
 * per-episode hot path than rebuilding a gamma-Poisson or inversion sampler for every draw.
 *
 * <p>Per draw: one {@code nextInt} (alias method) in the table; in the tail (probability below
 * {@value #TAIL}) one more {@code nextDouble}. Immutable and thread safe; {@link #bind} is cheap (it
 * shares the tables, commons-rng {@link SharedStateDiscreteSampler}).
 */
public final class TabulatedCountSampler {

    /** Tail probability left out of the table and drawn by inversion. */
    public static final double TAIL = 1e-12;

    /** Largest table; a distribution needing more is not tabulated. */
    public static final int MAX_TABLE = 1 << 20;

    private final Distribution distribution;
    private final int tableSize;
    private final double headMass;
    private final SharedStateDiscreteSampler prototype;

    private TabulatedCountSampler(Distribution distribution, int tableSize, double headMass,
                                  SharedStateDiscreteSampler prototype) {
        this.distribution = distribution;
        this.tableSize = tableSize;
        this.headMass = headMass;
        this.prototype = prototype;
    }

    /**
     * @param d a distribution
     * @return a tabulated sampler when {@code d} is a Poisson, negative binomial or binomial law whose
     *         table fits in {@link #MAX_TABLE} entries; null otherwise
     */
    public static TabulatedCountSampler of(Distribution d) {
        if (!(d instanceof Poisson || d instanceof NegativeBinomial || d instanceof Binomial) || d.mean() == 0) {
            return null;
        }
        if (1 - d.probabilityBelow(MAX_TABLE) >= TAIL) {
            return null; // the loop below would end at MAX_TABLE: skip a million CDF evaluations
        }
        int k = 0;
        double below = d.probabilityBelow(1); // P(X <= 0)
        while (1 - below >= TAIL && !(d instanceof Binomial b && k >= b.n())) {
            if (++k >= MAX_TABLE) {
                return null;
            }
            below = d.probabilityBelow(k + 1.0);
        }
        int size = k + 1;
        double[] p = new double[size + 1];
        double previous = 0;
        for (int i = 0; i < size; i++) {
            double cdf = d.probabilityBelow(i + 1.0);
            p[i] = Math.max(0, cdf - previous);
            previous = cdf;
        }
        p[size] = Math.max(0, 1 - previous);
        SharedStateDiscreteSampler proto = AliasMethodDiscreteSampler.of(new SplitMix64(0L), p);
        return new TabulatedCountSampler(d, size, previous, proto);
    }

    /** @return counts 0..tableSize-1 are in the table */
    int tableSize() {
        return tableSize;
    }

    /** @return the distribution tabulated */
    public Distribution distribution() {
        return distribution;
    }

    /**
     * @param rng the generator the draws use (the trial's stream)
     * @return a sampler of the distribution sharing this table
     */
    public DiscreteSampler bind(UniformRandomProvider rng) {
        final DiscreteSampler index = prototype.withUniformRandomProvider(rng);
        final int tail = tableSize;
        return () -> {
            int i = index.sample();
            return i < tail ? i : tailDraw(rng.nextDouble());
        };
    }

    /** Inversion in the tail: the smallest k &gt;= table size with P(X &lt;= k) &gt;= head + u (1 - head). */
    int tailDraw(double u) {
        double target = headMass + u * (1 - headMass);
        int k = tableSize;
        while (k < Integer.MAX_VALUE - 1 && distribution.probabilityBelow(k + 1.0) < target) {
            if (k - tableSize > MAX_TABLE) {
                break; // the CDF has saturated in floating point
            }
            k++;
        }
        return k;
    }
}
