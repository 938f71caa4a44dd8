package org.payrisk.payment;

import java.util.Objects;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Limits;

/**
 * The range checks of the payment records' terms, declared once with the limits of
 * {@link Limits}: the records run them in their constructors so a contract built in code is refused
 * like one read from a file (the reader checks the same limits first, to report them at
 * file:line:column). Each refusal reads {@code field: expected ..., found ...}.
 */
final class TermChecks {

    /** True only while {@link #unchecked} builds a record on this thread. */
    private static final ThreadLocal<Boolean> SKIP = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private TermChecks() {
    }

    /**
     * Builds a record with its term checks skipped. For {@code NonFiniteOutcomeTest} alone (through the
     * test-scope {@code org.payrisk.payment.UncheckedTerms}): it builds terms that overflow on purpose
     * to test the engine's backstop against outcomes that are not finite, which checked records can
     * no longer reach. Presence checks and sizes still apply. Nothing in main code calls it.
     *
     * @param make builds the record
     * @return what make built
     */
    static <T> T unchecked(java.util.function.Supplier<T> make) {
        SKIP.set(Boolean.TRUE);
        try {
            return make.get();
        } finally {
            SKIP.set(Boolean.FALSE);
        }
    }

    private static boolean skipped() {
        return SKIP.get();
    }

    /** An amount of money drawn per trial (or per visit): see {@link Limits#amount}. */
    static Distribution amount(String name, Distribution d) {
        if (skipped()) {
            return Objects.requireNonNull(d, name);
        }
        return Limits.amount(name, Objects.requireNonNull(d, name));
    }

    /** A count drawn per trial or month, up to {@link Limits#MAX_COUNT}. */
    static Distribution count(String name, Distribution d) {
        if (skipped()) {
            return Objects.requireNonNull(d, name);
        }
        return Limits.count(name, Objects.requireNonNull(d, name), Limits.MAX_COUNT);
    }

    /** A probability or share drawn per trial: every draw in [0, 1]. */
    static Distribution probability(String name, Distribution d) {
        if (skipped()) {
            return Objects.requireNonNull(d, name);
        }
        return Limits.probability(name, Objects.requireNonNull(d, name));
    }

    /** A distribution whose every draw lies in [lo, hi]. */
    static Distribution within(String name, Distribution d, double lo, double hi, String what) {
        if (skipped()) {
            return Objects.requireNonNull(d, name);
        }
        Objects.requireNonNull(d, name);
        if (d.supportMin() < lo || d.supportMax() > hi) {
            throw new IllegalArgumentException(name + ": expected " + what + " in [" + lo + ", " + hi + "], found " + d
                    + " which can draw values in [" + d.supportMin() + ", " + d.supportMax() + "]");
        }
        return d;
    }

    /**
     * A quantity that cannot be negative and has a largest value {@code max}: negative with probability
     * at most {@link Limits#NEGATIVE_MASS}, above {@code max} with probability at most {@link Limits#EXCESS}
     * (the reader's test for a field with its own largest value).
     */
    static Distribution upTo(String name, Distribution d, double max, String what) {
        if (skipped()) {
            return Objects.requireNonNull(d, name);
        }
        Objects.requireNonNull(d, name);
        double below = d.probabilityBelow(0);
        double above = 1 - d.probabilityBelow(max);
        if (!(below <= Limits.NEGATIVE_MASS) || !(above <= Limits.EXCESS)) {
            throw new IllegalArgumentException(name + ": expected " + what + " in [0, " + max + "], found " + d
                    + " which draws below 0 with probability " + String.format("%.3g", below) + " and above " + max
                    + " with probability " + String.format("%.3g", above));
        }
        return d;
    }

    /** A fixed share in [0, 1]. */
    static double share(String name, double v) {
        if (skipped()) {
            return v;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + ": expected a share in [0, 1], found " + v);
        }
        return v;
    }

    /** A fixed amount of money (or a share of one, such as a stop-gain) in [0, {@link Limits#MAX_AMOUNT}]. */
    static double amount(String name, double v) {
        if (skipped()) {
            return v;
        }
        if (!(v >= 0 && v <= Limits.MAX_AMOUNT)) {
            throw new IllegalArgumentException(name + ": expected a number in [0, " + Limits.MAX_AMOUNT + "], found " + v);
        }
        return v;
    }

    /** As {@link #amount(String, double)}, or NaN where NaN means "not given". */
    static double amountOrNaN(String name, double v) {
        if (skipped()) {
            return v;
        }
        return Double.isNaN(v) ? v : amount(name, v);
    }

    /** As {@link #amount(String, double)}, or +infinity where it means "no limit". */
    static double amountOrUnlimited(String name, double v) {
        if (skipped()) {
            return v;
        }
        return v == Double.POSITIVE_INFINITY ? v : amount(name, v);
    }

    /** A settlement month, 1 to {@code max}. */
    static int month(String name, int m, int max) {
        if (skipped()) {
            return m;
        }
        if (m < 1 || m > max) {
            throw new IllegalArgumentException(name + ": expected a month in [1, " + max + "], found " + m);
        }
        return m;
    }
}
