package org.payrisk.stats;

/**
 * The risk summary of one metric (dollars over the horizon) across trials.
 *
 * @param mean sample mean
 * @param sd sample standard deviation (denominator n - 1; NaN for one trial)
 * @param meanStdError Monte Carlo standard error of the mean, sd / sqrt(n)
 * @param min smallest value
 * @param max largest value
 * @param quantiles the type-7 quantiles at {@link Summaries#PERCENTILES}, same order
 * @param worst5Mean mean of the lowest ceil(0.05 n) values (expected shortfall stated as income)
 * @param probLoss share of trials with a value below zero
 * @param mcse batch-means Monte Carlo standard errors, or null when there are fewer than
 *             {@link Summaries#MIN_TRIALS_FOR_MCSE} trials
 */
public record MetricSummary(double mean, double sd, double meanStdError, double min, double max,
                            double[] quantiles, double worst5Mean, double probLoss, Mcse mcse) {

    /**
     * Batch-means standard errors of the tail statistics.
     *
     * @param quantiles one per entry of {@link Summaries#PERCENTILES}
     * @param worst5Mean of {@code worst5Mean}
     * @param probLoss of {@code probLoss}
     */
    public record Mcse(double[] quantiles, double worst5Mean, double probLoss) {
    }

    /**
     * @param percent one of {@link Summaries#PERCENTILES}, e.g. 5
     * @return that quantile
     */
    public double percentile(int percent) {
        return quantiles[Summaries.percentileIndex(percent)];
    }
}
