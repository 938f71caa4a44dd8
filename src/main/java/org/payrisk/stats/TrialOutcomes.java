package org.payrisk.stats;

import java.util.List;

/**
 * Every trial's outcomes, stored by trial index in columnar primitive arrays.
 *
 * <p>Writers fill disjoint trial indices (one trial is written by one thread), so concurrent
 * writes need no locking; readers must read after the writers are joined. Reductions run in index
 * order, which makes every sum bit-identical whatever thread ran which trial.
 */
public final class TrialOutcomes {

    /** Names of the activity counters, in column order. */
    public static final List<String> ACTIVITY = List.of("episodes", "refusedEpisodes", "attendedVisits", "units");

    private final List<String> models;
    private final int trials;
    private final int months;
    private final double[] costs;
    private final double[][] revenue;
    private final double[][][] monthlyNet;
    private final double[][][] cashBalance;
    private final long[][] activity;

    /**
     * @param models model names
     * @param trials number of trials
     * @param months counted months per trial
     */
    public TrialOutcomes(List<String> models, int trials, int months) {
        this.models = List.copyOf(models);
        this.trials = trials;
        this.months = months;
        costs = new double[trials];
        revenue = new double[models.size()][trials];
        monthlyNet = new double[models.size()][months][trials];
        cashBalance = new double[models.size()][months + 1][trials];
        activity = new long[ACTIVITY.size()][trials];
    }

    /**
     * Bytes this store needs, to check memory before a run.
     *
     * @param models number of models
     * @param trials trials
     * @param months months
     * @return approximate heap bytes
     */
    public static long bytesNeeded(int models, long trials, int months) {
        return 8L * trials * (1 + models + (long) models * months + (long) models * (months + 1) + ACTIVITY.size());
    }

    /** @return model names */
    public List<String> models() { return models; }

    /** @return number of trials */
    public int trials() { return trials; }

    /** @return counted months */
    public int months() { return months; }

    /**
     * Records one trial's practice costs over the horizon.
     *
     * @param trial trial index
     * @param value dollars
     */
    public void setCosts(int trial, double value) { costs[trial] = value; }

    /**
     * @param model model index
     * @param trial trial index
     * @param value revenue over the horizon, dollars
     */
    public void setRevenue(int model, int trial, double value) { revenue[model][trial] = value; }

    /**
     * @param model model index
     * @param month 1..months
     * @param trial trial index
     * @param value net income that month, dollars
     */
    public void setMonthlyNet(int model, int month, int trial, double value) { monthlyNet[model][month - 1][trial] = value; }

    /**
     * @param model model index
     * @param month 0..months (0 = the starting reserve, m = the balance at the end of month m)
     * @param trial trial index
     * @param value cash balance, dollars
     */
    public void setCashBalance(int model, int month, int trial, double value) { cashBalance[model][month][trial] = value; }

    /** @param model model @param month 0..months @return a copy of that month's cash balance column */
    public double[] cashBalanceColumn(int model, int month) { return cashBalance[model][month].clone(); }

    /**
     * @param model model
     * @param trial trial
     * @return the lowest end-of-month cash balance over months 1..months
     */
    public double minCashBalance(int model, int trial) {
        double min = Double.POSITIVE_INFINITY;
        for (int m = 1; m <= months; m++) {
            min = Math.min(min, cashBalance[model][m][trial]);
        }
        return min;
    }

    /**
     * @param counter index in {@link #ACTIVITY}
     * @param trial trial index
     * @param value count over the horizon
     */
    public void setActivity(int counter, int trial, long value) { activity[counter][trial] = value; }

    /** @param trial trial index @return costs over the horizon */
    public double costs(int trial) { return costs[trial]; }

    /** @param model model @param trial trial @return revenue over the horizon */
    public double revenue(int model, int trial) { return revenue[model][trial]; }

    /** @param model model @param trial trial @return revenue minus costs */
    public double netIncome(int model, int trial) { return revenue[model][trial] - costs[trial]; }

    /** @param counter counter @param trial trial @return the count */
    public long activity(int counter, int trial) { return activity[counter][trial]; }

    /** @return a copy of the costs column */
    public double[] costsColumn() { return costs.clone(); }

    /** @param model model @return a copy of its revenue column */
    public double[] revenueColumn(int model) { return revenue[model].clone(); }

    /** @param model model @return its net income column (a new array) */
    public double[] netIncomeColumn(int model) {
        double[] out = new double[trials];
        for (int t = 0; t < trials; t++) {
            out[t] = revenue[model][t] - costs[t];
        }
        return out;
    }

    /** @param model model @param month 1..months @return a copy of that month's net income column */
    public double[] monthlyNetColumn(int model, int month) { return monthlyNet[model][month - 1].clone(); }

    /** @param counter counter @return its column as doubles (a new array) */
    public double[] activityColumn(int counter) {
        double[] out = new double[trials];
        for (int t = 0; t < trials; t++) {
            out[t] = activity[counter][t];
        }
        return out;
    }
}
