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
 * @param cash the month-by-month cash view, or null when not computed
 */
public record ModelSummary(String name, MetricSummary netIncome, MetricSummary revenue, MetricSummary costs,
                           List<MonthlyBand> monthlyNetIncome, double[] netIncomeQuantiles,
                           Histogram netIncomeHistogram, CashSummary cash) {

    /**
     * A summary without the cash view.
     *
     * @param name model name
     * @param netIncome revenue minus costs
     * @param revenue payments
     * @param costs practice costs
     * @param monthlyNetIncome one band per month
     * @param netIncomeQuantiles quantiles at {@link Summaries#QUANTILE_GRID}
     * @param netIncomeHistogram counts on the shared grid
     */
    public ModelSummary(String name, MetricSummary netIncome, MetricSummary revenue, MetricSummary costs,
                        List<MonthlyBand> monthlyNetIncome, double[] netIncomeQuantiles, Histogram netIncomeHistogram) {
        this(name, netIncome, revenue, costs, monthlyNetIncome, netIncomeQuantiles, netIncomeHistogram, null);
    }
}
