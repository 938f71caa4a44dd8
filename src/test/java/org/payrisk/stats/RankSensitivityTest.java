package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * {@link RankSensitivity} on plain columns against a naive recomputation: Spearman as the Pearson
 * correlation of average ranks over the trials that drew the input, and the rank R² by commons-math3's
 * OLS over the trials that drew every input. Both the case where every trial drew every input (the
 * ranks are then taken once and reused for the regression) and the case where an input is missing
 * from some trials (the regression then ranks over fewer trials) are checked. These are exact
 * computations compared to 1e-9, not statistical tests.
 */
class RankSensitivityTest {

    private static final int N = 3_000;

    @Test
    void everyInputDrawnOnEveryTrial() {
        check(columns(false));
    }

    @Test
    void anInputMissingFromSomeTrials() {
        check(columns(true));
    }

    /** Three inputs (one with ties) and two models' net incomes that depend on them, plus noise. */
    private static double[][] columns(boolean gaps) {
        SplittableRandom random = new SplittableRandom(42);
        double[][] c = new double[5][N];
        for (int t = 0; t < N; t++) {
            c[0][t] = random.nextDouble();
            c[1][t] = random.nextInt(5); // ties
            c[2][t] = gaps && t % 7 == 3 ? Double.NaN : random.nextGaussian();
            double third = Double.isNaN(c[2][t]) ? 0 : c[2][t];
            c[3][t] = 1000 * c[0][t] - 300 * c[1][t] + 50 * random.nextGaussian();
            c[4][t] = -200 * c[0][t] + 400 * third + 80 * random.nextGaussian();
        }
        return c;
    }

    private static void check(double[][] c) {
        double[][] inputs = {c[0], c[1], c[2]};
        double[][] net = {c[3], c[4]};
        Sensitivity s = RankSensitivity.of(List.of("a", "b"), net, List.of("x0", "x1", "x2"), inputs);
        double[] diff = new double[N];
        for (int t = 0; t < N; t++) {
            diff[t] = c[3][t] - c[4][t];
        }
        double[][] outputs = {c[3], c[4], diff};
        assertEquals(3, s.outputs().size());
        for (int o = 0; o < 3; o++) {
            Sensitivity.Output out = s.outputs().get(o);
            for (int k = 0; k < inputs.length; k++) {
                List<Integer> rows = finiteRows(inputs[k]);
                double expected = pearson(naiveRanks(pick(inputs[k], rows)), naiveRanks(pick(outputs[o], rows)));
                assertEquals(expected, out.effects().get(k).spearman(), 1e-9, "spearman of output " + o + ", input " + k);
            }
            List<Integer> rows = new ArrayList<>();
            for (int t = 0; t < N; t++) {
                if (!Double.isNaN(inputs[0][t]) && !Double.isNaN(inputs[1][t]) && !Double.isNaN(inputs[2][t])) {
                    rows.add(t);
                }
            }
            double[][] x = new double[rows.size()][inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                double[] r = naiveRanks(pick(inputs[k], rows));
                for (int i = 0; i < rows.size(); i++) {
                    x[i][k] = r[i];
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(naiveRanks(pick(outputs[o], rows)), x);
            assertEquals(ols.calculateRSquared(), out.rankRSquared(), 1e-9, "rank R² of output " + o);
        }
    }

    private static List<Integer> finiteRows(double[] x) {
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t])) {
                rows.add(t);
            }
        }
        return rows;
    }

    private static double[] pick(double[] x, List<Integer> rows) {
        return rows.stream().mapToDouble(t -> x[t]).toArray();
    }

    /** Average ranks, 1-based, ties sharing the mean of their ranks, by a plain sort of indices. */
    private static double[] naiveRanks(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
        double[] ranks = new double[x.length];
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            for (int p = i; p <= j; p++) {
                ranks[idx[p]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
