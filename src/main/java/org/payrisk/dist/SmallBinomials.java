package org.payrisk.dist;

/**
 * Binomial(n, p) for every n = 0..maxN at one probability p, drawn by inversion of a table of
 * cumulative probabilities. Built once per trial (p is a per-trial draw: the practice's cancellation
 * rate, with n a month's scheduled follow-ups of an episode; the table has (maxN + 1)(maxN + 2) / 2
 * entries) and then used for hundreds of small draws: far cheaper than building a Commons RNG binomial
 * sampler for each n every trial. Claim denials, whose n (a group's follow-ups) has no small bound, are
 * drawn by {@link BinomialQuantiles} instead.
 *
 * <p>Exact to the floating-point accuracy of the table: {@link #sample} returns the smallest x with
 * u &lt; P(X &lt;= x) (inversion), starting from a guide table (Chen and Asau 1974) of {@value #GUIDE}
 * cells per n that holds, for each cell [j / G, (j + 1) / G), the answer at its left end: most cells
 * hold no step of the cdf, so the draw is one look-up and one comparison that rarely fails.
 *
 * <p>Not thread safe: {@link #set} rewrites the table; one instance per worker.
 */
public final class SmallBinomials {

    /** Guide cells per n. */
    static final int GUIDE = 64;

    private final int maxN;
    /** P(X &lt;= x) for X ~ Binomial(n, p) at cdf[n (n + 1) / 2 + x], x = 0..n - 1 (P(X &lt;= n) = 1 is implied) */
    private final double[] cdf;
    /** guide[n * GUIDE + j] = the smallest x with j / GUIDE &lt; P(X &lt;= x) */
    private final int[] guide;
    private final double[] pmf;

    /** @param maxN largest n, &gt;= 0 */
    public SmallBinomials(int maxN) {
        this.maxN = maxN;
        cdf = new double[(maxN + 1) * (maxN + 2) / 2];
        guide = new int[(maxN + 1) * GUIDE];
        pmf = new double[maxN + 1];
    }

    /**
     * Rewrites the table for probability {@code p}.
     *
     * @param p success probability in [0, 1]
     * @return this table
     */
    public SmallBinomials set(double p) {
        final double q = 1 - p;
        pmf[0] = 1; // Binomial(0, p); its guide row stays all 0s, as built
        for (int n = 1; n <= maxN; n++) {
            // pmf of n trials from n - 1: P_n(x) = q P_{n-1}(x) + p P_{n-1}(x - 1), from the top down
            pmf[n] = p * pmf[n - 1];
            // x = n - 1 down to 1, counted up to a strict bound: written as "x >= 1; x--", this loop made C2
            // (JDK 17) throw away its compile of PracticeSimulator.simulate, which inlines set, the first time
            // that code ran (an uncommon trap, reason loop_limit_check under -XX:+LogCompilation), and compile
            // it again (docs/performance.md, step 9)
            for (int i = 1; i < n; i++) {
                final int x = n - i;
                pmf[x] = q * pmf[x] + p * pmf[x - 1];
            }
            pmf[0] = q * pmf[0];
            final int row = n * (n + 1) / 2;
            double cumulative = 0;
            for (int x = 0; x < n; x++) {
                cumulative += pmf[x];
                cdf[row + x] = cumulative;
            }
            int x = 0;
            for (int j = 0; j < GUIDE; j++) {
                while (x < n && cdf[row + x] <= (double) j / GUIDE) {
                    x++;
                }
                guide[n * GUIDE + j] = x;
            }
        }
        return this;
    }

    /**
     * @param n trials, 0..maxN
     * @param u a uniform draw in [0, 1)
     * @return the Binomial(n, p) value at {@code u}: the smallest x with u &lt; P(X &lt;= x)
     */
    public int sample(int n, double u) {
        final int row = n * (n + 1) / 2;
        int x = guide[n * GUIDE + (int) (u * GUIDE)];
        while (x < n && u >= cdf[row + x]) {
            x++;
        }
        return x;
    }
}
