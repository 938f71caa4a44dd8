package org.payrisk.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.payrisk.scenario.ScenarioLoader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters of the numeric flags: each says the allowed range when a value is out of it or not a
 * whole number, instead of picocli's "is not an int". Stateless.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The scenario file's forms of a whole number: 1000, +1000, 1_000, 1e3, 1000.0. */
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)?(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
    private static final Pattern OTHER_BASE = Pattern.compile("[-+]?0[xXoObB][0-9a-fA-F_]*");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
    /** Beyond 2^53 a number written with a decimal point or exponent is no longer read exactly in the file. */
    private static final BigDecimal EXACT = BigDecimal.valueOf(9_007_199_254_740_992L);

    /**
     * Reads a flag's whole number by the scenario file's rule, so {@code --trials 1e3} and {@code trials: 1e3}
     * mean the same and {@code --trials 010} is refused as {@code trials: 010} is.
     *
     * @return the value, when it is a whole number in [min, max]
     * @throws TypeConversionException naming the range and the value found
     */
    static long parse(String text, long min, long max, String range) {
        String t = text.trim();
        String shown = t.length() > 40 ? t.substring(0, 40) + "\u2026 (" + t.length() + " characters)" : t;
        if (OTHER_BASE.matcher(t).matches()) {
            throw new TypeConversionException("expected a whole number in " + range + " written in decimal, found '" + shown
                    + "': hexadecimal, octal and binary numbers are not accepted");
        }
        if (LEADING_ZERO.matcher(t).matches()) {
            throw new TypeConversionException("expected a whole number in " + range + ", found '" + shown
                    + "': numbers with a leading zero are not accepted (as in the scenario file, which would read 010 "
                    + "as the octal number 8); write it without the zero");
        }
        BigInteger v;
        try {
            if (INTEGER.matcher(t).matches()) {
                v = new BigInteger(t.replace("_", "").replace("+", ""));
            } else if (DECIMAL.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)) {
                BigDecimal d = new BigDecimal(t.replace("_", "").replace("+", "").replaceFirst("^\\.", "0."));
                if (d.abs().compareTo(EXACT) > 0) {
                    throw new ArithmeticException();
                }
                v = d.toBigIntegerExact();
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("expected a whole number in " + range + ", found '" + shown + "'");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("expected a whole number in " + range + ", found " + shown);
        }
        return v.longValueExact();
    }

    /** {@code --trials}: 1 to {@link ScenarioLoader#MAX_TRIALS}. */
    static final class Trials implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parse(value, 1, ScenarioLoader.MAX_TRIALS, "[1, " + ScenarioLoader.MAX_TRIALS + "]");
        }
    }

    /** {@code --threads}: 1 to {@link RunCommand#MAX_THREADS}. */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) parse(value, 1, RunCommand.MAX_THREADS, "[1, " + RunCommand.MAX_THREADS + "]");
        }
    }

    /** {@code --seed}: any 64-bit signed whole number. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parse(value, Long.MIN_VALUE, Long.MAX_VALUE, "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
        }
    }
}
