package org.payrisk.dist;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The normal distribution N(mean, sd^2), optionally truncated to [min, max] (either bound may be
 * infinite). {@link #mean()} and {@link #variance()} are those of the truncated law.
 *
 * <p>Sampler: Commons RNG {@link ZigguratSampler.NormalizedGaussian} scaled by
 * {@link GaussianSampler}; with truncation, draws outside [min, max] are rejected while the
 * interval holds at least 30% of the mass, and the inverse CDF of a uniform draw in
 * [F(min), F(max)] is used otherwise (one {@code nextDouble} per draw).
 *
 * @param mu mean of the untruncated normal
 * @param sigma standard deviation of the untruncated normal, &gt; 0
 * @param min truncation lower bound (negative infinity when absent)
 * @param max truncation upper bound (positive infinity when absent)
 */
public record Normal(double mu, double sigma, double min, double max) implements Distribution {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double REJECTION_THRESHOLD = 0.3;

    /** Validates sd &gt; 0, min &lt; max and that [min, max] holds a usable probability mass. */
    public Normal {
        Checks.finite("mean", mu);
        Checks.positive("sd", sigma);
        if (Double.isNaN(min) || Double.isNaN(max) || min == Double.POSITIVE_INFINITY
                || max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("min/max: expected finite numbers, found min = " + min + ", max = " + max);
        }
        Checks.ordered("min", min, "max", max);
        double mass = cdf((max - mu) / sigma) - cdf((min - mu) / sigma);
        if (!(mass > 1e-12)) {
            throw new IllegalArgumentException("min/max: expected a range where the normal(mean " + Checks.format(mu)
                    + ", sd " + Checks.format(sigma) + ") has probability, found [" + Checks.format(min) + ", "
                    + Checks.format(max) + "] holding " + mass);
        }
    }

    /**
     * @param mean mean
     * @param sd standard deviation, &gt; 0
     * @return the untruncated normal distribution
     */
    public static Normal of(double mean, double sd) {
        return new Normal(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * @param mean mean before truncation
     * @param sd standard deviation before truncation, &gt; 0
     * @param min lower truncation bound (or negative infinity)
     * @param max upper truncation bound (or positive infinity)
     * @return the truncated normal distribution
     */
    public static Normal truncated(double mean, double sd, double min, double max) {
        return new Normal(mean, sd, min, max);
    }

    /** @return true when either bound is finite */
    public boolean isTruncated() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    static double cdf(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (z == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    private static double pdf(double z) {
        return Double.isInfinite(z) ? 0 : INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** z * pdf(z), taken as 0 at infinity. */
    private static double zpdf(double z) {
        return Double.isInfinite(z) ? 0 : z * pdf(z);
    }

    @Override public String family() { return "normal"; }
    @Override public double supportMin() { return min; }
    @Override public double supportMax() { return max; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double mean() {
        double a = (min - mu) / sigma;
        double b = (max - mu) / sigma;
        double z = cdf(b) - cdf(a);
        return mu + sigma * (pdf(a) - pdf(b)) / z;
    }

    @Override
    public double variance() {
        double a = (min - mu) / sigma;
        double b = (max - mu) / sigma;
        double z = cdf(b) - cdf(a);
        double d = (pdf(a) - pdf(b)) / z;
        return sigma * sigma * (1 + (zpdf(a) - zpdf(b)) / z - d * d);
    }

    @Override
    public double probabilityBelow(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        double fa = cdf((min - mu) / sigma);
        return (cdf((x - mu) / sigma) - fa) / (cdf((max - mu) / sigma) - fa);
    }

    /**
     * mu + sigma Phi^-1(F(min) + u (F(max) - F(min))); when the range lies above the mean it is
     * computed on the mirrored law, so that upper-tail truncation keeps its precision.
     */
    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        if (u == 0 || u == 1) {
            return u == 0 ? min : max;
        }
        double a = (min - mu) / sigma;
        double b = (max - mu) / sigma;
        double z;
        if (a > 0) {
            double sa = cdf(-a);
            double sb = cdf(-b);
            z = -InverseCdf.standardNormal(sa - u * (sa - sb));
        } else {
            double fa = cdf(a);
            z = InverseCdf.standardNormal(fa + u * (cdf(b) - fa));
        }
        return Math.min(max, Math.max(min, mu + sigma * z));
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        if (!isTruncated()) {
            return GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
        }
        final double lo = min;
        final double hi = max;
        final double fa = cdf((min - mu) / sigma);
        final double fb = cdf((max - mu) / sigma);
        if (fb - fa >= REJECTION_THRESHOLD) {
            final ContinuousSampler g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
            return () -> {
                double x;
                do {
                    x = g.sample();
                } while (x < lo || x > hi);
                return x;
            };
        }
        final double m = mu;
        final double s = sigma;
        return () -> {
            double p = fa + rng.nextDouble() * (fb - fa);
            double x = m + s * SQRT2 * Erf.erfInv(2 * p - 1);
            return Math.min(hi, Math.max(lo, x));
        };
    }

    @Override
    public String toString() {
        String s = "normal(mean " + Checks.format(mu) + ", sd " + Checks.format(sigma);
        if (min != Double.NEGATIVE_INFINITY) {
            s += ", min " + Checks.format(min);
        }
        if (max != Double.POSITIVE_INFINITY) {
            s += ", max " + Checks.format(max);
        }
        return s + ")";
    }
}
