package org.payrisk.stats;

import org.apache.commons.numbers.arrays.Selection;

/**
 * Sample quantiles by the linear interpolation estimator (Hyndman and Fan 1996, definition 7; the
 * default of R's {@code quantile} and numpy's {@code percentile}): with the values sorted
 * x[0] &lt;= ... &lt;= x[n-1] and h = (n - 1) p, Q(p) = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The type-7 quantiles of values in any order, without sorting them all: only the order statistics
     * each quantile reads (x[floor h] and x[floor h + 1]) are found ({@link #orderStatisticValues}), so
     * each result is exactly {@link #type7(double[], double)} of the sorted values, in O(n) instead of
     * O(n log n).
     *
     * @param values at least one value (not modified)
     * @param p probabilities in [0, 1]
     * @return the type-7 quantile at each probability, in order
     */
    public static double[] type7OfUnsorted(double[] values, double... p) {
        int n = values.length;
        int[] k = orderStatistics(n, p, 0);
        double[] x = orderStatisticValues(values, k);
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = k[2 * i] >= n - 1 ? x[2 * i] : interpolate(n, p[i], k[2 * i], x[2 * i], x[2 * i + 1]);
        }
        return q;
    }

    /**
     * The values an ascending sort of {@code values} would put at the positions {@code k}, ordered as
     * {@link java.util.Arrays#sort(double[])} orders (-0.0 before 0.0), without sorting.
     *
     * <p>Up to {@value #BUCKETED_FROM} values, or when they are not all finite or all equal, Commons
     * Numbers' {@link Selection} puts them in place on a copy. Otherwise the values are first counted
     * into {@value #BUCKETS} buckets of equal width between the least and the greatest: a value's
     * bucket, floor((v - least) x scale), never decreases as v grows (each of those steps rounds
     * monotonically), so every value of a bucket is at most every value of a later one, and equal
     * values share one. The position k then lies in the bucket where the running count passes k, and
     * only the values of the buckets holding a wanted position are gathered and put in place by
     * {@link Selection}: three passes over the values and a selection among a few dozen, where a
     * selection among them all moves every value several times.
     *
     * @param values at least one value (not modified)
     * @param k positions in [0, n)
     * @return the value at each position, in the order of {@code k}
     */
    static double[] orderStatisticValues(double[] values, int[] k) {
        if (values.length >= BUCKETED_FROM) {
            double[] x = bucketed(values, k);
            if (x != null) {
                return x;
            }
        }
        double[] partial = values.clone();
        Selection.select(partial, k.clone()); // it may reorder the positions it is given
        double[] x = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            x[i] = partial[k[i]];
        }
        return x;
    }

    /** From this many values {@link #orderStatisticValues} counts them into buckets first. */
    static final int BUCKETED_FROM = 4096;

    /** Buckets of {@link #orderStatisticValues}: about 25 values each at 100,000 evenly spread values. */
    private static final int BUCKETS = 4096;

    /** {@link #orderStatisticValues} by buckets; null when the values are not all finite or all equal. */
    private static double[] bucketed(double[] values, int[] k) {
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v != v) {
                return null; // NaN
            }
            least = v < least ? v : least;
            greatest = v > greatest ? v : greatest;
        }
        double scale = BUCKETS / (greatest - least);
        if (!(least > Double.NEGATIVE_INFINITY && greatest < Double.POSITIVE_INFINITY
                && scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            return null; // an infinity, a range too wide for a double, or all values equal
        }
        // start[b] = how many values lie in the buckets before b; start[BUCKETS] = n
        int[] start = new int[BUCKETS + 1];
        for (double v : values) {
            start[bucket(v, least, scale) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            start[b + 1] += start[b];
        }
        // the bucket of each wanted position, and a slot for each bucket holding one
        int[] bucketOf = new int[k.length];
        int[] slotOf = new int[BUCKETS];
        java.util.Arrays.fill(slotOf, -1);
        int[] slotBucket = new int[k.length];
        int slots = 0;
        for (int i = 0; i < k.length; i++) {
            int b = java.util.Arrays.binarySearch(start, k[i] + 1); // the first b + 1 with start[b + 1] > k
            b = (b >= 0 ? firstOf(start, b) : -b - 1) - 1;
            bucketOf[i] = b;
            if (slotOf[b] < 0) {
                slotOf[b] = slots;
                slotBucket[slots++] = b;
            }
        }
        double[][] held = new double[slots][];
        for (int s = 0; s < slots; s++) {
            held[s] = new double[start[slotBucket[s] + 1] - start[slotBucket[s]]];
        }
        int[] filled = new int[slots];
        for (double v : values) {
            int s = slotOf[bucket(v, least, scale)];
            if (s >= 0) {
                held[s][filled[s]++] = v;
            }
        }
        double[] x = new double[k.length];
        for (int s = 0; s < slots; s++) {
            int b = slotBucket[s];
            int[] within = new int[k.length];
            int m = 0;
            for (int i = 0; i < k.length; i++) {
                if (bucketOf[i] == b) {
                    within[m++] = k[i] - start[b];
                }
            }
            Selection.select(held[s], java.util.Arrays.copyOf(within, m)); // a copy: it may reorder them
            for (int i = 0; i < k.length; i++) {
                if (bucketOf[i] == b) {
                    x[i] = held[s][k[i] - start[b]];
                }
            }
        }
        return x;
    }

    /** The bucket of a finite v in [least, least + BUCKETS / scale]. */
    private static int bucket(double v, double least, double scale) {
        return Math.min(BUCKETS - 1, (int) ((v - least) * scale));
    }

    /** The first index holding the same value as {@code sorted[i]} (binarySearch finds any of equal keys). */
    private static int firstOf(int[] sorted, int i) {
        int j = i;
        while (j > 0 && sorted[j - 1] == sorted[i]) {
            j--;
        }
        return j;
    }

    /**
     * The indices of the order statistics the type-7 quantiles at {@code p} read: x[floor h] and
     * x[min(floor h + 1, n - 1)] for each probability, in that order.
     *
     * @param n values, at least one
     * @param p probabilities in [0, 1]
     * @param spare more slots left at the end of the array, for the caller's own indices
     * @return 2 p.length + spare indices
     */
    static int[] orderStatistics(int n, double[] p, int spare) {
        int[] k = new int[2 * p.length + spare];
        for (int i = 0; i < p.length; i++) {
            int lo = lowIndex(n, p[i]); // at most n - 1, since p <= 1
            k[2 * i] = lo;
            k[2 * i + 1] = Math.min(lo + 1, n - 1);
        }
        return k;
    }

    /**
     * @param sorted ascending values, at least one
     * @param p probability in [0, 1]
     * @return the type-7 quantile
     */
    public static double type7(double[] sorted, double p) {
        return type7(sorted, 0, sorted.length, p);
    }

    /**
     * The type-7 quantile of the sorted slice {@code sorted[from, from + n)}.
     *
     * @param sorted array whose slice is ascending
     * @param from first index of the slice
     * @param n slice length, &gt;= 1
     * @param p probability in [0, 1]
     * @return the quantile
     */
    public static double type7(double[] sorted, int from, int n, double p) {
        int lo = lowIndex(n, p);
        if (lo >= n - 1) {
            return sorted[from + n - 1];
        }
        return interpolate(n, p, lo, sorted[from + lo], sorted[from + lo + 1]);
    }

    /** x[lo] + (h - lo)(x[lo + 1] - x[lo]) for h = (n - 1) p, given a = x[lo] and b = x[lo + 1]. */
    private static double interpolate(int n, double p, int lo, double a, double b) {
        double frac = (n - 1) * p - lo;
        return frac == 0 ? a : a + frac * (b - a);
    }

    /** floor((n - 1) p), the index of the lower order statistic a type-7 quantile reads; checks n and p. */
    private static int lowIndex(int n, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least one value, found " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p: expected a probability in [0, 1], found " + p);
        }
        return (int) Math.floor((n - 1) * p);
    }
}
