package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The log-normal distribution given by the mean and standard deviation of the variable itself
 * (not of its logarithm): sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2.
 * Sampler: Commons RNG {@link LogNormalSampler} over {@link ZigguratSampler.NormalizedGaussian}.
 *
 * @param mean mean of the variable, &gt; 0
 * @param sdValue standard deviation of the variable, &gt; 0
 */
public record LogNormal(double mean, double sdValue) implements Distribution {

    /** Smallest and largest coefficient of variation sd / mean. */
    public static final double MIN_CV = 1e-6;
    /** @see #MIN_CV */
    public static final double MAX_CV = 1e6;

    /**
     * Validates mean &gt; 0, sd &gt; 0 and {@link #MIN_CV} &lt;= sd / mean &lt;= {@link #MAX_CV}, so that
     * the log-scale sigma = sqrt(ln(1 + cv^2)) is neither 0 nor infinite in floating point.
     */
    public LogNormal {
        Checks.positive("mean", mean);
        Checks.positive("sd", sdValue);
        Checks.relativeSpread("sd", sdValue, mean, MIN_CV, MAX_CV, "lognormal");
    }

    /**
     * @param mean mean of the variable
     * @param sd standard deviation of the variable
     * @return the distribution
     */
    public static LogNormal of(double mean, double sd) {
        return new LogNormal(mean, sd);
    }

    /** @return the standard deviation of ln X */
    public double logSigma() {
        return Math.sqrt(Math.log1p(sdValue * sdValue / (mean * mean)));
    }

    /** @return the mean of ln X */
    public double logMu() {
        double s = logSigma();
        return Math.log(mean) - 0.5 * s * s;
    }

    @Override public String family() { return "lognormal"; }
    @Override public double variance() { return sdValue * sdValue; }
    @Override public double supportMin() { return 0; }
    @Override public double supportMax() { return Double.POSITIVE_INFINITY; }
    @Override public boolean isIntegerValued() { return false; }

    @Override
    public double probabilityBelow(double x) {
        return x <= 0 ? 0 : Normal.cdf((Math.log(x) - logMu()) / logSigma());
    }

    @Override
    public double inverseCdf(double u) {
        InverseCdf.check(u);
        return u == 0 ? 0 : Math.exp(logMu() + logSigma() * InverseCdf.standardNormal(u));
    }

    @Override
    public ContinuousSampler createSampler(UniformRandomProvider rng) {
        return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), logMu(), logSigma());
    }

    @Override
    public String toString() {
        return "lognormal(mean " + Checks.format(mean) + ", sd " + Checks.format(sdValue) + ")";
    }
}
