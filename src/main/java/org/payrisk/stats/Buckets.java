package org.payrisk.stats;

import java.util.Arrays;
import org.apache.commons.numbers.arrays.Selection;

/**
 * A slice of values counted into {@value #COUNT} buckets of equal width between its least and
 * greatest value, to find order statistics without sorting: the value at rank r of the ascending order
 * lies in the bucket where the running count passes r, so only the values of the few buckets that
 * hold a wanted rank need to be gathered and put in order.
 *
 * <p>Why that is exact: a value's bucket, min(COUNT - 1, (int) ((v - least) x scale)), never decreases
 * as v grows (the subtraction and the product each round monotonically, and the cast truncates an
 * operand that is never below 0, which is a floor), so every value of
 * a bucket is at most every value of a later bucket, and equal values (0.0 and -0.0 among them) share
 * one. The ascending order of the slice is therefore the buckets' values in bucket order, each bucket
 * in its own ascending order ({@link Arrays#sort(double[])}'s, -0.0 before 0.0).
 */
final class Buckets {

    /**
     * Below this many values callers select among them all: the buckets' fixed cost (clearing and
     * summing 4,096 counters) would be as large as the values themselves.
     */
    static final int FROM = 4096;

    /** About 25 values a bucket at 100,000 evenly spread values. */
    private static final int COUNT = 4096;

    /**
     * The moves a value {@link #orderedByInsertion} allows on average: about 25 values a bucket in random
     * order take some 6 a value (a quarter of a bucket's size).
     */
    static final int INSERTION_MOVES = 16;

    private final double[] values;
    private final int from;
    private final int to;
    private final double least;
    private final double scale;
    /** start[b]: how many values lie in the buckets before b; start[COUNT] = the slice's length. */
    private final int[] start = new int[COUNT + 1];

    private Buckets(double[] values, int from, int to, double least, double scale) {
        this.values = values;
        this.from = from;
        this.to = to;
        this.least = least;
        this.scale = scale;
        for (int i = from; i < to; i++) {
            start[bucket(values[i]) + 1]++;
        }
        for (int b = 0; b < COUNT; b++) {
            start[b + 1] += start[b];
        }
    }

    /**
     * @param values values (not modified, and not to be modified while the buckets are used)
     * @param from first index of the slice
     * @param n the slice's length
     * @return the slice counted into buckets; null when it has fewer than {@value #FROM} values, holds a
     *     NaN or an infinity, or its values are all equal or span a range too wide or too narrow for a
     *     finite, positive scale (callers then select among all the values)
     */
    static Buckets of(double[] values, int from, int n) {
        if (n < FROM) {
            return null;
        }
        double least = Double.POSITIVE_INFINITY;
        double greatest = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            double v = values[i];
            if (v != v) {
                return null; // NaN
            }
            least = v < least ? v : least;
            greatest = v > greatest ? v : greatest;
        }
        double scale = COUNT / (greatest - least);
        if (!(least > Double.NEGATIVE_INFINITY && greatest < Double.POSITIVE_INFINITY
                && scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            return null; // (an infinity also fails the scale test; it is named for the reader)
        }
        return new Buckets(values, from, from + n, least, scale);
    }

    private int bucket(double v) {
        return Math.min(COUNT - 1, (int) ((v - least) * scale));
    }

    /**
     * @param rank a rank of the ascending order, 0 to n - 1
     * @return the bucket that holds the value at that rank
     */
    int ofRank(int rank) {
        int b = 0;
        int hi = COUNT; // the first b with start[b + 1] > rank lies in [b, hi)
        while (b < hi) {
            int mid = (b + hi) >>> 1;
            if (start[mid + 1] > rank) {
                hi = mid;
            } else {
                b = mid + 1;
            }
        }
        return b;
    }

    /**
     * @param bucket a bucket
     * @return how many values lie in the buckets before it: the rank of its least value
     */
    int start(int bucket) {
        return start[bucket];
    }

