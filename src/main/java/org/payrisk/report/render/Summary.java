package org.payrisk.report.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code summary.json} the report uses, already validated by {@link SummaryReader}.
 *
 * <p>All money is US dollars over the scenario horizon ({@code horizonMonths}, usually a year) unless a
 * field says per month. Lists are immutable. Fields of the file that are not listed here are ignored,
 * so newer engines may add fields without breaking old reports; the per-model {@code cash} object is
 * optional, so summaries written before it existed still render.
 *
 * @param schema the file's schema number (this reader understands 1)
 * @param payriskVersion version of payrisk that simulated the run
 * @param scenarioName the scenario's {@code name}
 * @param scenarioFile the input file name as given to {@code payrisk run}
 * @param scenarioSha256 hex SHA-256 of the input file's bytes
 * @param seed the master seed of the run
 * @param trials number of simulated practice-years (at least 1)
 * @param horizonMonths months in one simulated year
 * @param warmUpMonths months simulated before the horizon and discarded, if the file says
 * @param generator name of the random generator
 * @param quantileMethod how quantiles were estimated, in words
 * @param mcseMethod how Monte Carlo standard errors were estimated, in words
 * @param models per payment model, in scenario order (at least one; names unique)
 * @param quantileGrid probabilities in (0, 1), ascending, at which {@code netIncomeQuantiles} are given
 * @param netIncomeHistogram annual net income histograms of every model on one shared bin grid
 * @param comparisons paired comparisons, one per unordered pair of models
 * @param activity patient activity statistics by name ({@code episodes}, {@code attendedVisits}, ...),
 *     in file order; empty when the file has none
 */
