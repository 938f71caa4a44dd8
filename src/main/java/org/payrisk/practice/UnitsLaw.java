package org.payrisk.practice;

import org.payrisk.dist.Constant;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Distribution;

/**
 * One case's billed units per attended follow-up, tabulated so that a month's follow-ups of an
 * episode draw their units <em>sum</em> in one step instead of one draw per visit.
 *
 * <p>The units of k follow-ups are k independent draws U_1..U_k of the case's law p. Their sum
 * S_k has the k-fold convolution p^{*k}, which this class tabulates once per scenario for
 * k = 0..maxFollowUps and samples by inversion of its cumulative table, started from a guide table
 * (Chen and Asau 1974: one uniform, one look-up, usually one comparison). That is exact in distribution:
 * the sum drawn has the law of the sum of k per-visit draws (to the floating-point accuracy of the
 * convolution).
 *
 * <p>Where a reader needs more than the sum, it draws it conditionally on the sum, again exactly:
 * given S_k = T, the units of any j of the k visits (they are exchangeable) sum to a with probability
 * P(S_j = a) P(S_{k-j} = T - a) / P(S_k = T) ({@link #split}). A fee-for-service contract uses it for
 * the units of the claims it does not deny; the year uses it with j = 1, visit by visit, to give each
 * visit its own units when a per-visit reader asks ({@link PracticeYear#visitUnits}).
 *
 * <p>Tabulated only for integer laws with a small table (an integer constant, or an integer
 * {@code discrete} law); {@link #of} returns null otherwise and the simulator draws visit by visit.
 * Immutable and thread safe.
 */
public final class UnitsLaw {

    /**
     * Most cells of the tables over all k (each cell a probability, a cumulative probability and 8
     * guide entries: 48 bytes; at most about 50 MB for one case): larger laws are drawn visit by visit.
     */
    static final int MAX_TABLE = 1 << 20;

    /** Guide cells: enough that few cells hold a step of the cdf, so a draw rarely compares twice. */
    private static final int GUIDE_PER_VALUE = 8;
    private static final int GUIDE_MIN = 64;

    private final int min;
    private final int max;
    /** convolution[k][a - k * min] = P(S_k = a), for a in [k * min, k * max] */
    private final double[][] convolution;
    /** cumulative[k][i] = P(S_k &lt;= k * min + i) */
    private final double[][] cumulative;
    /** guide[k][j] = the smallest i with cumulative[k][i] &gt; j / guide[k].length */
    private final int[][] guide;

    private UnitsLaw(int min, int max, double[][] convolution) {
        this.min = min;
        this.max = max;
        this.convolution = convolution;
        cumulative = new double[convolution.length][];
        guide = new int[convolution.length][];
        for (int k = 0; k < convolution.length; k++) {
            double[] c = new double[convolution[k].length];
            double total = 0;
            for (int i = 0; i < c.length; i++) {
                total += convolution[k][i];
                c[i] = total;
            }
            c[c.length - 1] = Double.POSITIVE_INFINITY; // the last value takes whatever rounding left
            int[] g = new int[Math.max(GUIDE_MIN, GUIDE_PER_VALUE * c.length)];
            int i = 0;
            for (int j = 0; j < g.length; j++) {
                while (c[i] <= (double) j / g.length) {
                    i++;
                }
                g[j] = i;
            }
            cumulative[k] = c;
            guide[k] = g;
        }
    }

    /**
     * @param units a case's units per visit
     * @param maxFollowUps most attended follow-ups of one episode in a month
     * @return its tabulated law, or null when it is not an integer table small enough to tabulate
     */
    public static UnitsLaw of(Distribution units, int maxFollowUps) {
        double[] p;
        int min;
        if (units instanceof Constant c && c.isIntegerValued() && c.value() >= 0) {
            min = (int) c.value();
            p = new double[] {1};
        } else if (units instanceof Discrete d && d.isIntegerValued() && d.supportMin() >= 0
                && d.supportMax() - d.supportMin() < MAX_TABLE) {
            min = (int) d.supportMin();
            p = new double[(int) d.supportMax() - min + 1];
            double[] values = d.values();
            double[] weights = d.weights();
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            for (int i = 0; i < values.length; i++) {
                if (weights[i] > 0) {
                    p[(int) values[i] - min] += weights[i] / total;
                }
            }
        } else {
            return null;
        }
        int width = p.length - 1;
        long cells = 0;
        for (int k = 0; k <= maxFollowUps; k++) {
            cells += (long) k * width + 1;
        }
        if (cells > MAX_TABLE) {
            return null;
        }
        double[][] conv = new double[maxFollowUps + 1][];
        conv[0] = new double[] {1};
        for (int k = 1; k <= maxFollowUps; k++) {
            double[] prev = conv[k - 1];
            double[] next = new double[prev.length + width];
            for (int a = 0; a < prev.length; a++) {
                if (prev[a] != 0) {
                    for (int u = 0; u <= width; u++) {
                        next[a + u] += prev[a] * p[u];
                    }
                }
            }
            conv[k] = next;
        }
        return new UnitsLaw(min, min + width, conv);
    }

    /** @return P(S_k = a), the k-fold convolution at a (for tests) */
    double probability(int k, int a) {
        int i = a - k * min;
        return i < 0 || i >= convolution[k].length ? 0 : convolution[k][i];
    }

    /**
     * Draws the units sum of k follow-ups.
     *
     * @param k follow-ups, 0..maxFollowUps
     * @param u a uniform draw in [0, 1)
     * @return S_k at {@code u}: the smallest a with u &lt; P(S_k &lt;= a)
     */
    public int sum(int k, double u) {
        final double[] c = cumulative[k];
        final int[] g = guide[k];
        // (int) (u * length) can round up to the next cell for u within an ulp below a cell edge; the
        // draw is then off only if a step of the cdf lies in that ulp: exact to floating-point accuracy
        int i = g[(int) (u * g.length)];
        while (u >= c[i]) {
            i++;
        }
        return k * min + i;
    }

    /**
     * The units of j of k follow-ups whose units sum to {@code total}, drawn by inversion of
     * P(S_j = a | S_k = total) = P(S_j = a) P(S_{k-j} = total - a) / P(S_k = total).
     *
     * @param k follow-ups, 0..maxFollowUps
     * @param j how many of them, 0..k
     * @param total their units sum (a value S_k can take)
     * @param u a uniform draw in [0, 1)
     * @return the j visits' units
     */
    public int split(int k, int j, int total, double u) {
        if (j == 0) {
            return 0;
        }
        if (j == k) {
            return total;
        }
        final int rest = k - j;
        final int lo = Math.max(j * min, total - rest * max);
        final int hi = Math.min(j * max, total - rest * min);
        final double[] first = convolution[j];
        final double[] second = convolution[rest];
        final double target = u * convolution[k][total - k * min];
        double cumulative = 0;
        int last = lo;
        // a strict bound: with "a <= hi", C2 threw away its compile of fee-for-service's claim loop, which
        // inlines this (reason loop_limit_check, as in SmallBinomials.set)
        final int end = hi + 1;
        for (int a = lo; a < end; a++) {
            final double term = first[a - j * min] * second[total - a - rest * min];
            if (term > 0) {
                last = a;
                cumulative += term;
                if (cumulative > target) {
                    return a;
                }
            }
        }
        return last; // rounding left the sum a hair below the target: the largest possible value
    }
}
