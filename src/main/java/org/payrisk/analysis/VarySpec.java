package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.payrisk.scenario.ScenarioPath;

/**
 * One varied parameter of a sweep (or of a population): {@code PATH=SPEC}, where PATH is a field path
 * ({@link ScenarioPath}) and SPEC is {@code FROM:TO:COUNT} (COUNT evenly spaced values, both ends
 * included) or a list {@code v1,v2,...}. The values are checked here only as numbers; whether each
 * makes a valid scenario is checked by {@code Scenario.with} when the points are built.
 *
 * @param path the parsed path
 * @param text the path as the user wrote it (what outputs print)
 * @param values the values, in the order given, at least 2, at most {@value #MAX_VALUES}, distinct
 */
public record VarySpec(ScenarioPath path, String text, double[] values) {

    /** Most values of one parameter. */
    public static final int MAX_VALUES = 1000;

    /**
     * Parses {@code PATH=SPEC}.
     *
     * @param flag the flag it came with, for messages (e.g. {@code --vary})
     * @param arg the argument, e.g. {@code models[capitation].default.capitation.pmpm=3:6:13}
     * @return the parameter
     * @throws AnalysisInputException naming the flag, the argument and what was expected
     */
    public static VarySpec parse(String flag, String arg) throws AnalysisInputException {
        int eq = arg.indexOf('=');
        if (eq < 0) {
            throw new AnalysisInputException(flag + " " + arg + ": expected PATH=SPEC, e.g. "
                    + "models[capitation].default.capitation.pmpm=3:6:13 or cash.startingReserve=0,20000,50000, found no `=`");
        }
        ScenarioPath path;
        String pathText = arg.substring(0, eq).trim();
        try {
            path = ScenarioPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            throw new AnalysisInputException(flag + " " + arg + ": " + e.getMessage());
        }
        return new VarySpec(path, path.toString(), values(flag, arg, arg.substring(eq + 1).trim()));
    }

    /**
     * Parses a SPEC alone.
     *
     * @param flag the flag, for messages
     * @param arg the whole argument, for messages
     * @param spec {@code FROM:TO:COUNT} or {@code v1,v2,...}
     * @return the values
     * @throws AnalysisInputException when it is malformed, COUNT is outside [2, 1000] or values repeat
     */
    static double[] values(String flag, String arg, String spec) throws AnalysisInputException {
        String where = flag + " " + arg + ": ";
        if (spec.isEmpty()) {
            throw new AnalysisInputException(where + "expected SPEC after `=`: FROM:TO:COUNT (e.g. 3:6:13) or a list "
                    + "v1,v2,... (e.g. 0,20000,50000), found nothing");
        }
        double[] out;
        if (spec.contains(":")) {
            String[] p = spec.split(":", -1);
            if (p.length != 3) {
                throw new AnalysisInputException(where + "expected FROM:TO:COUNT with three parts (e.g. 3:6:13), found `"
                        + spec + "` with " + p.length);
            }
            double from = number(where, p[0], "FROM");
            double to = number(where, p[1], "TO");
            long count;
            try {
                count = Long.parseLong(p[2].trim());
            } catch (NumberFormatException e) {
                throw new AnalysisInputException(where + "expected COUNT to be a whole number from 2 to " + MAX_VALUES
                        + ", found `" + p[2].trim() + "`");
            }
            if (count < 2 || count > MAX_VALUES) {
                throw new AnalysisInputException(where + "expected COUNT from 2 to " + MAX_VALUES + " (both ends are "
                        + "included, so 2 gives FROM and TO), found " + count);
            }
            if (from == to) {
                throw new AnalysisInputException(where + "expected FROM and TO to differ, found both " + p[0].trim());
            }
            out = new double[(int) count];
            for (int i = 0; i < count; i++) {
                // 12 significant digits: the grid a user asked for (0.6:1.2:7 gives 0.9, not 0.8999999999999999),
                // far finer than any input's meaning, and the value each point runs with is the one it prints
                out[i] = new java.math.BigDecimal(from + (to - from) * i / (count - 1))
                        .round(new java.math.MathContext(12)).doubleValue();
            }
            out[(int) count - 1] = to; // exactly TO, whatever the rounding of the step
        } else {
            String[] p = spec.split(",", -1);
            if (p.length < 2 || p.length > MAX_VALUES) {
                throw new AnalysisInputException(where + "expected a list of 2 to " + MAX_VALUES + " values v1,v2,..., found "
                        + p.length + (p.length == 1 ? " (for a range write FROM:TO:COUNT)" : ""));
            }
            out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = number(where, p[i], "value " + (i + 1));
            }
        }
        double[] sorted = out.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new AnalysisInputException(where + "expected distinct values, found " + format(sorted[i]) + " twice");
            }
        }
        return out;
    }

    private static double number(String where, String text, String what) throws AnalysisInputException {
        String t = text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new AnalysisInputException(where + "expected " + what + " to be a number, found `" + t + "`");
        }
        if (!Double.isFinite(v) || t.matches("(?i).*(nan|infinity|[fd])$") || t.startsWith("0x")) {
            throw new AnalysisInputException(where + "expected " + what + " to be a finite decimal number, found `" + t + "`");
        }
        return v;
    }

    /**
     * @param v a value
     * @return it as written in files (whole numbers without a fraction)
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * @param specs parameters
     * @return their paths as written
     */
    static List<String> texts(List<VarySpec> specs) {
        List<String> out = new ArrayList<>();
        for (VarySpec s : specs) {
            out.add(s.text());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarySpec v && v.path.equals(path) && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return text + "=" + Arrays.toString(values);
    }
}
