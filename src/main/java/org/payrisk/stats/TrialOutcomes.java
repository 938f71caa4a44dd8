package org.payrisk.stats;

import java.util.List;

/**
 * The outcomes of a contiguous run of trials, [offset, offset + trials), stored by row (row r holds
 * trial offset + r) in columnar primitive arrays: what one block of trials yields, and, merged in
 * block order ({@link #merge}, {@link BlockMerger}), the whole run.
 *
 * <p>Besides the outcomes, each row holds the trial's drawn per-trial inputs ({@link #inputs()}: one
 * value per input path; an aggregate over episodes or visits is NaN in a trial that had none), for
 * sensitivity analysis and trials.csv.
 *
 * <p>Writers fill disjoint rows (one trial is written by one thread), so concurrent writes need no
 * locking; readers must read after the writers are joined. Reductions run in row order, which makes
 * every sum bit-identical whatever thread ran which trial.
 */
public final class TrialOutcomes {

    /** Names of the activity counters, in column order. */
    public static final List<String> ACTIVITY = List.of("episodes", "refusedEpisodes", "attendedVisits", "units");

    private final List<String> models;
    private final List<String> inputs;
    private final int offset;
    private final int trials;
    private final int months;
    private final double[] costs;
    private final double[][] revenue;
    private final double[][][] monthlyNet;
    private final double[][][] cashBalance;
    private final long[][] activity;
    private final double[][] inputValues;
    private final ResponseLayout layout;
    private final double[][] modelCosts;
    private final double[][] extra;

    /**
     * Outcomes of trials 0..trials-1 that record no inputs.
     *
     * @param models model names
     * @param trials number of trials
     * @param months counted months per trial
     */
    public TrialOutcomes(List<String> models, int trials, int months) {
        this(models, List.of(), 0, trials, months);
    }

    /**
     * Outcomes of trials offset..offset+trials-1.
     *
     * @param models model names
     * @param inputs paths of the recorded per-trial inputs, in column order
     * @param offset index of the first trial, &gt;= 0
     * @param trials number of trials, &gt;= 0
     * @param months counted months per trial
     */
    public TrialOutcomes(List<String> models, List<String> inputs, int offset, int trials, int months) {
        this(models, inputs, offset, trials, months, null);
    }

    /**
     * Outcomes of trials offset..offset+trials-1 of a responsive run: costs per model and the extra
     * columns {@code layout} places.
     *
     * @param models model names
     * @param inputs paths of the recorded per-trial inputs
     * @param offset index of the first trial
     * @param trials number of trials
     * @param months counted months per trial
     * @param layout the extra columns, or null for a run where every model shares the practice
     */
    public TrialOutcomes(List<String> models, List<String> inputs, int offset, int trials, int months, ResponseLayout layout) {
        if (offset < 0 || trials < 0 || (long) offset + trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("trials: expected offset >= 0 and trials >= 0, found " + offset + " and " + trials);
        }
        this.models = List.copyOf(models);
        this.inputs = List.copyOf(inputs);
        this.offset = offset;
        this.trials = trials;
        this.months = months;
        costs = new double[trials];
        revenue = new double[models.size()][trials];
        monthlyNet = new double[models.size()][months][trials];
        cashBalance = new double[models.size()][months + 1][trials];
        activity = new long[ACTIVITY.size()][trials];
        inputValues = new double[inputs.size()][trials];
        this.layout = layout;
        modelCosts = layout == null ? null : new double[models.size()][trials];
        extra = layout == null ? null : new double[layout.columns()][trials];
    }

