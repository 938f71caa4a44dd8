package org.payrisk.stats;

/**
 * A deterministic, mergeable summary of a sample for quantiles beyond the exact limit: values are
 * counted in log-spaced buckets whose edges are fixed constants (not fitted to the data), so two
 * summaries merge by adding counts, and the merged result is the same whatever order the additions
 * ran in. There is no randomness (unlike KLL or REQ sketches, which use an unseeded generator).
 *
 * <p>Buckets: |x| &lt; {@link #SMALLEST} falls in one zero bucket; otherwise bucket k holds
 * |x| in [SMALLEST &gamma;<sup>k</sup>, SMALLEST &gamma;<sup>k+1</sup>), &gamma; = {@link #GAMMA},
 * separately for each sign, up to |x| = {@link #LARGEST}. A bucket is represented by the midpoint of
 * its edges, clamped to the exact sample minimum and maximum.
 *
 * <p><b>Error bound.</b> Every order statistic read from this summary is within
 * {@link #RELATIVE_ERROR} &middot; |x| + {@link #SMALLEST} of the true order statistic x (for
 * |x| &le; {@link #LARGEST}); a type-7 quantile, a convex combination of two neighbouring order
 * statistics, inherits the bound with |x| the larger magnitude of the two. Dollar amounts and counts
 * of a practice lie far inside that range.
 *
 * <p>Memory: about {@value #BUCKETS} ints (120 kB), fixed. Counts are ints: a run has at most
 * {@link Integer#MAX_VALUE} trials. Not thread safe.
 */
public final class LogHistogram {

    /** Values smaller in magnitude than this (one cent) share the zero bucket. */
    public static final double SMALLEST = 0.01;

    /** Largest magnitude for which the error bound holds; larger values go in the outermost buckets. */
    public static final double LARGEST = 1e11;

    /** Ratio of a bucket's upper to lower edge. */
    public static final double GAMMA = 1.002;

    /** Bound on the relative error of a bucket's midpoint: (&gamma; - 1) / (&gamma; + 1) &lt; 1e-3. */
    public static final double RELATIVE_ERROR = 1e-3;

    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final int PER_SIGN = (int) Math.ceil(Math.log(LARGEST / SMALLEST) / LOG_GAMMA);
    static final int BUCKETS = 2 * PER_SIGN + 1;

    private final int[] counts = new int[BUCKETS];
    private long n;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** @param x a finite value to count */
    public void add(double x) {
        counts[index(x)]++;
        n++;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    /** @param other a summary whose counts are added to this one's */
    public void addAll(LogHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        n += other.n;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Bucket index, ascending with the value: negative buckets, the zero bucket, positive buckets. */
    static int index(double x) {
        double a = Math.abs(x);
        if (a < SMALLEST) {
            return PER_SIGN;
        }
        int k = (int) Math.min(PER_SIGN - 1, Math.floor(Math.log(a / SMALLEST) / LOG_GAMMA));
        return x > 0 ? PER_SIGN + 1 + k : PER_SIGN - 1 - k;
    }

    /** The value that stands for bucket i: the midpoint of its edges, clamped to [min, max]. */
    private double representative(int i) {
        double v;
        if (i == PER_SIGN) {
            v = 0;
        } else {
            int k = i > PER_SIGN ? i - PER_SIGN - 1 : PER_SIGN - 1 - i;
            double mid = SMALLEST * Math.pow(GAMMA, k) * (1 + GAMMA) / 2;
            v = i > PER_SIGN ? mid : -mid;
        }
        return Math.max(min, Math.min(max, v));
    }

    /** @return values counted */
    public long count() { return n; }

    /** @return the exact smallest value */
    public double min() { return min; }

    /** @return the exact largest value */
    public double max() { return max; }

    /**
     * @param rank 0-based rank, 0 &le; rank &lt; count()
     * @return the order statistic of that rank, within the stated bound
     */
    public double orderStatistic(long rank) {
        if (rank == 0) {
            return min;
        }
        if (rank == n - 1) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen > rank) {
                return representative(i);
            }
        }
        throw new IllegalArgumentException("rank: expected below " + n + ", found " + rank);
    }

    /**
     * The type-7 quantile (as {@link Quantiles#type7}), from bucket representatives.
     *
     * @param p probability in [0, 1]
     * @return the quantile, within the stated bound
     */
    public double type7(double p) {
        if (n < 1) {
            throw new IllegalStateException("no values counted");
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        if (lo >= n - 1) {
            return max;
        }
        double frac = h - lo;
        double a = orderStatistic(lo);
        if (frac == 0) {
            return a;
        }
        double b = orderStatistic(lo + 1);
        return a + frac * (b - a);
    }

    /**
     * Mean of the lowest k values, each taken as its bucket's representative (so within the stated
     * bound of the largest magnitude among them).
     *
     * @param k how many of the lowest values, 1 &le; k &le; count()
     * @return their mean
     */
    public double lowestMean(long k) {
        double sum = 0;
        long left = k;
        for (int i = 0; i < BUCKETS && left > 0; i++) {
            long take = Math.min(left, counts[i]);
            if (take > 0) {
                sum += take * representative(i);
                left -= take;
            }
        }
        return sum / k;
    }

    /**
     * Counts of a 60-bin style histogram over [lo, hi], with each bucket's count put in the bin of
     * its representative (so a count may sit one bin off near a bin edge).
     *
     * @param edges ascending bin edges
     * @return counts per bin
     */
    public long[] binCounts(double[] edges) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double width = (edges[bins] - lo) / bins;
        long[] out = new long[bins];
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0) {
                int b = (int) ((representative(i) - lo) / width);
                out[Math.min(bins - 1, Math.max(0, b))] += counts[i];
            }
        }
        return out;
    }
}
