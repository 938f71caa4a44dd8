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
     * {@link java.util.Arrays#sort(double[])} orders (-0.0 before 0.0), without sorting: from
     * {@value Buckets#FROM} finite values, not all equal, by {@link Buckets} (the values counted into
     * buckets, then a selection among those of the few buckets that hold a wanted position: three
     * passes over the values, where a selection among them all moves every value several times);
     * otherwise by Commons Numbers' {@link Selection} on a copy.
     *
     * @param values at least one value (not modified)
     * @param k positions in [0, n), in any order (not modified)
     * @return the value at each position, in the order of {@code k}
     */
    static double[] orderStatisticValues(double[] values, int[] k) {
        Buckets buckets = Buckets.of(values, 0, values.length);
        if (buckets != null) {
            return buckets.valuesAt(k);
        }
        double[] partial = values.clone();
        Selection.select(partial, k.clone()); // a copy: selection may reorder what it is given
        double[] x = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            x[i] = partial[k[i]];
        }
        return x;
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
