package org.payrisk.dist;

/** Parameter checks shared by the distribution factories; each failure says expected and found. */
final class Checks {
    private Checks() {
    }

    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number, found " + format(v));
        }
        return v;
    }

    static double positive(String name, double v) {
        finite(name, v);
        if (v <= 0) {
            throw new IllegalArgumentException(name + ": expected a number > 0, found " + format(v));
        }
        return v;
    }

    static double nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new IllegalArgumentException(name + ": expected a number >= 0, found " + format(v));
        }
        return v;
    }

    static double probability(String name, double v) {
        finite(name, v);
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException(name + ": expected a probability in [0, 1], found " + format(v));
        }
        return v;
    }

    static void ordered(String lowName, double low, String highName, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException(lowName + ": expected " + lowName + " < " + highName + ", found "
                    + lowName + " = " + format(low) + ", " + highName + " = " + format(high));
        }
    }

    static boolean allIntegers(double[] values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
