package org.payrisk.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.commons.numbers.arrays.Selection;

/**
 * Reduces per-trial outcomes to risk statistics. Every function reads its input in index order and
 * is a pure function of it. Thread safe (stateless).
 */
public final class Summaries {

    /** Percentiles reported for each metric, in order: p01 p05 p10 p25 p50 p75 p90 p95 p99. */
    public static final int[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    /** {@link #PERCENTILES} as probabilities. */
    static final double[] PERCENTILE_PROBABILITIES = probabilities(PERCENTILES);

    /** {@link PairedComparison#DIFFERENCE_PERCENTILES} as probabilities. */
    private static final double[] DIFFERENCE_PROBABILITIES = probabilities(PairedComparison.DIFFERENCE_PERCENTILES);

    /** Probabilities of the fine quantile grid (for exceedance curves). */
    public static final double[] QUANTILE_GRID = quantileGrid();

    /** Batches used for batch-means standard errors. */
    public static final int BATCHES = 20;

    /** Fewest trials for which batch-means standard errors are reported (10 per batch). */
    public static final int MIN_TRIALS_FOR_MCSE = 200;

    /**
     * Relative difference below which two models' amounts in a trial count as equal in P(A &gt; B):
     * the same dollars summed in another order differ by rounding (about 1e-10 dollars on a
     * practice-year), which must not count as one model beating the other.
     */
    public static final double TIE_TOLERANCE = 1e-9;

    /**
     * Most trials a run summarises exactly, from every trial's stored outcomes (exact order statistics,
     * two-pass sd): runs up to this size give the same summary.json as before streaming
     * existed, and keep per-trial recorded inputs (for sensitivity). Larger runs are reduced block by
     * block by {@link StreamingSummary} in memory independent of the trial count, with quantiles
     * within the bound of {@link LogHistogram}, and keep no per-trial inputs.
     */
    public static final int EXACT_LIMIT = 1_000_000;

    /** The limit in force; lowered only by tests in this package (a seam), never by users. */
    static volatile int exactLimit = EXACT_LIMIT;

    /**
     * @param trials trials of a run
     * @return whether the run is summarised exactly (from stored outcomes) rather than streamed
     */
    public static boolean isExact(long trials) {
        return trials <= exactLimit;
    }

    /** Bins of the net-income and difference histograms. */
    public static final int HISTOGRAM_BINS = 60;

    private Summaries() {
    }

    private static double[] probabilities(int[] percents) {
        double[] p = new double[percents.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = percents[i] / 100.0;
        }
        return p;
    }

    private static double[] quantileGrid() {
        double[] g = new double[105];
        int k = 0;
        g[k++] = 0.001;
        g[k++] = 0.0025;
        g[k++] = 0.005;
        for (int i = 1; i <= 99; i++) {
            g[k++] = i / 100.0;
        }
        g[k++] = 0.995;
        g[k++] = 0.9975;
        g[k] = 0.999;
        return g;
    }

    static int percentileIndex(int percent) {
        for (int i = 0; i < PERCENTILES.length; i++) {
            if (PERCENTILES[i] == percent) {
                return i;
            }
        }
        throw new IllegalArgumentException("percent: expected one of " + Arrays.toString(PERCENTILES) + ", found " + percent);
    }

    /**
     * Mean by summation in index order.
     *
     * @param x values
     * @param from first index
     * @param n count
     * @return the mean
     */
    static double mean(double[] x, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += x[i];
        }
        return s / n;
    }

    /** Sample standard deviation (two-pass, denominator n - 1). */
    static double sd(double[] x, int from, int n, double mean) {
        if (n < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double d = x[i] - mean;
            s += d * d;
        }
        return Math.sqrt(s / (n - 1));
    }

    /** Mean of the lowest ceil(0.05 n) values of an ascending slice. */
    static double worst5Mean(double[] sorted, int from, int n) {
        return mean(sorted, from, worst5Count(n));
    }

    /** @return ceil(0.05 n), the count of lowest values {@link #worst5Mean} averages */
    private static int worst5Count(int n) {
        return (int) Math.ceil(0.05 * n);
    }

    static double probBelowZero(double[] x, int from, int n) {
        long c = 0;
        for (int i = from; i < from + n; i++) {
            if (x[i] < 0) {
                c++;
            }
        }
        return (double) c / n;
    }

    /**
     * Summarises one metric.
     *
     * @param values one value per trial, in trial order (not modified)
     * @return its summary
     */
    public static MetricSummary metric(double[] values) {
        return metric(values, orderedForMetric(values, 0, values.length));
    }

    /**
     * How many more values than twice the lowest 5% the buckets holding the lowest 5% may hold for
     * {@link #orderedForMetric} to put them in order (a bucket or so of slack for small batches).
     */
    private static final int LOW_BUCKETS_SLACK = 4096;

