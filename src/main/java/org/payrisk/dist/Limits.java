package org.payrisk.dist;

/**
 * The roles a distribution plays in a scenario and the limits of each, declared once: the records
 * that hold distributions check them in their factories (so a model built in code is checked), and
 * the scenario reader checks the same limits first, to report them at file:line:column.
 */
public final class Limits {

    /** Largest amount of money, dollars: keeps every sum of a run finite. */
    public static final double MAX_AMOUNT = 1e12;

    /** Largest count (episodes, visits, units, members). */
    public static final double MAX_COUNT = 1e9;

    /** Largest acceptable probability of a negative draw for a quantity that cannot be negative (taken as 0). */
    public static final double NEGATIVE_MASS = 1e-6;

    /** Largest acceptable probability of a draw above a role's largest value. */
    public static final double EXCESS = 1e-12;

    private Limits() {
    }

    /**
     * An amount of money: negative with probability at most {@link #NEGATIVE_MASS}, above
     * {@link #MAX_AMOUNT} with probability at most {@link #EXCESS}.
     *
     * @param name the field, for the message
     * @param d the distribution
     * @return d
     * @throws IllegalArgumentException {@code name: expected ..., found ...}
     */
    public static Distribution amount(String name, Distribution d) {
        return nonNegative(name, d, MAX_AMOUNT, "amounts");
    }

    /**
     * A count: as {@link #amount} with largest value {@code max}.
     *
     * @param name the field
     * @param d the distribution
     * @param max largest count, at most {@link #MAX_COUNT}
     * @return d
     */
    public static Distribution count(String name, Distribution d, double max) {
        return nonNegative(name, d, max, "counts");
    }

    /**
     * A probability: every draw in [0, 1].
     *
     * @param name the field
     * @param d the distribution
     * @return d
     */
    public static Distribution probability(String name, Distribution d) {
        if (d.supportMin() < 0 || d.supportMax() > 1) {
            throw new IllegalArgumentException(name + ": expected a distribution of probabilities (values in [0, 1]), found "
                    + d);
        }
        return d;
    }

    private static Distribution nonNegative(String name, Distribution d, double max, String what) {
        double below = d.probabilityBelow(0);
        double above = 1 - d.probabilityBelow(max);
        if (!(below <= NEGATIVE_MASS)) {
            throw new IllegalArgumentException(name + ": expected a distribution of " + what + " >= 0, found " + d
                    + " which draws a negative value with probability " + String.format("%.3g", below));
        }
        if (!(above <= EXCESS)) {
            throw new IllegalArgumentException(name + ": expected a distribution of " + what + " up to "
                    + Checks.limit(max) + ", found " + d + " which exceeds it with probability " + String.format("%.3g", above));
        }
        return d;
    }
}
