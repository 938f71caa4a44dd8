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

    /**
     * @param name parameter name for the message
     * @param v value
     * @param max largest accepted value
     * @param why why the limit exists, e.g. "the Poisson sampler's range"
     * @return v
     */
    static double atMost(String name, double v, double max, String why) {
        if (v > max) {
            throw new IllegalArgumentException(name + ": expected at most " + limit(max) + " (" + why + "), found "
                    + format(v));
        }
        return v;
    }

    /**
     * Checks {@code min <= spread / mean <= max} for a family given by mean and sd.
     */
    static void relativeSpread(String name, double spread, double mean, double min, double max, String family) {
        double cv = spread / mean;
        if (!(cv >= min && cv <= max)) {
            throw new IllegalArgumentException(name + ": expected a " + family + " sd between " + limit(min)
                    + " and " + limit(max) + " times its mean " + format(mean) + " (outside it payrisk cannot draw"
                    + " the law accurately; use a constant for a tiny sd), found " + format(spread));
        }
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

    /** A limit as the README writes it: 1e9, 1e-6, 1000. */
    static String limit(double v) {
        int exp = (int) Math.round(Math.log10(v));
        if ((exp >= 6 || exp < -3) && v == Double.parseDouble("1e" + exp)) {
            return "1e" + exp;
        }
        return format(v);
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
