package org.payrisk.stats;

/**
 * A paired comparison of two models' annual net income over the same trials (common random numbers).
 *
 * @param a first model's name
 * @param b second model's name
 * @param meanDifference mean of (a - b)
 * @param meanDifferenceStdError sd(a - b) / sqrt(n)
 * @param probAGreater share of trials where a &gt; b by more than rounding (relative difference above
 *                     {@link Summaries#TIE_TOLERANCE}; equal amounts summed in another order tie)
 * @param probAGreaterStdError sqrt(p (1 - p) / n)
 * @param differenceQuantiles type-7 quantiles of (a - b) at 5, 25, 50, 75, 95 percent
 * @param histogram 60-bin histogram of (a - b)
 */
public record PairedComparison(String a, String b, double meanDifference, double meanDifferenceStdError,
                               double probAGreater, double probAGreaterStdError, double[] differenceQuantiles,
                               Histogram histogram) {

    /** Percentiles of {@code differenceQuantiles}. */
    public static final int[] DIFFERENCE_PERCENTILES = {5, 25, 50, 75, 95};
}