    /**
     * Concatenates contiguous blocks, in the order given: block k + 1 must start where block k ends.
     * Values are copied, never re-computed, so the result is bit-identical whichever thread, process
     * or machine produced each block.
     *
     * @param blocks at least one block, in block order, with the same models, inputs and months
     * @return the outcomes of all their trials
     */
    public static TrialOutcomes merge(List<TrialOutcomes> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("blocks: expected at least one block, found none");
        }
        TrialOutcomes first = blocks.get(0);
        long n = 0;
        for (TrialOutcomes b : blocks) {
            n += b.trials;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("blocks: expected at most " + Integer.MAX_VALUE + " trials, found " + n);
        }
        TrialOutcomes out = new TrialOutcomes(first.models, first.inputs, first.offset, (int) n, first.months, first.layout);
        int next = first.offset;
        for (TrialOutcomes b : blocks) {
            if (b.offset != next) {
                throw new IllegalArgumentException("blocks: expected a block starting at trial " + next + ", found one starting at "
                        + b.offset + " (blocks merge in block order, without gaps)");
            }
            out.copyFrom(b);
            next += b.trials;
        }
        return out;
    }

    /**
     * Copies a block's rows into this store at their trial indices.
     *
     * @param block outcomes of trials inside this store's range, with the same models, inputs and months
     */
    void copyFrom(TrialOutcomes block) {
        if (!block.models.equals(models) || !block.inputs.equals(inputs) || block.months != months
                || !java.util.Objects.equals(block.layout, layout)) {
            throw new IllegalArgumentException("block: expected the same models, inputs and months as the run");
        }
        int at = block.offset - offset;
        if (at < 0 || at + block.trials > trials) {
            throw new IllegalArgumentException("block: trials " + block.offset + ".." + (block.offset + block.trials - 1)
                    + " lie outside " + offset + ".." + (offset + trials - 1));
        }
        int n = block.trials;
        System.arraycopy(block.costs, 0, costs, at, n);
        for (int m = 0; m < models.size(); m++) {
            System.arraycopy(block.revenue[m], 0, revenue[m], at, n);
            for (int month = 0; month < months; month++) {
                System.arraycopy(block.monthlyNet[m][month], 0, monthlyNet[m][month], at, n);
            }
            for (int month = 0; month <= months; month++) {
                System.arraycopy(block.cashBalance[m][month], 0, cashBalance[m][month], at, n);
            }
        }
        for (int k = 0; k < activity.length; k++) {
            System.arraycopy(block.activity[k], 0, activity[k], at, n);
        }
        for (int k = 0; k < inputValues.length; k++) {
            System.arraycopy(block.inputValues[k], 0, inputValues[k], at, n);
        }
        if (layout != null) {
            for (int m = 0; m < modelCosts.length; m++) {
                System.arraycopy(block.modelCosts[m], 0, modelCosts[m], at, n);
            }
            for (int k = 0; k < extra.length; k++) {
                System.arraycopy(block.extra[k], 0, extra[k], at, n);
            }
        }
    }

    /**
     * An empty store for trials offset..offset+trials-1 shaped like this one (models, inputs, months,
     * extra columns).
     *
     * @param offset first trial
     * @param trials trials
     * @return the store
     */
    public TrialOutcomes emptyLike(int offset, int trials) {
        return new TrialOutcomes(models, inputs, offset, trials, months, layout);
    }

    /** @return where the extra columns of a responsive run are, or null when every model shares the practice */
    public ResponseLayout layout() { return layout; }

    /** @param model model @param trial row @param value that model's practice costs over the horizon */
    public void setCosts(int model, int trial, double value) { modelCosts[model][trial] = value; }

    /**
     * @param model model
     * @param trial row
     * @return that model's practice costs over the horizon (the shared costs unless the run is responsive)
     */
    public double costs(int model, int trial) { return modelCosts == null ? costs[trial] : modelCosts[model][trial]; }

    /** @param model model @return a copy of its costs column */
    public double[] costsColumn(int model) { return costsView(model).clone(); }

    /** @param column extra column ({@link ResponseLayout}) @param trial row @param value its value */
    public void setExtra(int column, int trial, double value) { extra[column][trial] = value; }

    /** @param column extra column @param trial row @return its value */
    public double extra(int column, int trial) { return extra[column][trial]; }

    /**
     * The same trials with some of this store's model and input columns, renamed: how one run of
     * many models (a run shared by several sweep points) is cut back into the outcomes each point's
     * own run would have. Practice columns (costs, activity) are copied whole; values are copied, never
     * re-computed, so the result is bit-identical to the columns it came from.
     *
     * @param modelNames the new store's model names
     * @param modelColumns for each of them, its model index in this store
     * @param inputPaths the new store's input paths
     * @param inputColumns for each of them, its input index in this store
     * @return a new store of the same trials
     */
    public TrialOutcomes select(List<String> modelNames, int[] modelColumns, List<String> inputPaths, int[] inputColumns) {
        if (modelNames.size() != modelColumns.length || inputPaths.size() != inputColumns.length) {
            throw new IllegalArgumentException("select: expected one column per name, found " + modelColumns.length
                    + " model columns for " + modelNames.size() + " names and " + inputColumns.length + " input columns for "
                    + inputPaths.size() + " paths");
        }
        if (layout != null) {
            // A responsive run's practice columns belong to each model; sharing across points is not defined for it.
            throw new IllegalStateException("select: a run with practice responses cannot be cut into points");
        }
        TrialOutcomes out = new TrialOutcomes(modelNames, inputPaths, offset, trials, months);
        System.arraycopy(costs, 0, out.costs, 0, trials);
        for (int k = 0; k < activity.length; k++) {
            System.arraycopy(activity[k], 0, out.activity[k], 0, trials);
        }
        for (int m = 0; m < modelColumns.length; m++) {
            int from = modelColumns[m];
            System.arraycopy(revenue[from], 0, out.revenue[m], 0, trials);
            for (int month = 0; month < months; month++) {
                System.arraycopy(monthlyNet[from][month], 0, out.monthlyNet[m][month], 0, trials);
            }
            for (int month = 0; month <= months; month++) {
                System.arraycopy(cashBalance[from][month], 0, out.cashBalance[m][month], 0, trials);
            }
        }
        for (int k = 0; k < inputColumns.length; k++) {
            System.arraycopy(inputValues[inputColumns[k]], 0, out.inputValues[k], 0, trials);
        }
        return out;
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
        return bytesNeeded(models, 0, trials, months);
    }

    /**
     * Bytes this store needs, recorded inputs included.
     *
     * @param models number of models
     * @param inputs number of recorded inputs
     * @param trials trials
     * @param months months
     * @return approximate heap bytes
     */
    public static long bytesNeeded(int models, int inputs, long trials, int months) {
        return 8L * trials * (1 + models + (long) models * months + (long) models * (months + 1) + ACTIVITY.size() + inputs);
    }

    /** @return model names */
    public List<String> models() { return models; }

    /** @return paths of the recorded per-trial inputs, in column order */
    public List<String> inputs() { return inputs; }

    /** @return index of the trial in row 0 */
    public int offset() { return offset; }

    /** @return number of trials (rows) */
    public int trials() { return trials; }

    /** @return counted months */
    public int months() { return months; }

    /**
     * Records one trial's practice costs over the horizon. Here and below, {@code trial} is a row:
     * the trial's index minus {@link #offset()}.
     *
     * @param trial row
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
    public double[] cashBalanceColumn(int model, int month) { return cashBalanceView(model, month).clone(); }

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
    public double netIncome(int model, int trial) { return revenue[model][trial] - costs(model, trial); }

    /** @param counter counter @param trial trial @return the count */
    public long activity(int counter, int trial) { return activity[counter][trial]; }

    /** @return a copy of the costs column */
    public double[] costsColumn() { return costsView().clone(); }

    /** @param model model @return a copy of its revenue column */
    public double[] revenueColumn(int model) { return revenueView(model).clone(); }

    /** @param model model @return its net income column (a new array) */
    public double[] netIncomeColumn(int model) {
        double[] out = new double[trials];
        for (int t = 0; t < trials; t++) {
            out[t] = revenue[model][t] - costs(model, t);
        }
        return out;
    }

    /** @param model model @param month 1..months @return a copy of that month's net income column */
    public double[] monthlyNetColumn(int model, int month) { return monthlyNetView(model, month).clone(); }

    /**
     * @param input index in {@link #inputs()}
     * @param trial row
     * @param value the drawn value (NaN for an aggregate over no episodes or visits)
     */
    public void setInput(int input, int trial, double value) { inputValues[input][trial] = value; }

    /** @param input index in {@link #inputs()} @param trial row @return the drawn value */
    public double input(int input, int trial) { return inputValues[input][trial]; }

    /** @param input index in {@link #inputs()} @return a copy of its column */
    public double[] inputColumn(int input) { return inputView(input).clone(); }

    // The columns themselves, not copies, for this package's summaries, which only read them: a
    // 100,000-trial run's statistics read some 90 columns of 800 KB, and copying them all was 70 MB of
    // allocation for the young collections to copy or free. Not to be modified.

    /** @param model model @return its costs column itself (see above) */
    double[] costsView(int model) { return modelCosts == null ? costs : modelCosts[model]; }

    /** @return the shared costs column itself */
    double[] costsView() { return costs; }

    /** @param model model @return its revenue column itself */
    double[] revenueView(int model) { return revenue[model]; }

    /** @param model model @param month 1..months @return that month's net income column itself */
    double[] monthlyNetView(int model, int month) { return monthlyNet[model][month - 1]; }

    /** @param model model @param month 0..months @return that month's cash balance column itself */
    double[] cashBalanceView(int model, int month) { return cashBalance[model][month]; }

    /** @param input index in {@link #inputs()} @return its column itself */
    double[] inputView(int input) { return inputValues[input]; }

    /** @param counter counter @return its column as doubles (a new array) */
    public double[] activityColumn(int counter) {
        double[] out = new double[trials];
        for (int t = 0; t < trials; t++) {
            out[t] = activity[counter][t];
        }
        return out;
    }
}