    /**
     * An array of {@code n} holding everything {@link #metric} and the batch means read of
     * {@code values[from, from + n)} in the place a full ascending sort would put it, without sorting
     * it all: the smallest and largest value, the two order statistics each of the {@link #PERCENTILES}
     * reads ({@link Quantiles#type7}), and the lowest ceil(0.05 n) values, ascending, which
     * {@link #worst5Mean} sums in that order; what the other positions hold is unspecified. Below
     * {@value Buckets#FROM} values (or with NaN, infinities, all values equal, a range a double cannot
     * bucket, or many more values in the lowest 5%'s buckets than in the lowest 5%), a copy on which Commons
     * Numbers' {@link Selection} puts the order statistics in place (ordering as
     * {@link Arrays#sort(double[])} does) and leaves no greater value before the highest of the lowest 5%,
     * which are then sorted; otherwise the same values found by {@link Buckets}. Either way every figure
     * read is bit for bit that of the sorted copy, in O(n) plus ordering about 5% of the values instead
     * of a sort of them all.
     *
     * @param values values
     * @param from first index
     * @param n count, &gt;= 1
     * @return the partly ordered values, of length n
     */
    static double[] orderedForMetric(double[] values, int from, int n) {
        final int worst = worst5Count(n);
        final int[] k = Quantiles.orderStatistics(n, PERCENTILE_PROBABILITIES, 3);
        k[k.length - 3] = 0;
        k[k.length - 2] = n - 1;
        k[k.length - 1] = worst - 1;
        // From 4,096 finite values, by buckets (Buckets): the lowest 5% are the values of the buckets up to
        // the one holding rank worst - 1, put in order bucket by bucket (Buckets.sortedUpTo), and the other
        // order statistics those of the buckets holding them. When ties or an outlier pile many more values
        // than 5% into those buckets, ordering them all would cost more than selection among all the
        // values, which then does it. The positions nothing reads are left 0.
        Buckets buckets = Buckets.of(values, from, n);
        int lowBuckets = buckets == null ? -1 : buckets.ofRank(worst - 1);
        if (buckets != null && buckets.start(lowBuckets + 1) <= 2 * worst + LOW_BUCKETS_SLACK) {
            double[] low = buckets.sortedUpTo(lowBuckets);
            double[] a = new double[n];
            System.arraycopy(low, 0, a, 0, worst);
            int[] above = Arrays.stream(k).filter(r -> r >= worst).toArray(); // the lowest 5% are in place
            double[] x = buckets.valuesAt(above);
            for (int i = 0; i < above.length; i++) {
                a[above[i]] = x[i];
            }
            return a;
        }
        final double[] a = Arrays.copyOfRange(values, from, from + n);
        Selection.select(a, k);
        Arrays.sort(a, 0, worst);
        return a;
    }

    /** {@link #metric(double[])} given the values also partly ordered by {@link #orderedForMetric}. */
    private static MetricSummary metric(double[] values, double[] ordered) {
        int n = values.length;
        double mean = mean(values, 0, n);
        double sd = sd(values, 0, n, mean);
        double[] q = new double[PERCENTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Quantiles.type7(ordered, PERCENTILE_PROBABILITIES[i]);
        }
        return new MetricSummary(mean, sd, sd / Math.sqrt(n), ordered[0], ordered[n - 1], q,
                worst5Mean(ordered, 0, n), probBelowZero(values, 0, n), batchMeansMcse(values));
    }

    /**
     * Batch-means standard errors: the trials, in index order, are cut into {@link #BATCHES} equal
     * consecutive batches (the last n mod 20 trials are left out), each statistic is computed per
     * batch, and its standard error is the sd over batches divided by sqrt(20) - a standard,
     * assumption-light estimate of the Monte Carlo error of a statistic of n iid draws.
     */
    static MetricSummary.Mcse batchMeansMcse(double[] values) {
        int n = values.length;
        if (n < MIN_TRIALS_FOR_MCSE) {
            return null;
        }
        int size = n / BATCHES;
        double[][] perBatch = new double[PERCENTILES.length + 2][BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            perBatch[PERCENTILES.length + 1][b] = probBelowZero(values, b * size, size);
            double[] batch = orderedForMetric(values, b * size, size);
            for (int i = 0; i < PERCENTILES.length; i++) {
                perBatch[i][b] = Quantiles.type7(batch, PERCENTILE_PROBABILITIES[i]);
            }
            perBatch[PERCENTILES.length][b] = worst5Mean(batch, 0, size);
        }
        double[] se = new double[perBatch.length];
        for (int i = 0; i < se.length; i++) {
            double m = mean(perBatch[i], 0, BATCHES);
            se[i] = sd(perBatch[i], 0, BATCHES, m) / Math.sqrt(BATCHES);
        }
        return new MetricSummary.Mcse(Arrays.copyOf(se, PERCENTILES.length), se[PERCENTILES.length],
                se[PERCENTILES.length + 1]);
    }

