package org.payrisk.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link Sensitivity} from per-trial arrays: which recorded inputs drive each model's net
 * income and each paired difference. Everything is a pure function of the trial-ordered arrays
 * (sorts are stable, ties broken by trial index, sums run in trial order), so the result is
 * bit-identical whichever thread or machine ran which trial.
 *
 * <p>It lives in {@code stats}, not {@code analysis}, because it is statistics on arrays only (ranks,
 * correlations, a QR least-squares fit) and needs no scenario or engine; being here lets
 * {@link Summaries#run} put it into the one {@link RunSummary} that summary.json writes.
 *
 * <p>Cost: one O(n log n) sort per input and per output, O(n) per (input, output) pair, and one
 * O(inputs² n) QR factorisation of the input ranks shared by every output. Memory: a few arrays of n
 * per input. Thread safe (stateless).
 */
public final class RankSensitivity {

    /** What the figures are, in words (summary.json {@code sensitivity.method}). */
    public static final String METHOD = "spearman: Pearson correlation of average ranks (ties share their mean rank);"
            + " contributionToVariance: spearman^2 / sum of spearman^2 over the output's inputs, signed like spearman"
            + " (Crystal Ball); meanLowDecile / meanHighDecile: output mean over the first / last ceil(n/10) trials"
            + " ordered by (input value, trial index); deciles: output mean over positions floor(k n/10) .."
            + " floor((k+1) n/10) - 1 of that order; rankRSquared: R^2 of the least-squares fit, with intercept, of"
            + " the output's ranks on the inputs' ranks; trials that did not draw an input (NaN) are left out";

    /** How the standard error of spearman is estimated (summary.json {@code sensitivity.stdErrorMethod}). */
    public static final String STD_ERROR_METHOD = "Bonett-Wright (2000): Fisher z = atanh(spearman) has variance"
            + " (1 + spearman^2 / 2) / (n - 3); by the delta method, standard error = (1 - spearman^2)"
            + " sqrt((1 + spearman^2 / 2) / (n - 3)); null below 4 trials";

    /**
     * A column is dropped from the rank regression when orthogonalising it against the earlier kept
     * columns leaves less than this share of its squared norm: it is then (numerically) a linear
     * combination of them, and keeping it would divide by round-off.
     */
    static final double COLLINEAR = 1e-10;

    private RankSensitivity() {
    }

    /**
     * Sensitivities of a run's merged outcomes.
     *
     * @param outcomes the merged outcomes of the whole run, in trial order
     * @param net per model, its net income column ({@link TrialOutcomes#netIncomeColumn}, which the
     *     caller has already computed for its own figures; not modified)
     * @return the sensitivities, for every model and every pair (i, j), i &lt; j
     */
    static Sensitivity of(TrialOutcomes outcomes, double[][] net) {
        double[][] inputs = new double[outcomes.inputs().size()][];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = outcomes.inputView(k);
        }
        return of(outcomes.models(), net, outcomes.inputs(), inputs);
    }

    /**
     * Sensitivities from plain arrays: the outputs are each model's net income, then for every pair
     * (i, j) with i &lt; j (the order of {@link RunSummary#comparisons()}) the difference net[i] - net[j].
     *
     * @param models model names
     * @param netIncome per model, net income per trial, in trial order (not modified)
     * @param inputPaths the inputs' paths
     * @param inputs per input, its value per trial, NaN where a trial did not draw it (not modified)
     * @return the sensitivities
     */
    public static Sensitivity of(List<String> models, double[][] netIncome, List<String> inputPaths, double[][] inputs) {
        if (models.size() != netIncome.length || inputPaths.size() != inputs.length) {
            throw new IllegalArgumentException("expected one column per model and per input");
        }
        int n = netIncome.length == 0 ? 0 : netIncome[0].length;
        List<String[]> names = new ArrayList<>();
        List<double[]> outputs = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            names.add(new String[] {models.get(m), null, null});
            outputs.add(netIncome[m]);
        }
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                double[] d = new double[n];
                for (int t = 0; t < n; t++) {
                    d[t] = netIncome[i][t] - netIncome[j][t];
                }
                names.add(new String[] {null, models.get(i), models.get(j)});
                outputs.add(d);
            }
        }

        // Per input: the trials that drew it, in (value, trial) order, and their average ranks.
        int k = inputs.length;
        int[][] order = new int[k][];
        double[][] inputRanks = new double[k][];
        boolean[] complete = new boolean[k];
        for (int c = 0; c < k; c++) {
            order[c] = sortedFinite(inputs[c]);
            complete[c] = order[c].length == n;
            inputRanks[c] = ranksInTrialOrder(inputs[c], order[c], n);
        }
        // The rank regression uses the trials that drew every input, with ranks over those trials. When
        // that is every trial (as when no input is drawn only on some), those are the ranks just taken.
        boolean[] all = rowsWithAll(inputs, n);
        int rows = count(all);
        double[][] regressionRanks = new double[k][];
        for (int c = 0; c < k; c++) {
            regressionRanks[c] = rows == n ? inputRanks[c] : ranksOverRows(inputs[c], all);
        }
        double[][] q = orthonormalRanks(regressionRanks, all, rows);

        List<Sensitivity.Output> out = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            double[] y = outputs.get(o);
            double[] yRanks = ranks(y);
            double[] r = new double[k];
            double[] se = new double[k];
            int[] used = new int[k];
            for (int c = 0; c < k; c++) {
                double[] yr = complete[c] ? yRanks : ranksOver(y, inputs[c]);
                r[c] = pearsonOverFinite(inputRanks[c], yr, inputs[c]);
                used[c] = order[c].length;
                se[c] = stdError(r[c], used[c]);
            }
            double sumSq = 0;
            for (double v : r) {
                if (!Double.isNaN(v)) {
                    sumSq += v * v;
                }
            }
            List<Sensitivity.Effect> effects = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                double contribution = Double.isNaN(r[c]) || sumSq == 0 ? Double.NaN : Math.signum(r[c]) * r[c] * r[c] / sumSq;
                int m = order[c].length;
                int tenth = (int) Math.ceil(m / 10.0);
                double[] deciles = new double[Sensitivity.DECILES];
                for (int g = 0; g < deciles.length; g++) {
                    int from = (int) ((long) g * m / Sensitivity.DECILES);
                    int to = (int) ((long) (g + 1) * m / Sensitivity.DECILES);
                    deciles[g] = meanAt(y, order[c], from, to);
                }
                effects.add(new Sensitivity.Effect(inputPaths.get(c), m, r[c], se[c], contribution,
                        meanAt(y, order[c], 0, tenth), meanAt(y, order[c], m - tenth, m), deciles));
            }
            String[] nm = names.get(o);
            double[] regressionY = rows == n ? yRanks : ranksOverRows(y, all);
            out.add(new Sensitivity.Output(nm[0], nm[1], nm[2], mean(y), rSquared(q, regressionY, all, rows), effects));
        }
        return new Sensitivity(METHOD, STD_ERROR_METHOD, inputPaths, out);
    }

    /** Bonett-Wright standard error of a rank correlation r from n pairs; NaN when r is or n &lt; 4. */
    static double stdError(double r, int n) {
        if (Double.isNaN(r) || n < 4) {
            return Double.NaN;
        }
        return (1 - r * r) * Math.sqrt((1 + r * r / 2) / (n - 3));
    }

    // ---------------------------------------------------------------- ranks

    /** Indices of the values of x that are not NaN (infinities included), ordered by (value, index). */
    static int[] sortedFinite(double[] x) {
        int m = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        int[] idx = new int[m];
        int j = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t])) {
                idx[j++] = t;
            }
        }
        radixSort(idx, x);
        return idx;
    }

    /**
     * Stable sort of indices by their value: least-significant-digit radix sort, one byte a pass, of
     * an order-preserving 64-bit key of each value (a pass whose byte is the same for every key is
     * skipped). 0.0 and -0.0 get the same key (they are equal values, as {@code ==} and the ranks' tie
     * test count them), so equal values keep index order. The values must not be NaN.
     */
    static void radixSort(int[] a, double[] value) {
        final int m = a.length;
        if (m < 2) {
            return;
        }
        long[] key = new long[m];
        for (int i = 0; i < m; i++) {
            long bits = Double.doubleToRawLongBits(value[a[i]] + 0.0); // -0.0 + 0.0 is 0.0
            key[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order of keys = order of values
        }
        int[] idx = a;
        int[] idxOut = new int[m];
        long[] keyOut = new long[m];
        int[] start = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(start, 0);
            for (int i = 0; i < m; i++) {
                start[(int) (key[i] >>> shift & 0xFF) + 1]++;
            }
            if (start[(int) (key[0] >>> shift & 0xFF) + 1] == m) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                start[d + 1] += start[d];
            }
            for (int i = 0; i < m; i++) {
                int to = start[(int) (key[i] >>> shift & 0xFF)]++;
                idxOut[to] = idx[i];
                keyOut[to] = key[i];
            }
            int[] i2 = idx;
            idx = idxOut;
            idxOut = i2;
            long[] k2 = key;
            key = keyOut;
            keyOut = k2;
        }
        if (idx != a) {
            System.arraycopy(idx, 0, a, 0, m);
        }
    }

    /** Average ranks (1-based) placed at their trial index; NaN at trials not in {@code order}. */
    private static double[] ranksInTrialOrder(double[] x, int[] order, int n) {
        double[] ranks = new double[n];
        java.util.Arrays.fill(ranks, Double.NaN);
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // the mean of ranks i+1 .. j+1
            // a strict bound: with "p <= j", C2 threw away compiles of the summaries holding this loop (reason
            // loop_limit_check, as in dist.SmallBinomials.set)
            for (int p = i; p < j + 1; p++) {
                ranks[order[p]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Ranks of y among the trials where {@code mask} is not NaN (NaN elsewhere). */
    private static double[] ranksOver(double[] y, double[] mask) {
        double[] masked = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            masked[t] = Double.isNaN(mask[t]) ? Double.NaN : y[t];
        }
        return ranks(masked);
    }

    /** Average ranks (1-based) of the values of x that are not NaN, at their trial index; NaN elsewhere. */
    private static double[] ranks(double[] x) {
        return ranksInTrialOrder(x, sortedFinite(x), x.length);
    }

    /** Pearson correlation of x and y over the trials where mask is not NaN; NaN if either is constant. */
    private static double pearsonOverFinite(double[] x, double[] y, double[] mask) {
        int m = 0;
        double sx = 0;
        double sy = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(mask[t])) {
                m++;
                sx += x[t];
                sy += y[t];
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        double mx = sx / m;
        double my = sy / m;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(mask[t])) {
                double dx = x[t] - mx;
                double dy = y[t] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    // ---------------------------------------------------------------- rank regression

    private static boolean[] rowsWithAll(double[][] inputs, int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        for (double[] col : inputs) {
            for (int t = 0; t < n; t++) {
                if (Double.isNaN(col[t])) {
                    all[t] = false;
                }
            }
        }
        return all;
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            if (v) {
                c++;
            }
        }
        return c;
    }

    /** Values of x at the selected rows, NaN elsewhere, so ranks are taken over those rows only. */
    private static double[] restrict(double[] x, boolean[] rows) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = rows[t] ? x[t] : Double.NaN;
        }
        return out;
    }

    /** The average ranks of x over the selected rows (NaN elsewhere). */
    private static double[] ranksOverRows(double[] x, boolean[] rows) {
        return ranks(restrict(x, rows));
    }

    /**
     * The centred input ranks over the selected rows, orthonormalised by modified Gram-Schmidt (a thin QR
     * factorisation) in input order; a constant column, or one that is a linear combination of earlier
     * ones, is dropped. The span is what matters for R², so dropping loses nothing.
     *
     * @param ranks per input, its ranks over the selected rows ({@link #ranksOverRows}; not modified)
     */
    private static double[][] orthonormalRanks(double[][] ranks, boolean[] rows, int m) {
        List<double[]> kept = new ArrayList<>();
        if (m < 2) {
            return new double[0][];
        }
        for (double[] r : ranks) {
            double[] v = centred(r, rows, m);
            double norm0 = dot(v, v, rows);
            if (norm0 == 0) {
                continue;
            }
            for (double[] qv : kept) {
                double p = dot(qv, v, rows);
                for (int t = 0; t < v.length; t++) {
                    if (rows[t]) {
                        v[t] -= p * qv[t];
                    }
                }
            }
            double norm = dot(v, v, rows);
            if (norm <= COLLINEAR * norm0) {
                continue;
            }
            double s = 1 / Math.sqrt(norm);
            for (int t = 0; t < v.length; t++) {
                v[t] *= s;
            }
            kept.add(v);
        }
        return kept.toArray(new double[0][]);
    }

    /**
     * R² of the output's ranks on the orthonormal input ranks.
     *
     * @param yRanks the output's ranks over the selected rows ({@link #ranksOverRows}; not modified)
     */
    private static double rSquared(double[][] q, double[] yRanks, boolean[] rows, int m) {
        if (m < 2) {
            return Double.NaN;
        }
        double[] v = centred(yRanks, rows, m);
        double total = dot(v, v, rows);
        if (total == 0) {
            return Double.NaN;
        }
        double explained = 0;
        for (double[] qv : q) {
            double p = dot(qv, v, rows);
            explained += p * p;
        }
        return Math.min(1, explained / total);
    }

    private static double[] centred(double[] x, boolean[] rows, int m) {
        double s = 0;
        for (int t = 0; t < x.length; t++) {
            if (rows[t]) {
                s += x[t];
            }
        }
        double mean = s / m;
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = rows[t] ? x[t] - mean : 0;
        }
        return out;
    }

    private static double dot(double[] a, double[] b, boolean[] rows) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            if (rows[t]) {
                s += a[t] * b[t];
            }
        }
        return s;
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** Mean of y over trials order[from..to-1], summed in that order; NaN for an empty range. */
    private static double meanAt(double[] y, int[] order, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double s = 0;
        for (int p = from; p < to; p++) {
            s += y[order[p]];
        }
        return s / (to - from);
    }
}
