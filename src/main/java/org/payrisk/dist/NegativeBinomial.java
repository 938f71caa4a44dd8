package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.KempSmallMeanPoissonSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The negative binomial count distribution in the mean-dispersion form used for over-dispersed
 * counts: variance = mean + mean^2 / dispersion (dispersion is the size parameter r; as it grows the
 * law tends to Poisson). Sampler: the gamma-Poisson mixture, lambda ~ Gamma(shape r, scale
 * mean / r) by Commons RNG {@link AhrensDieterMarsagliaTsangGammaSampler}, then Poisson(lambda) by
 * {@link KempSmallMeanPoissonSampler} (inversion, one {@code nextDouble}) for lambda below
 * {@value #KEMP_LIMIT} and {@link PoissonSampler} above. The Poisson sampler is rebuilt for every
 * draw since lambda changes; Kemp's needs only exp(-lambda), so that is cheap.
 *
 * @param mean mean, &gt;= 0
 * @param dispersion size parameter r, &gt; 0
 */
public record NegativeBinomial(double mean, double dispersion) implements Distribution {

    /** Poisson means below this use Kemp's inversion sampler. */
    static final double KEMP_LIMIT = 40;

    /** Validates mean &gt;= 0 and dispersion &gt; 0. */
    public NegativeBinomial {
        Checks.nonNegative("mean", mean);
        Checks.positive("dispersion", dispersion);
    }

    /**
     * @param mean mean
     * @param dispersion size parameter
     * @return the distribution
     */
    public static NegativeBinomial of(double mean, double dispersion) {
        return new NegativeBinomial(mean, dispersion);
    }

    @Override public String family() { return "negativeBinomial"; }
    @Override public double variance() { return mean + mean * mean / dispersion; }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean isIntegerValued() { return true; }

    @Override
    public double probabilityBelow(double x) {
        double k = Math.ceil(x) - 1;
        if (k < 0) {
            return 0;
        }
        if (mean == 0) {
            return 1;
        }
        double p = dispersion / (dispersion + mean);
        return org.apache.commons.math3.special.Beta.regularizedBeta(p, dispersion, k + 1);
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
        final ContinuousSampler rate = AhrensDieterMarsagliaTsangGammaSampler.of(rng, dispersion, mean / dispersion);
        return () -> {
            double lambda = rate.sample();
            if (!(lambda > 0)) {
                return 0;
            }
            return lambda < KEMP_LIMIT ? KempSmallMeanPoissonSampler.of(rng, lambda).sample()
                                       : PoissonSampler.of(rng, lambda).sample();
        };
    }

    @Override
    public Distribution withMeanScaledBy(double factor) {
        return new NegativeBinomial(mean * factor, dispersion);
    }

    @Override
    public String toString() {
        return "negative binomial(mean " + Checks.format(mean) + ", dispersion " + Checks.format(dispersion) + ")";
    }
}