    /**
     * Gathers, in one pass over the slice, the values of every bucket b with {@code slotOf[b] >= 0}
     * into the array of that slot (several buckets may share a slot), in slice order.
     *
     * @param slotOf per bucket, its slot or -1
     * @param slots the number of slots
     * @return per slot, its buckets' values
     */
    private double[][] gather(int[] slotOf, int slots) {
        int[] size = new int[slots];
        for (int b = 0; b < COUNT; b++) {
            if (slotOf[b] >= 0) {
                size[slotOf[b]] += start[b + 1] - start[b];
            }
        }
        double[][] held = new double[slots][];
        for (int s = 0; s < slots; s++) {
            held[s] = new double[size[s]];
        }
        int[] filled = new int[slots];
        for (int i = from; i < to; i++) {
            double v = values[i];
            int s = slotOf[bucket(v)];
            if (s >= 0) {
                held[s][filled[s]++] = v;
            }
        }
        return held;
    }

    /**
     * The values of buckets 0 to {@code last}, in the ascending order {@link Arrays#sort(double[])} gives
     * them (-0.0 before 0.0): scattered into bucket order in one pass over the slice, then put in order
     * by {@link #orderedByInsertion}, which moves a value only among its own bucket's values, since every
     * earlier bucket's are smaller; where that declines (values far out of order within their buckets),
     * {@link Arrays#sort(double[])} finishes (the same order).
     *
     * @param last the last bucket wanted, 0 to 4,095 (as {@link #ofRank} gives)
     * @return its values and those of every earlier bucket, ascending
     */
    double[] sortedUpTo(int last) {
        int[] next = Arrays.copyOf(start, last + 1);
        double[] out = new double[start[last + 1]];
        for (int i = from; i < to; i++) {
            double v = values[i];
            int b = bucket(v);
            if (b <= last) {
                out[next[b]++] = v;
            }
        }
        if (!orderedByInsertion(out)) {
            Arrays.sort(out);
        }
        return out;
    }

    /**
     * Insertion sort in Java's order of doubles ({@link Double#compare}: -0.0 before 0.0), stable; it
     * stops, returning false, once it has moved values more than {@value #INSERTION_MOVES} times their
     * count in all, leaving {@code a} a permutation of what it was, partly ordered.
     *
     * @param a values, not NaN
     * @return whether {@code a} is now in order
     */
    static boolean orderedByInsertion(double[] a) {
        long movesLeft = (long) INSERTION_MOVES * a.length;
        for (int i = 1; i < a.length; i++) {
            double v = a[i];
            int j = i;
            while (j > 0 && Double.compare(a[j - 1], v) > 0) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
            movesLeft -= i - j;
            if (movesLeft < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values at the given ranks of the ascending order: the buckets holding them are gathered and
     * each is put in place by Commons Numbers' {@link Selection} at the ranks read in it.
     *
     * @param k ranks, 0 to n - 1, in any order (not modified)
     * @return the value at each rank, in the order of {@code k}
     */
    double[] valuesAt(int[] k) {
        int[] bucketOf = new int[k.length];
        int[] slotOf = noSlots();
        int slots = 0;
        for (int i = 0; i < k.length; i++) {
            bucketOf[i] = ofRank(k[i]);
            if (slotOf[bucketOf[i]] < 0) {
                slotOf[bucketOf[i]] = slots++;
            }
        }
        double[][] held = gather(slotOf, slots);
        int[] within = new int[k.length];
        for (int s = 0; s < slots; s++) {
            int m = 0;
            for (int i = 0; i < k.length; i++) {
                if (slotOf[bucketOf[i]] == s) {
                    within[m++] = k[i] - start[bucketOf[i]];
                }
            }
            Selection.select(held[s], Arrays.copyOf(within, m)); // a copy: selection may reorder what it is given
        }
        double[] x = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            x[i] = held[slotOf[bucketOf[i]]][k[i] - start[bucketOf[i]]];
        }
        return x;
    }

    /** @return a slot array with every bucket in no slot, for {@link #gather} */
    private static int[] noSlots() {
        int[] slotOf = new int[COUNT];
        Arrays.fill(slotOf, -1);
        return slotOf;
    }
}
