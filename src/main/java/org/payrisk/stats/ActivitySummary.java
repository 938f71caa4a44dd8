package org.payrisk.stats;

/**
 * Summary of a per-trial count (episodes, visits, units) over the horizon.
 *
 * @param mean sample mean
 * @param sd sample standard deviation
 * @param meanStdError sd / sqrt(n)
 * @param p05 5th percentile
 * @param p50 median
 * @param p95 95th percentile
 */
public record ActivitySummary(double mean, double sd, double meanStdError, double p05, double p50, double p95) {
}
