package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Deterministic tier: the order the sensitivities read their deciles from is (value, trial index),
 * ties kept in trial order, with 0.0 and -0.0 equal and NaN left out, checked against Java's stable
 * list sort on data with many ties, signed zeros, infinities, NaN and extreme magnitudes.
 */
class RankSensitivitySortTest {

    @Test
    void equalValuesKeepTrialOrder() {
        // every key the same (every radix pass skipped) and one pass only: the order comes back in place
        assertArrayEquals(new int[] {0, 1, 2}, RankSensitivity.sortedFinite(new double[] {0.0, -0.0, 0.0}));
        assertArrayEquals(new int[] {1, 2, 0, 3}, RankSensitivity.sortedFinite(new double[] {3.0, 2.0, 2.0, 3.0}));
        assertArrayEquals(new int[] {1, 0, 2}, RankSensitivity.sortedFinite(new double[] {5.0, 4.0, 5.0}));
    }

    @Test
    void sortedFiniteIsTheStableOrderByValueThenTrial() {
        SplittableRandom r = new SplittableRandom(11);
        double[] pool = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
        for (int n : new int[] {0, 1, 2, 3, 17, 256, 1000, 5000}) {
            for (int rep = 0; rep < 5; rep++) {
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    int kind = r.nextInt(3);
                    x[t] = kind == 0 ? pool[r.nextInt(pool.length)] : kind == 1 ? r.nextInt(7) - 3 : r.nextGaussian() * 1e6;
                }
                List<Integer> expected = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    if (!Double.isNaN(x[t])) {
                        expected.add(t);
                    }
                }
                expected.sort((a, b) -> Double.compare(x[a] + 0.0, x[b] + 0.0)); // stable: ties keep trial order
                int[] want = expected.stream().mapToInt(Integer::intValue).toArray();
                assertArrayEquals(want, RankSensitivity.sortedFinite(x), "n = " + n + ", rep " + rep);
            }
        }
    }
}
