package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.KempSmallMeanPoissonSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The negative binomial count distribution in the mean-dispersion form used for over-dispersed
 * counts: variance = mean + mean^2 / dispersion (dispersion is the size parameter r; as it grows the
 * law tends to Poisson). Sampler: the gamma-Poisson mixture, lambda ~ Gamma(shape r, scale
 * mean / r) by Commons RNG {@link AhrensDieterMarsagliaTsangGammaSampler}, then Poisson(lambda) by
 * {@link KempSmallMeanPoissonSampler} (inversion, one {@code nextDouble}) for lambda below
 * {@value #KEMP_LIMIT} and {@link PoissonSampler} above. The Poisson sampler is rebuilt for every
 * draw since lambda changes; Kemp's needs only exp(-lambda), so that is cheap. A lambda beyond the
 * Poisson sampler's range (possible only in a tail of probability below 1e-12 for any law a
 * scenario accepts) is drawn as the normal approximation lambda + sqrt(lambda) z, rounded, whose
 * relative error there is below 1e-4.
 *
 * <p>When the dispersion is at least {@value #POISSON_RATIO} times the mean, the law is Poisson(mean)
 * to within about mean / dispersion &lt;= 1e-8 in total variation, closer than the incomplete-beta
 * CDF can be computed there; so {@link #probabilityBelow} and {@link #createSampler} use
 * {@link Poisson} (the CDF as {@code regularizedBeta} would lose accuracy and, for huge dispersions,
 * fail to converge).
 *
 * @param mean mean, &gt;= 0
 * @param dispersion size parameter r, &gt; 0
 */
public record NegativeBinomial(double mean, double dispersion) implements Distribution {

    /** Poisson means below this use Kemp's inversion sampler. */
    static final double KEMP_LIMIT = 40;

    /** Largest mean, as for {@link Poisson#MAX_MEAN}. */
    public static final double MAX_MEAN = Poisson.MAX_MEAN;

    /** Dispersion / mean from which the law is taken as Poisson(mean). */
    public static final double POISSON_RATIO = 1e8;

    /** Gamma-mixed rates from here on are drawn by the normal approximation of the Poisson law. */
    static final double NORMAL_LIMIT = Poisson.MAX_MEAN;

    /** Validates 0 &lt;= mean &lt;= {@link #MAX_MEAN} and dispersion &gt; 0. */
    public NegativeBinomial {
        Checks.nonNegative("mean", mean);
        Checks.atMost("mean", mean, MAX_MEAN, "the range of the Poisson sampler");
        Checks.positive("dispersion", dispersion);
    }

    /** @return true when the law is computed and drawn as Poisson(mean); see the class comment */
    public boolean isPoissonLimit() {
        return dispersion >= POISSON_RATIO * mean;
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
        if (isPoissonLimit()) {
            return new Poisson(mean).probabilityBelow(x);
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
        if (isPoissonLimit()) {
            return new Poisson(mean).createSampler(rng);
        }
        final ContinuousSampler rate = AhrensDieterMarsagliaTsangGammaSampler.of(rng, dispersion, mean / dispersion);
        return () -> {
            double lambda = rate.sample();
            if (!(lambda > 0)) {
                return 0;
            }
            if (lambda < KEMP_LIMIT) {
                return KempSmallMeanPoissonSampler.of(rng, lambda).sample();
            }
            if (lambda < NORMAL_LIMIT) {
                return PoissonSampler.of(rng, lambda).sample();
            }
            double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
            return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * z));
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
