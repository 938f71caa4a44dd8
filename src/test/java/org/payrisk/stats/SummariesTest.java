package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Deterministic tier: quantiles, tail metrics and paired comparisons on small hand-checkable data. */
class SummariesTest {

    @Test
    void type7QuantilesMatchNumpy() {
        // numpy 2.4.6: np.quantile([3, -1.5, 7.25, 0, 2, 10, -4], p) (method="linear", the default)
        double[] x = {3.0, -1.5, 7.25, 0.0, 2.0, 10.0, -4.0};
        Arrays.sort(x);
        double[][] expected = {{0, -4.0}, {0.01, -3.85}, {0.05, -3.25}, {0.25, -0.75}, {0.5, 2.0},
            {0.9, 8.350000000000001}, {0.99, 9.834999999999999}, {1, 10.0}};
        for (double[] e : expected) {
            assertEquals(e[1], Quantiles.type7(x, e[0]), 1e-12, "p = " + e[0]);
        }
    }

    @Test
    void quantilesBySelectionAreThoseOfTheSortedValuesBitForBit() {
        // Selection puts only the order statistics a quantile reads in place; every result must be
        // exactly the full sort's, with ties, signed zeros, NaN (sorted last), at sizes 1 to 300 and at
        // the sizes of real runs (Commons Numbers selects differently above 1,200 values).
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] p = {0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1};
        double[] pool = {-0.0, 0.0, 1.5, -2.25, Double.NaN, 1e300, -1e-300};
        int[] sizes = new int[305];
        for (int i = 0; i < 300; i++) {
            sizes[i] = i + 1;
        }
        System.arraycopy(new int[] {1_201, 4_096, 10_000, 65_537, 100_000}, 0, sizes, 300, 5);
        for (int n : sizes) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(4);
                x[i] = kind == 0 ? pool[r.nextInt(pool.length)] : kind == 1 ? r.nextInt(5) : r.nextGaussian() * 1e4;
            }
            double[] before = x.clone();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double[] q = Quantiles.type7OfUnsorted(x, p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(Double.doubleToRawLongBits(Quantiles.type7(sorted, p[i])), Double.doubleToRawLongBits(q[i]),
                        "n = " + n + ", p = " + p[i] + ": " + Quantiles.type7(sorted, p[i]) + " against " + q[i]);
            }
            assertArrayEquals(before, x, "the values are not modified");
        }
    }

    @Test
    void aRunsSummaryLeavesItsOutcomesAsTheyWere() {
        // the summaries read the outcome store's own columns, not copies (TrialOutcomes' views): a summary
        // that put one in order in place would change the store and every figure read after it
        int n = 5_000; // enough for the buckets (Buckets.FROM) and the batch means
        java.util.List<String> models = java.util.List.of("a", "b");
        TrialOutcomes out = new TrialOutcomes(models, java.util.List.of("demand.x", "practice.y"), 0, n, 3);
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int t = 0; t < n; t++) {
            out.setCosts(t, 1000 + r.nextGaussian() * 100);
            out.setInput(0, t, r.nextGaussian());
            out.setInput(1, t, r.nextInt(4) == 0 ? Double.NaN : r.nextDouble());
            for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
                out.setActivity(k, t, r.nextInt(100));
            }
            for (int m = 0; m < models.size(); m++) {
                out.setRevenue(m, t, 1200 + r.nextGaussian() * 300);
                for (int month = 0; month <= 3; month++) {
                    out.setCashBalance(m, month, t, r.nextGaussian() * 500);
                    if (month > 0) {
                        out.setMonthlyNet(m, month, t, r.nextGaussian() * 50);
                    }
                }
            }
        }
        java.util.List<double[]> before = columns(out);
        Summaries.run(out);
        java.util.List<double[]> after = columns(out);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "column " + i);
        }
    }

    /** Copies of every column a summary reads. */
    private static java.util.List<double[]> columns(TrialOutcomes out) {
        java.util.List<double[]> c = new java.util.ArrayList<>();
        c.add(out.costsColumn());
        for (int k = 0; k < out.inputs().size(); k++) {
            c.add(out.inputColumn(k));
        }
        for (int m = 0; m < out.models().size(); m++) {
            c.add(out.revenueColumn(m));
            c.add(out.costsColumn(m));
            for (int month = 0; month <= out.months(); month++) {
                c.add(out.cashBalanceColumn(m, month));
                if (month > 0) {
                    c.add(out.monthlyNetColumn(m, month));
                }
            }
        }
        return c;
    }

    @Test
    void metricsReadFromPartlyOrderedValuesWhatTheFullSortHolds() {
        // orderedForMetric sorts only the lowest 5%: every position a metric reads (the extremes, each
        // percentile's two order statistics, the lowest 5% in order for worst5Mean) must hold the full
        // sort's value bit for bit, with ties and signed zeros, at small sizes and those of real runs and
        // batches; and the whole metric must equal one computed from the sorted copy. From 4,096 values
        // the positions are found by buckets (Buckets), unless an outlier (1e300) piles almost every value
        // into the lowest bucket: both pools are checked, so both ways are.
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        metricsMatchTheFullSort(r, new double[] {-0.0, 0.0, 1.5, -2.25, 1e300, -1e-300});
        metricsMatchTheFullSort(r, new double[] {-0.0, 0.0, 1.5, -2.25});
    }

    /** The check above on values drawn from {@code pool}, small whole numbers and spread-out ones. */
    private static void metricsMatchTheFullSort(java.util.SplittableRandom r, double[] pool) {
        int[] sizes = new int[206];
        for (int i = 0; i < 200; i++) {
            sizes[i] = i + 1;
        }
        System.arraycopy(new int[] {1_201, Buckets.FROM, 4_999, 5_000, 65_537, 100_000}, 0, sizes, 200, 6);
        for (int n : sizes) {
            double[] x = new double[n + 7];
            for (int i = 0; i < x.length; i++) {
                int kind = r.nextInt(4);
                x[i] = kind == 0 ? pool[r.nextInt(pool.length)] : kind == 1 ? r.nextInt(5) : r.nextGaussian() * 1e4;
            }
            double[] before = x.clone();
            int from = 3;
            double[] sorted = Arrays.copyOfRange(x, from, from + n);
            Arrays.sort(sorted);
            double[] partly = Summaries.orderedForMetric(x, from, n);
            assertArrayEquals(before, x, "the values are not modified");
            java.util.List<Integer> read = new java.util.ArrayList<>(java.util.List.of(0, n - 1));
            for (int percent : Summaries.PERCENTILES) {
                int lo = (int) Math.floor((n - 1) * (percent / 100.0));
                read.add(lo);
                read.add(Math.min(lo + 1, n - 1));
            }
            for (int i = 0; i < Math.ceil(0.05 * n); i++) {
                read.add(i);
            }
            for (int i : read) {
                assertEquals(Double.doubleToRawLongBits(sorted[i]), Double.doubleToRawLongBits(partly[i]),
                        "n = " + n + ", position " + i + ": " + sorted[i] + " against " + partly[i]);
            }
            double[] slice = Arrays.copyOfRange(x, from, from + n);
            MetricSummary m = Summaries.metric(slice);
            assertEquals(Double.doubleToRawLongBits(Summaries.worst5Mean(sorted, 0, n)), Double.doubleToRawLongBits(m.worst5Mean()), "n = " + n);
            assertEquals(Double.doubleToRawLongBits(sorted[0]), Double.doubleToRawLongBits(m.min()), "n = " + n);
            assertEquals(Double.doubleToRawLongBits(sorted[n - 1]), Double.doubleToRawLongBits(m.max()), "n = " + n);
            for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
                double expected = Quantiles.type7(sorted, Summaries.PERCENTILES[i] / 100.0);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(m.quantiles()[i]),
                        "n = " + n + ", p" + Summaries.PERCENTILES[i]);
            }
            if (n >= Summaries.MIN_TRIALS_FOR_MCSE) {
                double[] expected = batchMeansBySorting(slice);
                double[] got = new double[expected.length];
                System.arraycopy(m.mcse().quantiles(), 0, got, 0, Summaries.PERCENTILES.length);
                got[Summaries.PERCENTILES.length] = m.mcse().worst5Mean();
                got[Summaries.PERCENTILES.length + 1] = m.mcse().probLoss();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]),
                            "n = " + n + ", batch-means error " + i);
                }
            } else {
                assertNull(m.mcse(), "n = " + n);
            }
        }
    }

    /**
     * Batch-means errors as computed before selection: each batch copied and fully sorted. Returns the
     * errors of the percentiles, then of worst5Mean, then of P(loss).
     */
    private static double[] batchMeansBySorting(double[] values) {
        int size = values.length / Summaries.BATCHES;
        int stats = Summaries.PERCENTILES.length + 2;
        double[][] perBatch = new double[stats][Summaries.BATCHES];
        for (int b = 0; b < Summaries.BATCHES; b++) {
            double[] batch = Arrays.copyOfRange(values, b * size, (b + 1) * size);
            perBatch[stats - 1][b] = Summaries.probBelowZero(batch, 0, size);
            Arrays.sort(batch);
            for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
                perBatch[i][b] = Quantiles.type7(batch, Summaries.PERCENTILES[i] / 100.0);
            }
            perBatch[stats - 2][b] = Summaries.worst5Mean(batch, 0, size);
        }
        double[] se = new double[stats];
        for (int i = 0; i < stats; i++) {
            double mean = Summaries.mean(perBatch[i], 0, Summaries.BATCHES);
            se[i] = Summaries.sd(perBatch[i], 0, Summaries.BATCHES, mean) / Math.sqrt(Summaries.BATCHES);
        }
        return se;
    }

    @Test
    void metricHasExactMomentsTailsAndLossProbability() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i - 9; // -9 .. 90
        }
        MetricSummary m = Summaries.metric(v);
        assertEquals(40.5, m.mean(), 1e-12);
        assertEquals(Math.sqrt(100 * 101 / 12.0), m.sd(), 1e-9); // var of n consecutive integers, n - 1 denominator
        assertEquals(m.sd() / 10, m.meanStdError(), 1e-12);
        assertEquals(-9, m.min());
        assertEquals(90, m.max());
        assertEquals(-9 + 0.05 * 99, m.percentile(5), 1e-12);
        assertEquals(40.5, m.percentile(50), 1e-12);
        assertEquals(-7, m.worst5Mean(), 1e-12); // mean of -9..-5
        assertEquals(0.09, m.probLoss(), 1e-12);
        assertNull(m.mcse(), "fewer than 200 trials: no batch-means error");
    }

    @Test
    void batchMeansErrorOfTheLossProbabilityIsTheSdOverBatches() {
        // 20 batches of 10: batch b has b losses out of 10 for b < 10, none after
        double[] v = new double[200];
        for (int b = 0; b < 20; b++) {
            for (int i = 0; i < 10; i++) {
                v[b * 10 + i] = b < 10 && i < b ? -1 : 1;
            }
        }
        MetricSummary m = Summaries.metric(v);
        assertNotNull(m.mcse());
        double[] share = new double[20];
        for (int b = 0; b < 10; b++) {
            share[b] = b / 10.0;
        }
        double mean = Arrays.stream(share).average().orElseThrow();
        double ss = Arrays.stream(share).map(s -> (s - mean) * (s - mean)).sum();
        assertEquals(Math.sqrt(ss / 19) / Math.sqrt(20), m.mcse().probLoss(), 1e-12);
    }

    @Test
    void pairedComparisonCountsStrictWinsOfTheSameTrials() {
        double[] a = {5, 1, 3, 3};
        double[] b = {4, 2, 3, 0};
        PairedComparison c = Summaries.paired("A", a, "B", b);
        assertEquals(0.75, c.meanDifference(), 1e-12); // (1 - 1 + 0 + 3) / 4
        assertEquals(0.5, c.probAGreater(), 1e-12); // trials 0 and 3
        assertEquals(Math.sqrt(0.25 / 4), c.probAGreaterStdError(), 1e-12);
        assertEquals(4, Arrays.stream(c.histogram().counts()).sum());
    }

    @Test
    void roundingNoiseIsATieNotAWin() {
        double x = 97_994.80299999984;
        double[] a = {x + 1e-10, x + 0.01, x};
        double[] b = {x, x, x + 1e-10};
        PairedComparison c = Summaries.paired("A", a, "B", b);
        assertEquals(1.0 / 3, c.probAGreater(), 1e-12, "only the cent counts as a win");
    }

    @Test
    void sharedHistogramCountsEveryValueOnOneGrid() {
        Histogram[] h = Histogram.shared(4, new double[] {0, 1, 2, 3, 4}, new double[] {4, 4});
        assertArrayEquals(h[0].binEdges(), h[1].binEdges());
        assertArrayEquals(new long[] {1, 1, 1, 2}, h[0].counts());
        assertArrayEquals(new long[] {0, 0, 0, 2}, h[1].counts());
    }

}
