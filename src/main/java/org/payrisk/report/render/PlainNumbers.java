package org.payrisk.report.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one rounding rule for numbers written in plain language (the briefing), so that the brief and
 * its tests always agree.
 *
 * <ul>
 *   <li>Dollars: rounded half-up to 3 significant figures, never finer than whole dollars; below one
 *       million written in full with thousands separators ({@code $35,100}, {@code -$5,000},
 *       {@code $812}); from one million, in millions or billions with trailing zeros dropped
 *       ({@code $1.23 million}, {@code $1.2 million}, {@code $2 billion}). A value that rounds to zero
 *       is {@code $0}, without a sign.</li>
 *   <li>Probabilities: whole percent, rounded half-up ({@code 63%}); a probability that would show as
 *       0% is {@code less than 1%} and one that would show as 100% is {@code more than 99%}, because
 *       a simulation can only bound such chances, not prove them zero or certain.</li>
 *   <li>Counts: whole numbers with thousands separators ({@code 10,000}).</li>
 * </ul>
 *
 * <p>Formatting is fixed to US conventions (all money in payrisk is US dollars) and does not depend
 * on the default locale. Thread safe: no state.
 */
public final class PlainNumbers {

    private static final MathContext THREE_FIGURES = new MathContext(3, RoundingMode.HALF_UP);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private PlainNumbers() {
    }

    /**
     * Writes an amount of US dollars in plain language.
     *
     * @param amount dollars, finite
     * @return e.g. {@code $35,100}, {@code -$5,000}, {@code $1.2 million}
     * @throws IllegalArgumentException if {@code amount} is NaN or infinite
     */
    public static String dollars(double amount) {
        BigDecimal rounded = roundDollars(amount);
        if (rounded.signum() == 0) {
            return "$0";
        }
        String sign = rounded.signum() < 0 ? "-" : "";
        BigDecimal abs = rounded.abs();
        if (abs.compareTo(BILLION) >= 0) {
            return sign + "$" + plain(abs.divide(BILLION)) + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            return sign + "$" + plain(abs.divide(MILLION)) + " million";
        }
        return sign + "$" + grouped().format(abs);
    }

    /**
     * The value {@link #dollars} writes, as a number: 3 significant figures, half-up, at least whole
     * dollars.
     *
     * @param amount dollars, finite
     * @return the rounded amount
     * @throws IllegalArgumentException if {@code amount} is NaN or infinite
     */
    public static BigDecimal roundDollars(double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite: " + amount);
        }
        BigDecimal figures = new BigDecimal(amount).round(THREE_FIGURES);
        return figures.setScale(0, RoundingMode.HALF_UP);
    }

    /**
     * Writes a probability as a whole percentage in plain language.
     *
     * @param probability in [0, 1]
     * @return e.g. {@code 63%}, {@code less than 1%}, {@code more than 99%}
     * @throws IllegalArgumentException if {@code probability} is outside [0, 1] or NaN
     */
    public static String percent(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        // BigDecimal.valueOf uses the shortest decimal form, so 0.005 rounds up to 1% as a reader expects.
        int pct = BigDecimal.valueOf(probability).movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        if (pct == 0) {
            return "less than 1%";
        }
        if (pct == 100) {
            return "more than 99%";
        }
        return pct + "%";
    }

    /**
     * Writes a count with thousands separators.
     *
     * @param count any whole number
     * @return e.g. {@code 10,000}
     */
    public static String count(long count) {
        return grouped().format(count);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** DecimalFormat is not thread safe, so each call gets its own. */
    private static DecimalFormat grouped() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    }
}
