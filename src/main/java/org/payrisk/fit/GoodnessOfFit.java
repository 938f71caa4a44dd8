package org.payrisk.fit;

import java.util.List;

/**
 * A goodness-of-fit test of one fitted family against the data.
 *
 * <p>Counts: Pearson's chi-square over the observed values, adjacent cells pooled from the left until
 * each expects at least 5 (a last cell holds the upper tail); degrees of freedom = cells - 1 -
 * estimated parameters. Because the parameters were estimated from the raw counts rather than the
 * pooled cells, the true null law lies between chi-square with that df and with cells - 1
 * (Chernoff and Lehmann 1954), so the p-value is slightly small (conservative against the fit).
 *
 * <p>Continuous and probability data: the Kolmogorov-Smirnov distance D between the empirical and
 * the fitted CDF. Its p-value is a parametric bootstrap (the tables for D assume known parameters
 * and would be far too large here): {@code bootstrapSamples} data sets of the same size are drawn
 * from the fitted law, each is refitted by maximum likelihood, and p = (1 + #{D* &gt;= D}) /
 * (1 + samples).
 *
 * @param test {@code chi-square} or {@code kolmogorov-smirnov}
 * @param statistic the test statistic (X^2 or D)
 * @param degreesOfFreedom chi-square degrees of freedom; 0 for the bootstrap test
 * @param pValue the p-value; NaN when the test could not be made (see {@code note})
 * @param bootstrapSamples the parametric bootstrap's sample count; 0 for chi-square
 * @param cells the chi-square cells after pooling; empty for the bootstrap test
 * @param note why the test could not be made, or empty
 */
public record GoodnessOfFit(String test, double statistic, int degreesOfFreedom, double pValue, int bootstrapSamples,
                            List<Cell> cells, String note) {

    /** Name of the count test. */
    public static final String CHI_SQUARE = "chi-square";
    /** Name of the continuous test. */
    public static final String KOLMOGOROV_SMIRNOV = "kolmogorov-smirnov";

    /** Copies the cells. */
    public GoodnessOfFit {
        cells = List.copyOf(cells);
    }

    /**
     * One pooled chi-square cell: the counts from {@code from} to {@code to} inclusive.
     *
     * @param from smallest count in the cell
     * @param to largest count in the cell ({@link Integer#MAX_VALUE} for the open upper tail)
     * @param observed how many values fell in the cell
     * @param expected how many the fitted law expects
     */
    public record Cell(int from, int to, long observed, double expected) {
    }

    /** @return a short description, e.g. {@code chi-square 12.3, df 9, p = 0.20} */
    public String describe() {
        if (Double.isNaN(pValue)) {
            return test + ": " + note;
        }
        String p = pValue < 1e-4 ? "p < 0.0001" : "p = " + formatP(pValue);
        if (test.equals(CHI_SQUARE)) {
            return String.format(java.util.Locale.ROOT, "chi-square %.2f, df %d, %s", statistic, degreesOfFreedom, p);
        }
        return String.format(java.util.Locale.ROOT, "Kolmogorov-Smirnov D %.4f, %s (parametric bootstrap, %,d samples)",
                statistic, p, bootstrapSamples);
    }

    /**
     * @param p a p-value
     * @return two significant digits, or {@code < 0.0001}
     */
    public static String formatP(double p) {
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