    /**
     * @param values per-trial counts or amounts
     * @return mean, sd, standard error and the 5/50/95 percentiles
     */
    public static ActivitySummary activity(double[] values) {
        int n = values.length;
        double mean = mean(values, 0, n);
        double sd = sd(values, 0, n, mean);
        double[] q = Quantiles.type7OfUnsorted(values, 0.05, 0.5, 0.95);
        return new ActivitySummary(mean, sd, sd / Math.sqrt(n), q[0], q[1], q[2]);
    }

    /**
     * @param month month number
     * @param values that month's value per trial
     * @return its band
     */
    public static MonthlyBand band(int month, double[] values) {
        double mean = mean(values, 0, values.length);
        double[] q = Quantiles.type7OfUnsorted(values, 0.05, 0.25, 0.5, 0.75, 0.95);
        return new MonthlyBand(month, mean, q[0], q[1], q[2], q[3], q[4]);
    }

    /**
     * A paired comparison of two per-trial samples.
     *
     * @param nameA first name
     * @param a first sample
     * @param nameB second name
     * @param b second sample, same length
     * @return the comparison of a - b
     */
    public static PairedComparison paired(String nameA, double[] a, String nameB, double[] b) {
        int n = a.length;
        double[] d = new double[n];
        long greater = 0;
        for (int t = 0; t < n; t++) {
            d[t] = a[t] - b[t];
            if (d[t] > TIE_TOLERANCE * Math.max(1, Math.max(Math.abs(a[t]), Math.abs(b[t])))) {
                greater++;
            }
        }
        double mean = mean(d, 0, n);
        double sd = sd(d, 0, n, mean);
        double p = (double) greater / n;
        double[] q = Quantiles.type7OfUnsorted(d, DIFFERENCE_PROBABILITIES);
        return new PairedComparison(nameA, nameB, mean, sd / Math.sqrt(n), p, Math.sqrt(p * (1 - p) / n), q,
                Histogram.shared(HISTOGRAM_BINS, d)[0]);
    }

    /**
     * Summarises a whole run.
     *
     * @param outcomes the filled outcome store
     * @return the run summary
     */
    public static RunSummary run(TrialOutcomes outcomes) {
        return run(outcomes, true);
    }

    /**
     * Summarises a whole run, with or without its sensitivities: a sweep point or a solve evaluation
     * reports no sensitivity, and ranking every input against every output is the costliest part of
     * a summary. Every other figure is the same either way.
     *
     * @param outcomes the filled outcome store
     * @param sensitivity whether to compute {@link RunSummary#sensitivity()} (else null)
     * @return the run summary
     */
    public static RunSummary run(TrialOutcomes outcomes, boolean sensitivity) {
        int nModels = outcomes.models().size();
        double[][] net = new double[nModels][];
        for (int m = 0; m < nModels; m++) {
            net[m] = outcomes.netIncomeColumn(m);
        }
        // Every figure below is a pure function of the outcomes, which every thread only reads, so
        // computing them at the same time (the sensitivities beside the models, each model's order
        // statistics on its own thread) gives the same summary on any number of cores; it only shortens
        // the single-threaded end of a run.
        CompletableFuture<Sensitivity> ranks = sensitivity
                ? CompletableFuture.supplyAsync(() -> RankSensitivity.of(outcomes, net))
                : CompletableFuture.<Sensitivity>completedFuture(null);
        Histogram[] histograms = Histogram.shared(HISTOGRAM_BINS, net);
        MetricSummary costs = metric(outcomes.costsView());
        boolean ownCosts = outcomes.layout() != null;
        List<ModelSummary> models = IntStream.range(0, nModels).parallel().mapToObj(m -> {
            List<MonthlyBand> bands = new ArrayList<>();
            for (int month = 1; month <= outcomes.months(); month++) {
                bands.add(band(month, outcomes.monthlyNetView(m, month)));
            }
            double[] grid = Quantiles.type7OfUnsorted(net[m], QUANTILE_GRID);
            return new ModelSummary(outcomes.models().get(m), metric(net[m]), metric(outcomes.revenueView(m)),
                    ownCosts ? metric(outcomes.costsView(m)) : costs, bands, grid, histograms[m], CashSummary.of(outcomes, m));
        }).toList();
        List<PairedComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < nModels; i++) {
            for (int j = i + 1; j < nModels; j++) {
                comparisons.add(paired(outcomes.models().get(i), net[i], outcomes.models().get(j), net[j]));
            }
        }
        Map<String, ActivitySummary> activity = new LinkedHashMap<>();
        for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
            activity.put(TrialOutcomes.ACTIVITY.get(k), activity(outcomes.activityColumn(k)));
        }
        return new RunSummary(outcomes.trials(), outcomes.months(), models, comparisons, activity,
                ranks.join(), ResponseSummary.of(outcomes));
    }
}
