package org.payrisk.stats;

import java.util.List;

/**
 * The month-by-month cash view of one payment model: the practice's bank balance, starting from its
 * reserve, plus payments as they arrive (after the payment lag; settlements only when paid inside
 * the horizon) minus costs as they are incurred.
 *
 * @param probNegativeAnyMonth share of trials whose end-of-month balance is below zero in at least
 *                             one month
 * @param probNegativeAnyMonthStdError its standard error, sqrt(p (1 - p) / n)
 * @param minBalance the lowest end-of-month balance of each trial, dollars
 * @param endBalance the balance at the end of the horizon, dollars
 * @param runwayMonths months of the trial's average monthly costs that its lowest balance would
 *                     cover (minBalance / (costs / horizonMonths)), clamped to +/-{@value #RUNWAY_CAP};
 *                     negative when the practice was overdrawn
 * @param monthlyBalance one band per month 0..horizon (month 0 = the starting reserve)
 */
public record CashSummary(double probNegativeAnyMonth, double probNegativeAnyMonthStdError, MetricSummary minBalance,
                          MetricSummary endBalance, MetricSummary runwayMonths, List<MonthlyBand> monthlyBalance) {

    /** Largest runway reported, months. */
    public static final double RUNWAY_CAP = 1200;

    /** Copies the list. */
    public CashSummary {
        monthlyBalance = List.copyOf(monthlyBalance);
    }

    /**
     * Summarises one model's cash balances.
     *
     * @param outcomes the filled outcome store
     * @param model model index
     * @return its cash summary
     */
    public static CashSummary of(TrialOutcomes outcomes, int model) {
        final int n = outcomes.trials();
        final int months = outcomes.months();
        double[] min = new double[n];
        double[] runway = new double[n];
        long negative = 0;
        for (int t = 0; t < n; t++) {
            min[t] = outcomes.minCashBalance(model, t);
            if (min[t] < 0) {
                negative++;
            }
            double perMonth = outcomes.costs(model, t) / months;
            double r = perMonth > 0 ? min[t] / perMonth : (min[t] < 0 ? -RUNWAY_CAP : RUNWAY_CAP);
            runway[t] = Math.max(-RUNWAY_CAP, Math.min(RUNWAY_CAP, r));
        }
        java.util.ArrayList<MonthlyBand> bands = new java.util.ArrayList<>();
        for (int m = 0; m <= months; m++) {
            bands.add(Summaries.band(m, outcomes.cashBalanceView(model, m)));
        }
        double p = (double) negative / n;
        return new CashSummary(p, Math.sqrt(p * (1 - p) / n), Summaries.metric(min),
                Summaries.metric(outcomes.cashBalanceView(model, months)), Summaries.metric(runway), bands);
    }
}
