package org.payrisk.stats;

/**
 * The spread of one month's value across trials: net income in that month, or the cash balance at
 * its end (dollars).
 *
 * @param month month number, 1..horizon (0 = the start, for cash balances)
 * @param mean mean
 * @param p05 5th percentile
 * @param p25 25th percentile
 * @param p50 median
 * @param p75 75th percentile
 * @param p95 95th percentile
 */
public record MonthlyBand(int month, double mean, double p05, double p25, double p50, double p75, double p95) {
}
