package org.payrisk.cli;

import java.math.BigInteger;
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

    /**
     * @return the value, when it is a whole number in [min, max]
     * @throws TypeConversionException naming the range and the value found
     */
    static long parse(String text, long min, long max, String range) {
        String t = text.trim();
        BigInteger v;
        try {
            v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected a whole number in " + range + ", found '" + text + "'");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("expected a whole number in " + range + ", found " + v);
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