record Summary(
        int schema,
        String payriskVersion,
        String scenarioName,
        String scenarioFile,
        String scenarioSha256,
        long seed,
        long trials,
        int horizonMonths,
        Optional<Integer> warmUpMonths,
        String generator,
        String quantileMethod,
        String mcseMethod,
        List<ModelSummary> models,
        List<Double> quantileGrid,
        SharedHistogram netIncomeHistogram,
        List<Comparison> comparisons,
        Map<String, ActivityStat> activity) {

    Summary {
        models = List.copyOf(models);
        quantileGrid = List.copyOf(quantileGrid);
        comparisons = List.copyOf(comparisons);
        activity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(activity));
    }

    /** Whether every model carries a {@code cash} object (the cash section is shown only then). */
    boolean hasCash() {
        return models.stream().allMatch(m -> m.cash().isPresent());
    }

    /** Index of the model with this name in {@link #models()}, or -1. */
    int modelIndex(String name) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One payment model's results.
     *
     * @param name the model's name from the scenario (e.g. {@code fee-for-service})
     * @param netIncome annual net income (revenue minus costs), dollars
     * @param revenue annual revenue, dollars
     * @param costs annual costs, dollars
     * @param monthlyNetIncome net income bands for months 1..horizonMonths, dollars per month
     * @param netIncomeQuantiles annual net income at each probability of the quantile grid, dollars
     * @param cash the bank-balance view of the same trials; empty for summaries written before it existed
     */
    record ModelSummary(String name, Metric netIncome, Metric revenue, Metric costs,
                        List<MonthBand> monthlyNetIncome, List<Double> netIncomeQuantiles, Optional<Cash> cash) {
        ModelSummary {
            monthlyNetIncome = List.copyOf(monthlyNetIncome);
            netIncomeQuantiles = List.copyOf(netIncomeQuantiles);
        }
    }

    /**
     * The practice's bank balance under one model, month by month: the starting reserve plus payments
     * as received (after payment lags; settlements only when paid inside the horizon) minus costs.
     *
     * @param probNegativeAnyMonth share of trials whose end-of-month balance is below zero in at least one
     *     month 1..horizonMonths, in [0, 1]
     * @param probNegativeAnyMonthStdError its standard error sqrt(p(1 - p) / n)
     * @param minBalance each trial's lowest end-of-month balance, dollars
     * @param endBalance the balance at the end of the horizon, dollars
     * @param runwayMonths minBalance over the trial's average monthly costs, months (negative when overdrawn)
     * @param monthlyBalance balance bands for months 0 (the starting reserve) to horizonMonths, dollars
     */
    record Cash(double probNegativeAnyMonth, double probNegativeAnyMonthStdError, Metric minBalance,
                Metric endBalance, Metric runwayMonths, List<MonthBand> monthlyBalance) {
        Cash {
            monthlyBalance = List.copyOf(monthlyBalance);
        }
    }

    /**
     * Distribution summary of one annual quantity over all trials (dollars).
     *
     * @param mean sample mean
     * @param sd sample standard deviation (n - 1 denominator)
     * @param meanStdError sd / sqrt(trials)
     * @param min smallest trial value
     * @param max largest trial value
     * @param p01 1st percentile (Hyndman-Fan type 7), likewise p05 ... p99
     * @param p05 5th percentile
     * @param p10 10th percentile
     * @param p25 25th percentile
     * @param p50 median
     * @param p75 75th percentile
     * @param p90 90th percentile
     * @param p95 95th percentile
     * @param p99 99th percentile
     * @param worst5Mean mean of the lowest 5% of trials (expected shortfall stated as income)
     * @param probLoss share of trials below zero, in [0, 1]
     * @param mcse Monte Carlo standard errors; empty when the run had fewer than 200 trials
     */
    record Metric(double mean, double sd, double meanStdError, double min, double max,
                  double p01, double p05, double p10, double p25, double p50, double p75,
                  double p90, double p95, double p99, double worst5Mean, double probLoss,
                  Optional<Mcse> mcse) {
    }

    /**
     * Batch-means Monte Carlo standard errors of a {@link Metric}'s quantiles (dollars),
     * {@code worst5Mean} (dollars) and {@code probLoss} (probability).
     */
    record Mcse(double p01, double p05, double p10, double p25, double p50, double p75,
                double p90, double p95, double p99, double worst5Mean, double probLoss) {
    }

    /**
     * One month's quantity over all trials: net income in the month (dollars per month, months 1..horizon)
     * or the bank balance at the end of the month (dollars, months 0..horizon).
     *
     * @param month month of the horizon (0 = the start, for balances)
     * @param mean mean over trials
     * @param p05 5th percentile, likewise p25, p50, p75, p95
     * @param p25 25th percentile
     * @param p50 median
     * @param p75 75th percentile
     * @param p95 95th percentile
     */
    record MonthBand(int month, double mean, double p05, double p25, double p50, double p75, double p95) {
    }

    /**
     * Histograms of several models on one bin grid.
     *
     * @param binEdges bins + 1 ascending edges, dollars
     * @param counts trial counts per bin, by model name (each list has bins entries)
     */
    record SharedHistogram(List<Double> binEdges, Map<String, List<Long>> counts) {
        SharedHistogram {
            binEdges = List.copyOf(binEdges);
            counts = Map.copyOf(counts);
        }
    }

    /**
     * One histogram.
     *
     * @param binEdges bins + 1 ascending edges, dollars
     * @param counts trial counts per bin
     */
    record Histogram(List<Double> binEdges, List<Long> counts) {
        Histogram {
            binEdges = List.copyOf(binEdges);
            counts = List.copyOf(counts);
        }
    }

    /**
     * Paired comparison of two models' annual net income in the same trials (a minus b).
     *
     * @param a first model's name
     * @param b second model's name
     * @param meanDifference mean of a - b, dollars
     * @param meanDifferenceStdError its standard error, dollars
     * @param probAGreater share of trials where a's net income is greater than b's by more than rounding
     * @param probAGreaterStdError its standard error sqrt(p(1 - p) / n)
     * @param difference quantiles of a - b, dollars
     * @param histogram histogram of a - b over all trials
     */
    record Comparison(String a, String b, double meanDifference, double meanDifferenceStdError,
                      double probAGreater, double probAGreaterStdError,
                      DifferenceQuantiles difference, Histogram histogram) {
    }

    /** Quantiles of a paired difference, dollars. */
    record DifferenceQuantiles(double p05, double p25, double p50, double p75, double p95) {
    }

    /**
     * Patient activity per trial over the horizon (the same under every payment model).
     *
     * @param mean mean per trial
     * @param sd standard deviation over trials
     * @param meanStdError standard error of the mean
     * @param p05 5th percentile
     * @param p50 median
     * @param p95 95th percentile
     */
    record ActivityStat(double mean, double sd, double meanStdError, double p05, double p50, double p95) {
    }
}
