package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Buckets#sortedUpTo} against a full {@link Arrays#sort(double[])}, bit for bit (so -0.0 before
 * 0.0), for about 40 last buckets up to the median's and for the median's itself: values spread evenly
 * (insertion within small buckets), many ties with signed zeros, and a cluster of distinct values in
 * random order inside one bucket (far more moves than insertion is allowed, so Arrays.sort finishes
 * the job); and {@link Buckets#orderedByInsertion} declining where it would move values too often.
 * Deterministic.
 */
class BucketsTest {

    @Test
    void theLowestBucketsComeOutInTheFullSortsOrder() {
        SplittableRandom r = new SplittableRandom(5);
        double[] spread = new double[10_003];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = r.nextGaussian() * 1e4;
        }
        check(spread);

        double[] ties = new double[Buckets.FROM + 50];
        double[] pool = {-0.0, 0.0, -1, 1, 2.5, 3};
        for (int i = 0; i < ties.length; i++) {
            ties[i] = pool[r.nextInt(pool.length)];
        }
        check(ties);

        double[] cluster = new double[Buckets.FROM + 20_000];
        for (int i = 0; i < cluster.length; i++) {
            // a few values span [0, 1]; most lie within 1e-9 of 0.25, in random order, in one bucket:
            // the median's
            cluster[i] = i < Buckets.FROM ? r.nextDouble() : 0.25 + r.nextDouble() * 1e-9;
        }
        check(cluster);
    }

    @Test
    void insertionDeclinesPastItsMovesAndLeavesTheValuesToSort() {
        double[] reversed = new double[200]; // 199 + 198 + ... moves: about 100 a value
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - i;
        }
        double[] partly = reversed.clone();
        assertFalse(Buckets.orderedByInsertion(partly));
        double[] sorted = reversed.clone();
        Arrays.sort(sorted);
        Arrays.sort(partly);
        assertArrayEquals(sorted, partly, "no value lost or duplicated on the way");

        double[] nearly = new double[200]; // each pair swapped: one move a value in two
        for (int i = 0; i < nearly.length; i++) {
            nearly[i] = i ^ 1;
        }
        assertTrue(Buckets.orderedByInsertion(nearly));
        double[] expected = nearly.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, nearly);
    }

    /** About 40 last buckets up to the median's, and the median's, over a slice that leaves values out at both ends. */
    private static void check(double[] x) {
        int from = 2;
        int n = x.length - 5;
        double[] before = x.clone();
        double[] sorted = Arrays.copyOfRange(x, from, from + n);
        Arrays.sort(sorted);
        Buckets b = Buckets.of(x, from, n);
        assertNotNull(b);
        int median = b.ofRank(n / 2);
        int step = Math.max(1, median / 40);
        for (int last = 0; ; last = Math.min(median, last + step)) {
            double[] got = b.sortedUpTo(last);
            assertEquals(b.start(last + 1), got.length, "last bucket " + last);
            for (int i = 0; i < got.length; i++) {
                assertEquals(Double.doubleToRawLongBits(sorted[i]), Double.doubleToRawLongBits(got[i]),
                        "last bucket " + last + ", position " + i + ": " + sorted[i] + " against " + got[i]);
            }
            if (last == median) {
                break;
            }
        }
        assertArrayEquals(before, x, "the values are not modified");
    }
}
