package org.payrisk.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run summary of {@link Summaries#run}, reduced block by block in block order, in memory that
 * does not grow with the number of trials: the path for runs beyond {@link Summaries#EXACT_LIMIT}.
 * Feed it every block, in block order (a {@link BlockMerger} listener), then call {@link #result}.
 *
 * <p>Means, P(loss), P(A &gt; B), minima and maxima are exact (means are summed in trial order, as on
 * the exact path); standard deviations use Welford's update; quantiles, monthly bands, worst-5% means
 * and the 60-bin histograms come from {@link LogHistogram}s, within its stated bound. Since blocks
 * arrive in block order, the result is the same on any thread count or engine.
 *
 * <p>Not thread safe: {@link BlockMerger} calls its listener one block at a time.
 */
public final class StreamingSummary implements Consumer<TrialOutcomes> {

    private final List<String> models;
    private final int trials;
    private final int months;
    private final StreamingMetric costs;
    private final StreamingMetric[] net;
    private final StreamingMetric[] revenue;
    private final StreamingMetric[][] bands;
    private final StreamingMetric[] minBalance;
    private final StreamingMetric[] endBalance;
    private final StreamingMetric[] runway;
    private final long[] cashNegative;
    private final StreamingMetric[][] cashBands;
    private final StreamingMetric[] differences;
    private final long[] greater;
    private final StreamingMetric[] activity;
    /** Each model's own costs, from the first block of a responsive run; null for a plain run. */
    private StreamingMetric[] modelCosts;
    private final ResponseSummary.Accumulator responses;
    private int seen;

    /**
     * @param models model names
     * @param trials trials of the whole run
     * @param months counted months
     */
    public StreamingSummary(List<String> models, int trials, int months) {
        this.models = List.copyOf(models);
        this.trials = trials;
        this.months = months;
        int nm = models.size();
        responses = new ResponseSummary.Accumulator(models);
        costs = new StreamingMetric(trials, true);
        net = new StreamingMetric[nm];
        revenue = new StreamingMetric[nm];
        bands = new StreamingMetric[nm][months];
        minBalance = new StreamingMetric[nm];
        endBalance = new StreamingMetric[nm];
        runway = new StreamingMetric[nm];
        cashNegative = new long[nm];
        cashBands = new StreamingMetric[nm][months + 1];
        for (int m = 0; m < nm; m++) {
            net[m] = new StreamingMetric(trials, true);
            revenue[m] = new StreamingMetric(trials, true);
            minBalance[m] = new StreamingMetric(trials, true);
            endBalance[m] = new StreamingMetric(trials, true);
            runway[m] = new StreamingMetric(trials, true);
            for (int k = 0; k < months; k++) {
                bands[m][k] = new StreamingMetric(trials, false);
            }
            for (int k = 0; k <= months; k++) {
                cashBands[m][k] = new StreamingMetric(trials, false);
            }
        }
        int pairs = nm * (nm - 1) / 2;
        differences = new StreamingMetric[pairs];
        greater = new long[pairs];
        for (int p = 0; p < pairs; p++) {
            differences[p] = new StreamingMetric(trials, false);
        }
        activity = new StreamingMetric[TrialOutcomes.ACTIVITY.size()];
        for (int k = 0; k < activity.length; k++) {
            activity[k] = new StreamingMetric(trials, false);
        }
    }

    /**
     * Heap this summary holds, for the up-front memory estimate.
     *
     * @param models number of models
     * @param months counted months
     * @return approximate bytes (histograms dominate)
     */
    public static long bytesNeeded(int models, int months) {
        long perHistogram = 4L * LogHistogram.BUCKETS + 64;
        long withBatches = (Summaries.BATCHES + 1) * perHistogram;
        long metrics = (1 + 5L * models) * withBatches;
        long plain = ((long) models * (2L * months + 1) + (long) models * (models - 1) / 2 + TrialOutcomes.ACTIVITY.size())
                * perHistogram;
        return metrics + plain;
    }

    @Override
    public void accept(TrialOutcomes block) {
        if (block.offset() != seen) {
            throw new IllegalArgumentException("block: expected trials from " + seen + ", found " + block.offset());
        }
        int n = block.trials();
        int nm = models.size();
        for (int t = 0; t < n; t++) {
            costs.add(block.costs(t));
        }
        if (block.layout() != null) {
            if (modelCosts == null) {
                modelCosts = new StreamingMetric[nm];
                for (int m = 0; m < nm; m++) {
                    modelCosts[m] = new StreamingMetric(trials, true);
                }
            }
            for (int m = 0; m < nm; m++) {
                for (int t = 0; t < n; t++) {
                    modelCosts[m].add(block.costs(m, t));
                }
            }
            responses.accept(block);
        }
        for (int m = 0; m < nm; m++) {
            for (int t = 0; t < n; t++) {
                net[m].add(block.netIncome(m, t));
                revenue[m].add(block.revenue(m, t));
                double min = block.minCashBalance(m, t);
                minBalance[m].add(min);
                if (min < 0) {
                    cashNegative[m]++;
                }
                double perMonth = block.costs(m, t) / months;
                double r = perMonth > 0 ? min / perMonth : (min < 0 ? -CashSummary.RUNWAY_CAP : CashSummary.RUNWAY_CAP);
                runway[m].add(Math.max(-CashSummary.RUNWAY_CAP, Math.min(CashSummary.RUNWAY_CAP, r)));
            }
            for (int month = 1; month <= months; month++) {
                double[] col = block.monthlyNetColumn(m, month);
                for (int t = 0; t < n; t++) {
                    bands[m][month - 1].add(col[t]);
                }
            }
            for (int month = 0; month <= months; month++) {
                double[] col = block.cashBalanceColumn(m, month);
                for (int t = 0; t < n; t++) {
                    cashBands[m][month].add(col[t]);
                    if (month == months) {
                        endBalance[m].add(col[t]);
                    }
                }
            }
        }
        int p = 0;
        for (int i = 0; i < nm; i++) {
            for (int j = i + 1; j < nm; j++, p++) {
                for (int t = 0; t < n; t++) {
                    double a = block.netIncome(i, t);
                    double b = block.netIncome(j, t);
                    double d = a - b;
                    differences[p].add(d);
                    if (d > Summaries.TIE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                        greater[p]++;
                    }
                }
            }
        }
        for (int k = 0; k < activity.length; k++) {
            for (int t = 0; t < n; t++) {
                activity[k].add(block.activity(k, t));
            }
        }
        seen += n;
    }

    private static MonthlyBand band(int month, StreamingMetric s) {
        LogHistogram h = s.histogram();
        return new MonthlyBand(month, s.mean(), h.type7(0.05), h.type7(0.25), h.type7(0.5), h.type7(0.75),
                h.type7(0.95));
    }

    private static Histogram[] shared(LogHistogram... samples) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LogHistogram s : samples) {
            lo = Math.min(lo, s.min());
            hi = Math.max(hi, s.max());
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        int bins = Summaries.HISTOGRAM_BINS;
        double[] edges = new double[bins + 1];
        double width = (hi - lo) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + i * width;
        }
        Histogram[] out = new Histogram[samples.length];
        for (int k = 0; k < samples.length; k++) {
            out[k] = new Histogram(edges, samples[k].binCounts(edges));
        }
        return out;
    }

    /**
     * @return the run summary
     * @throws IllegalStateException when not every trial was fed
     */
    public RunSummary result() {
        if (seen != trials) {
            throw new IllegalStateException("expected " + trials + " trials, found " + seen);
        }
        int nm = models.size();
        LogHistogram[] netHist = new LogHistogram[nm];
        for (int m = 0; m < nm; m++) {
            netHist[m] = net[m].histogram();
        }
        Histogram[] histograms = shared(netHist);
        MetricSummary costSummary = costs.summary();
        List<ModelSummary> out = new ArrayList<>();
        for (int m = 0; m < nm; m++) {
            List<MonthlyBand> monthly = new ArrayList<>();
            for (int month = 1; month <= months; month++) {
                monthly.add(band(month, bands[m][month - 1]));
            }
            double[] grid = new double[Summaries.QUANTILE_GRID.length];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = netHist[m].type7(Summaries.QUANTILE_GRID[i]);
            }
            List<MonthlyBand> cash = new ArrayList<>();
            for (int month = 0; month <= months; month++) {
                cash.add(band(month, cashBands[m][month]));
            }
            double p = (double) cashNegative[m] / trials;
            CashSummary cs = new CashSummary(p, Math.sqrt(p * (1 - p) / trials), minBalance[m].summary(),
                    endBalance[m].summary(), runway[m].summary(), cash);
            out.add(new ModelSummary(models.get(m), net[m].summary(), revenue[m].summary(),
                    modelCosts == null ? costSummary : modelCosts[m].summary(), monthly, grid,
                    histograms[m], cs));
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < nm; i++) {
            for (int j = i + 1; j < nm; j++, p++) {
                StreamingMetric d = differences[p];
                LogHistogram h = d.histogram();
                double prob = (double) greater[p] / trials;
                double[] q = new double[PairedComparison.DIFFERENCE_PERCENTILES.length];
                for (int k = 0; k < q.length; k++) {
                    q[k] = h.type7(PairedComparison.DIFFERENCE_PERCENTILES[k] / 100.0);
                }
                comparisons.add(new PairedComparison(models.get(i), models.get(j), d.mean(), d.sd() / Math.sqrt(trials),
                        prob, Math.sqrt(prob * (1 - prob) / trials), q, shared(h)[0]));
            }
        }
        Map<String, ActivitySummary> act = new LinkedHashMap<>();
        for (int k = 0; k < activity.length; k++) {
            StreamingMetric a = activity[k];
            LogHistogram h = a.histogram();
            act.put(TrialOutcomes.ACTIVITY.get(k), new ActivitySummary(a.mean(), a.sd(), a.sd() / Math.sqrt(trials),
                    h.type7(0.05), h.type7(0.5), h.type7(0.95)));
        }
        return new RunSummary(trials, months, out, comparisons, act, null, responses.result());
    }
}
