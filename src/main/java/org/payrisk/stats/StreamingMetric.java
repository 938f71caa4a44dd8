package org.payrisk.stats;

/**
 * One metric accumulated trial by trial, in trial order, in memory that does not grow with the
 * number of trials: what {@link Summaries#metric} computes from a stored column, for runs beyond the
 * exact limit.
 *
 * <ul>
 *   <li>mean: the same sum in trial order as {@link Summaries#metric}, so bit-identical;</li>
 *   <li>sd: Welford's update in trial order (deterministic; agrees with the two-pass sd to about
 *       1e-12 relative, tested);</li>
 *   <li>min, max, P(x &lt; 0): exact;</li>
 *   <li>percentiles and the worst-5% mean: from a {@link LogHistogram}, within its stated bound;</li>
 *   <li>batch-means standard errors: the same {@link Summaries#BATCHES} consecutive batches of
 *       n / 20 trials as the exact path, each batch with its own histogram (the run's histogram is
 *       their sum, plus the n mod 20 trials left over).</li>
 * </ul>
 * Not thread safe: fed by one thread, in trial order.
 */
final class StreamingMetric {

    private final long trials;
    private final long batchSize;
    private final LogHistogram[] batches;
    private final long[] batchNegatives;
    private final LogHistogram rest = new LogHistogram();
    private long n;
    private double sum;
    private double welfordMean;
    private double m2;
    private long negatives;

    /**
     * @param trials trials the run will feed (fixes the batches)
     * @param withMcse whether to keep per-batch histograms for batch-means standard errors
     */
    StreamingMetric(long trials, boolean withMcse) {
        this.trials = trials;
        boolean mcse = withMcse && trials >= Summaries.MIN_TRIALS_FOR_MCSE;
        batchSize = mcse ? trials / Summaries.BATCHES : 0;
        batches = new LogHistogram[mcse ? Summaries.BATCHES : 0];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new LogHistogram();
        }
        batchNegatives = new long[batches.length];
    }

    /** @param x the next trial's value */
    void add(double x) {
        int b = batchSize == 0 ? -1 : (int) (n / batchSize);
        if (b >= 0 && b < batches.length) {
            batches[b].add(x);
            if (x < 0) {
                batchNegatives[b]++;
            }
        } else {
            rest.add(x);
        }
        n++;
        sum += x;
        double d = x - welfordMean;
        welfordMean += d / n;
        m2 += d * (x - welfordMean);
        if (x < 0) {
            negatives++;
        }
    }

    /** @return all values in one histogram (a new object) */
    LogHistogram histogram() {
        LogHistogram all = new LogHistogram();
        for (LogHistogram b : batches) {
            all.addAll(b);
        }
        all.addAll(rest);
        return all;
    }

    double mean() {
        return sum / n;
    }

    double sd() {
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    /** @return the summary, as {@link Summaries#metric} reports it */
    MetricSummary summary() {
        if (n != trials) {
            throw new IllegalStateException("expected " + trials + " values, found " + n);
        }
        LogHistogram all = histogram();
        double sd = sd();
        double[] q = new double[Summaries.PERCENTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = all.type7(Summaries.PERCENTILE_PROBABILITIES[i]);
        }
        long k = (long) Math.ceil(0.05 * n);
        return new MetricSummary(mean(), sd, sd / Math.sqrt(n), all.min(), all.max(), q, all.lowestMean(k),
                (double) negatives / n, mcse());
    }

    private MetricSummary.Mcse mcse() {
        if (batches.length == 0) {
            return null;
        }
        int stats = Summaries.PERCENTILES.length + 2;
        double[][] perBatch = new double[stats][Summaries.BATCHES];
        long kBatch = (long) Math.ceil(0.05 * batchSize);
        for (int b = 0; b < Summaries.BATCHES; b++) {
            for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
                perBatch[i][b] = batches[b].type7(Summaries.PERCENTILE_PROBABILITIES[i]);
            }
            perBatch[Summaries.PERCENTILES.length][b] = batches[b].lowestMean(kBatch);
            perBatch[Summaries.PERCENTILES.length + 1][b] = (double) batchNegatives[b] / batchSize;
        }
        double[] se = new double[stats];
        for (int i = 0; i < stats; i++) {
            double m = Summaries.mean(perBatch[i], 0, Summaries.BATCHES);
            se[i] = Summaries.sd(perBatch[i], 0, Summaries.BATCHES, m) / Math.sqrt(Summaries.BATCHES);
        }
        return new MetricSummary.Mcse(java.util.Arrays.copyOf(se, Summaries.PERCENTILES.length),
                se[Summaries.PERCENTILES.length], se[Summaries.PERCENTILES.length + 1]);
    }
}
