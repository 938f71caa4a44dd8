package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Quantiles#orderStatisticValues} against a full {@link Arrays#sort(double[])}, bit for bit, at
 * sizes on both sides of {@link Buckets#FROM}: evenly spread values, heavy tails, few
 * distinct values, signed zeros, a range of one ulp, and the inputs it hands to selection (NaN,
 * infinities, all equal, a range too wide or too narrow for a double). Exact comparisons, no tolerance.
 */
class QuantilesTest {

    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void everyPositionIsThatOfTheFullSort() {
        DoubleSupplier[] kinds = {
            () -> random.nextGaussian() * 1e4,
            () -> Math.exp(random.nextGaussian() * 8) * (random.nextBoolean() ? 1 : -1), // tails over 1e-30..1e30
            () -> random.nextInt(5),
            () -> new double[] {-0.0, 0.0, -1, 2.5}[random.nextInt(4)],
            () -> random.nextInt(1000) == 0 ? 1e12 : random.nextDouble(), // one far outlier in a thousand
            () -> random.nextBoolean() ? 1.0 : Math.nextUp(1.0),
            () -> random.nextInt(100) == 0 ? Double.NaN : random.nextDouble(),
            () -> random.nextInt(100) == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble(),
            () -> 3.0,
            () -> random.nextBoolean() ? -Double.MAX_VALUE : Double.MAX_VALUE,
            () -> random.nextBoolean() ? 0.0 : Double.MIN_VALUE,
        };
        for (int n : new int[] {1, 2, 100, Buckets.FROM - 1, Buckets.FROM, 5_000, 100_000}) {
            for (int kind = 0; kind < kinds.length; kind++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = kinds[kind].getAsDouble();
                }
                double[] before = x.clone();
                double[] sorted = x.clone();
                Arrays.sort(sorted);
                // every position of the smaller arrays, and 20 positions with both ends of the larger ones,
                // in no order and some twice (as a quantile's two order statistics often are)
                int[] k = n <= 5_000 ? random.ints(n + n / 2, 0, n).toArray() : random.ints(20, 0, n).toArray();
                if (n <= 5_000) {
                    for (int i = 0; i < n; i++) {
                        k[i] = n - 1 - i;
                    }
                } else {
                    k[0] = n - 1;
                    k[1] = 0;
                }
                int[] asked = k.clone();
                double[] got = Quantiles.orderStatisticValues(x, k);
                assertArrayEquals(asked, k, "the positions are not modified");
                for (int i = 0; i < k.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(sorted[k[i]]), Double.doubleToRawLongBits(got[i]),
                            "kind " + kind + ", n = " + n + ", position " + k[i] + ": " + sorted[k[i]] + " against " + got[i]);
                }
                assertArrayEquals(before, x, "the values are not modified");
            }
        }
    }

    @Test
    void type7OfUnsortedIsType7OfTheSortedValues() {
        double[] p = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};
        for (int n : new int[] {Buckets.FROM, 10_000, 100_001}) {
            double[] x = random.doubles(n).map(u -> u < 0.3 ? Math.floor(u * 20) : -Math.log(u) * 1e5).toArray();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double[] q = Quantiles.type7OfUnsorted(x, p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(Double.doubleToRawLongBits(Quantiles.type7(sorted, p[i])), Double.doubleToRawLongBits(q[i]),
                        "n = " + n + ", p = " + p[i]);
            }
        }
    }
}
