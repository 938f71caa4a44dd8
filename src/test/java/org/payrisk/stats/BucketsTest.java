package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Buckets#sortedUpTo} against a full {@link Arrays#sort(double[])}, bit for bit (so -0.0 before
 * 0.0), for every last bucket a caller might ask for: values spread evenly (insertion within small
 * buckets), many ties with signed zeros, and a cluster of distinct values in random order inside one
 * bucket, far more moves than insertion is allowed (so Arrays.sort finishes the job). Deterministic.
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
            // a few values span [0, 1]; most lie within 1e-9 of 0.25, in one bucket, in random order
            cluster[i] = i < Buckets.FROM ? r.nextDouble() : 0.25 + r.nextDouble() * 1e-9;
        }
        check(cluster);
    }

    /** Every last bucket up to the median's, over a slice that leaves values out at both ends. */
    private static void check(double[] x) {
        int from = 2;
        int n = x.length - 5;
        double[] before = x.clone();
        double[] sorted = Arrays.copyOfRange(x, from, from + n);
        Arrays.sort(sorted);
        Buckets b = Buckets.of(x, from, n);
        assertNotNull(b);
        int median = b.ofRank(n / 2);
        for (int last = 0; last <= median; last += Math.max(1, median / 40)) {
            double[] got = b.sortedUpTo(last);
            assertEquals(b.start(last + 1), got.length, "last bucket " + last);
            for (int i = 0; i < got.length; i++) {
                assertEquals(Double.doubleToRawLongBits(sorted[i]), Double.doubleToRawLongBits(got[i]),
                        "last bucket " + last + ", position " + i + ": " + sorted[i] + " against " + got[i]);
            }
        }
        assertArrayEquals(before, x, "the values are not modified");
    }
}
