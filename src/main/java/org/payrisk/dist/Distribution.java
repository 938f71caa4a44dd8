package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * An immutable univariate probability distribution of a scenario input.
 *
 * <p>Implementations validate their parameters in their static {@code of} factories, so no invalid
 * instance exists; a violation throws {@link IllegalArgumentException} whose message says what was
 * expected and what was found. Instances are thread safe.
 */
public sealed interface Distribution
        permits Constant, Uniform, Triangular, Pert, Normal, LogNormal, Gamma, Beta, Poisson,
                NegativeBinomial, Binomial, Discrete, Empirical {

    /** @return the family name as written in a scenario file, e.g. {@code "negativeBinomial"} */
    String family();

    /** @return the theoretical mean (after truncation, where the family is truncated) */
    double mean();

    /** @return the theoretical variance (after truncation, where the family is truncated) */
    double variance();

    /** @return the smallest value a draw can take (may be negative infinity) */
    double supportMin();

    /** @return the largest value a draw can take (may be positive infinity) */
    double supportMax();

    /**
     * The probability that a draw is below {@code x}; exact for every family.
     *
     * @param x a threshold
     * @return P(X &lt; x)
     */
    double probabilityBelow(double x);

    /**
     * The quantile function (generalised inverse of the CDF): the smallest x with P(X &lt;= x) &gt;= u.
     * For a continuous family this is the x with P(X &lt;= x) = u; for a discrete one the first value
     * whose cumulative probability reaches u. {@code inverseCdf(0)} is {@link #supportMin()} and
     * {@code inverseCdf(1)} is {@link #supportMax()}. So {@code inverseCdf(U)} with U uniform on
     * (0, 1) is a draw from this distribution, a monotone map of U (common random numbers and
     * correlated inputs rely on that).
     *
     * @param u a probability in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException when u is not in [0, 1]
     */
    double inverseCdf(double u);

    /** @return true when every draw is an integer (counts) */
    boolean isIntegerValued();

    /**
     * Creates a sampler drawing from this distribution with the given generator. Building a sampler
     * may precompute tables; build it once per trial, not once per draw.
     *
     * @param rng the source of randomness; the sampler is as thread safe as {@code rng}
     * @return a sampler
     */
    ContinuousSampler createSampler(UniformRandomProvider rng);

    /**
     * The same family with its mean multiplied by {@code factor}, where the family has a natural
     * mean-scaled form (a count process whose rate changes: constant, Poisson, negative binomial
     * with the same dispersion); {@code null} for the other families, which callers scale draw by
     * draw.
     *
     * @param factor a finite, non-negative factor
     * @return the scaled distribution, or null
     */
    default Distribution withMeanScaledBy(double factor) {
        return null;
    }

    /** @return the standard deviation, the square root of {@link #variance()} */
    default double sd() {
        return Math.sqrt(variance());
    }
}
