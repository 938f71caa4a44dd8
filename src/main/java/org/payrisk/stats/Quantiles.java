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
     * The type-7 quantiles of values in any order, without sorting them all: the order statistics
     * each quantile reads (x[floor h] and x[floor h + 1]) are put in place by selection (Commons
     * Numbers {@link Selection}, which orders as {@link java.util.Arrays#sort(double[])} does), so each
     * result is exactly {@link #type7(double[], double)} of the sorted values, in O(n) instead of
     * O(n log n).
     *
     * @param values at least one value (not modified)
     * @param p probabilities in [0, 1]
     * @return the type-7 quantile at each probability, in order
     */
    public static double[] type7OfUnsorted(double[] values, double... p) {
        double[] partial = values.clone();
        Selection.select(partial, orderStatistics(values.length, p, 0));
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = type7(partial, p[i]);
        }
        return q;
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
        double frac = (n - 1) * p - lo;
        double a = sorted[from + lo];
        double b = sorted[from + lo + 1];
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
