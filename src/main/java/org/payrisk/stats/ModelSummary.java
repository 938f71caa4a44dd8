package org.payrisk.stats;

import java.util.List;

/**
 * Everything summary.json says about one payment model.
 *
 * @param name model name
 * @param netIncome revenue minus costs over the horizon
 * @param revenue payments over the horizon
 * @param costs practice costs over the horizon
 * @param monthlyNetIncome one band per month
 * @param netIncomeQuantiles net income quantiles at {@link Summaries#QUANTILE_GRID}
 * @param netIncomeHistogram this model's counts on the run's shared grid
 */
public record ModelSummary(String name, MetricSummary netIncome, MetricSummary revenue, MetricSummary costs,
                           List<MonthlyBand> monthlyNetIncome, double[] netIncomeQuantiles,
                           Histogram netIncomeHistogram) {
}
