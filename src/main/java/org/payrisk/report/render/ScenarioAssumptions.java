package org.payrisk.report.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioFields;
import org.payrisk.scenario.ScenarioInput;

/**
 * The scenario copy of a run ({@code scenario.yaml} or {@code scenario.json}) as the report's
 * assumptions: the scenario package lists every input with its value after defaults, unit, line and
 * source note ({@link org.payrisk.scenario.Scenario#inputsOf}); this class only words them for the report. The copy is
 * read leniently (parsed, not validated), so an old run whose copy this version's reader refuses
 * still re-renders; a copy that is not YAML at all gives one row saying so, with the reason.
 * Thread safe: no state.
 */
final class ScenarioAssumptions {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ScenarioAssumptions() {
    }

    /**
     * One input of the scenario.
     *
     * @param path field path, e.g. {@code practice.costs.fixedPerMonth} or {@code demand.cases[1].share}
     * @param value the value in words, e.g. {@code 28,000} or {@code negative binomial, mean 42, dispersion 15}
     * @param unit the unit when the field name is known, e.g. {@code $ per month}; empty otherwise
     * @param note the trailing comment of the scenario line, without {@code #}; empty when none
     * @param line 1-based line of the field in the scenario file (0 if unknown)
     */
    record Assumption(String path, String value, String unit, String note, int line) {

        /**
         * Value and unit as a phrase: {@code $28,000 per month}, {@code 3 full-time clinicians},
         * {@code beta, mean 0.11, sd 0.03 (probability per scheduled visit)}.
         */
        String inWords() {
            if (unit.isEmpty()) {
                return value;
            }
            boolean number = value.matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
            if (unit.equals("$") && number) {
                return value.startsWith("-") ? "-$" + value.substring(1) : "$" + value;
            }
            if (unit.startsWith("$ ") && number) {
                return (value.startsWith("-") ? "-$" + value.substring(1) : "$" + value) + " " + unit.substring(2);
            }
            if (number) {
                return value + " " + (value.equals("1") ? singular(unit) : unit);
            }
            return value + " (" + unit + ")";
        }

        /** "1 month", "1 visit per episode": the unit's first word without its plural s. */
        private static String singular(String unit) {
            int space = unit.indexOf(' ');
            String first = space < 0 ? unit : unit.substring(0, space);
            if (first.length() > 2 && first.endsWith("s") && !first.endsWith("ss")) {
                return first.substring(0, first.length() - 1) + (space < 0 ? "" : unit.substring(space));
            }
            return unit;
        }
    }

    /**
     * The scenario copy of a run.
     *
     * @param file the file read
     * @param assumptions every input, in file order, then those left at their defaults
     */
    record Scenario(Path file, List<Assumption> assumptions) {
        Scenario {
            assumptions = List.copyOf(assumptions);
        }

        /** The assumption at exactly this path, if any. */
        Optional<Assumption> at(String path) {
            return assumptions.stream().filter(a -> a.path().equals(path)).findFirst();
        }

        /** The scenario's {@code cash.startingReserve} in dollars, when the file gives it as a number. */
        OptionalDouble startingReserve() {
            Optional<Assumption> r = at(ScenarioFields.STARTING_RESERVE.toString()).filter(a -> a.line() > 0);
            if (r.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                return OptionalDouble.of(Double.parseDouble(r.get().value().replace(",", "")));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }

        /** Whether any contract of the scenario sets a {@code paymentLagMonths}. */
        boolean hasPaymentLags() {
            return assumptions.stream().anyMatch(a -> a.path().endsWith(ScenarioFields.PAYMENT_LAG) && a.line() > 0);
        }
    }

    /**
     * Finds and reads {@code scenario.yaml}, {@code scenario.yml} or {@code scenario.json} in a run directory.
     *
     * @return empty when the run directory has no scenario copy
     * @throws ReportInputException if the copy exists but cannot be read
     */
    static Optional<Scenario> find(Path runDir) throws ReportInputException {
        for (String name : List.of("scenario.yaml", "scenario.yml", "scenario.json")) {
            Path p = runDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(read(p));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one scenario file (YAML, or JSON when the name ends in {@code .json}). Text that does not
     * parse gives one row saying this version could not read it, and why: a re-render never fails on it.
     *
     * @throws ReportInputException if the file cannot be read at all
     */
    static Scenario read(Path file) throws ReportInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        List<Assumption> rows = new ArrayList<>();
        try {
            for (ScenarioInput in : org.payrisk.scenario.Scenario.inputsOf(file.getFileName().toString(), bytes,
                    file.getFileName().toString().endsWith(".json"))) {
                String field = in.path().substring(in.path().lastIndexOf('.') + 1);
                String value = ScenarioFields.isIdentifier(field) ? in.value() : words(in.value(), in.unit());
                rows.add(new Assumption(in.path(), value, in.unit(), in.note(), in.line()));
            }
        } catch (ScenarioException e) {
            rows.clear();
            rows.add(new Assumption("(scenario)", "could not be read by this version of payrisk: " + e.getMessage(), "", "", 0));
        }
        return new Scenario(file, rows);
    }

    static String unit(String name, String parentKey) {
        return ScenarioFields.unit(name, parentKey);
    }

    /**
     * A value as people write it (identifiers such as the seed are kept as written): numbers with thousands separators (28,000; 0.11), dollars without
     * cents when whole and with cents otherwise (100.60); anything else as the scenario package gives it.
     */
    static String words(String value, String unit) {
        if (!PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        BigDecimal v = new BigDecimal(value).stripTrailingZeros();
        String pattern = unit.startsWith("$") ? (v.scale() <= 0 ? "#,##0" : "#,##0.00########") : "#,##0.##########";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }
}
