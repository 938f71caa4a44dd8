package org.payrisk.fit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.payrisk.dist.Beta;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Gamma;
import org.payrisk.dist.LogNormal;
import org.payrisk.dist.NegativeBinomial;
import org.payrisk.dist.Normal;
import org.payrisk.dist.Poisson;

/**
 * The YAML line a user pastes into a scenario: the fitted family in the scenario file's flow syntax,
 * with a comment naming the data, n, the test and the AIC ranking, e.g.
 * {@code visits: { negativeBinomial: { mean: 9.1, dispersion: 2.9 } }  # fitted to visits.csv:visits, ...}.
 *
 * <p>Each parameter is rounded to two significant digits of its standard error (finer digits are
 * noise), but to at least three significant digits of its value; if the rounded parameters no longer
 * describe a valid law (a beta whose sd reaches its bound), digits are added until they do.
 * Stateless.
 */
public final class Snippet {

    /**
     * The scenario reader refuses, for a quantity that cannot be negative, a law drawing below 0 with
     * more than this probability (the same figure as its own rule, restated here because fit sits
     * below the scenario room).
     */
    static final double NEGATIVE_MASS_TOLERANCE = 1e-6;

    private Snippet() {
    }

    /**
     * @param r the fit
     * @param f one of its families (usually the winner)
     * @return one line of YAML, key = the column name
     */
    public static String yaml(FitResult r, FamilyFit f) {
        return key(r.data().column()) + ": " + value(f) + "  # " + comment(r, f);
    }

    /** @return the flow mapping {@code { family: { p: v, ... } }} with rounded parameters */
    public static String value(FamilyFit f) {
        for (int extra = 0; extra <= 17; extra++) {
            List<String> parts = new ArrayList<>();
            double[] rounded = new double[f.parameters().size()];
            for (int i = 0; i < rounded.length; i++) {
                Parameter p = f.parameters().get(i);
                String text = p.fixed() ? Fitter.plain(p.value()) : round(p.value(), p.standardError(), extra);
                rounded[i] = Double.parseDouble(text);
                parts.add(p.name() + ": " + text);
            }
            if (valid(f.family(), rounded)) {
                return "{ " + f.family() + ": { " + String.join(", ", parts) + " } }";
            }
        }
        throw new IllegalStateException("no rounding of " + f.parameters() + " gives a valid " + f.family());
    }

    /** The comment after the snippet: data, n, method, test, ranking. */
    static String comment(FitResult r, FamilyFit f) {
        StringBuilder s = new StringBuilder();
        s.append("fitted to ").append(printable(r.data().label())).append(", n = ")
                .append(String.format(Locale.ROOT, "%,d", r.data().size())).append(", maximum likelihood; ");
        s.append(f.test().describe());
        double below = f.distribution().probabilityBelow(0);
        if (below > NEGATIVE_MASS_TOLERANCE && java.util.Arrays.stream(r.data().values()).allMatch(v -> v >= 0)) {
            s.append(String.format(Locale.ROOT, "; draws below 0 with probability %.2g, so fields that cannot be negative "
                    + "refuse it", below));
        }
        List<FamilyFit> others = r.fits().stream().filter(o -> o != f).toList();
        if (!others.isEmpty()) {
            s.append("; AIC ").append(f == r.winner() ? "best" : "not best").append(", vs ");
            List<String> deltas = new ArrayList<>();
            for (FamilyFit o : others) {
                deltas.add(o.family() + String.format(Locale.ROOT, " %+.1f", o.aic() - f.aic()));
            }
            s.append(String.join(", ", deltas));
        }
        return s.toString();
    }

    static String key(String column) {
        if (column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return column;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : column.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (isControl(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c)); // a YAML double-quoted escape
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The text with control characters (a line break would end the YAML comment) shown as '?'. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(isControl(c) ? '?' : c);
        }
        return b.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    /**
     * @param value the estimate
     * @param se its standard error
     * @param extra digits beyond the rule
     * @return the rounded value as plain decimal text
     */
    static String round(double value, double se, int extra) {
        if (value == 0) {
            return "0";
        }
        int decimals;
        if (se > 0 && Double.isFinite(se)) {
            decimals = 1 - (int) Math.floor(Math.log10(se));
        } else {
            decimals = 6 - (int) Math.floor(Math.log10(Math.abs(value)));
        }
        decimals = Math.max(decimals, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        decimals += extra;
        BigDecimal b = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        String t = b.stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /** Whether payrisk accepts these parameters for the family (its factories validate). */
    static boolean valid(String family, double[] p) {
        try {
            Distribution d = switch (family) {
                case "poisson" -> Poisson.of(p[0]);
                case "negativeBinomial" -> NegativeBinomial.of(p[0], p[1]);
                case "binomial" -> Binomial.of((int) p[0], p[1]);
                case "normal" -> Normal.of(p[0], p[1]);
                case "lognormal" -> LogNormal.of(p[0], p[1]);
                case "gamma" -> Gamma.of(p[0], p[1]);
                case "beta" -> Beta.of(p[0], p[1]);
                default -> throw new IllegalArgumentException("unknown family " + family);
            };
            return d != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
