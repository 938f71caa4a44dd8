package org.payrisk.scenario;

import java.util.List;
import java.util.Objects;
import org.payrisk.dist.Distribution;

/**
 * A scenario's {@code uncertainty:} block: parameters whose true values are not known, each with a
 * distribution of what they might be. A two-dimensional run draws them {@link #outer()} times (outer
 * draws) and runs the scenario's trials (inner draws) once per outer draw.
 *
 * @param outer outer draws, 1 to {@link #MAX_OUTER}
 * @param parameters the uncertain parameters, in file order, at least one
 */
public record Uncertainty(int outer, List<Parameter> parameters) {

    /** Most outer draws a scenario or {@code --outer} may ask for. */
    public static final int MAX_OUTER = 100_000;

    /** Checks the count; copies the list. */
    public Uncertainty {
        if (outer < 1 || outer > MAX_OUTER) {
            throw new IllegalArgumentException("outer: expected 1 to " + MAX_OUTER + " outer draws, found " + outer);
        }
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("parameters: expected at least one uncertain parameter, found none");
        }
    }

    /**
     * @param n outer draws
     * @return this block with {@code n} outer draws ({@code --outer N})
     */
    public Uncertainty withOuter(int n) {
        return new Uncertainty(n, parameters);
    }

    /**
     * One uncertain parameter.
     *
     * @param path the number it sets, in the syntax of error messages (any numeric field or
     *             distribution parameter, as for {@link Scenario#with(ScenarioPath, double)})
     * @param values what it might be: each outer draw takes one value from it
     * @param file the scenario file, for messages
     * @param line 1-based line of the parameter in the scenario
     * @param column 1-based column
     */
    public record Parameter(ScenarioPath path, Distribution values, String file, int line, int column) {

        /** Checks presence. */
        public Parameter {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(values, "values");
        }

        /**
         * @param problem what went wrong with a value of this parameter
         * @return a located error naming the parameter
         */
        public ScenarioException error(String problem) {
            return new ScenarioException(file, line, column, "uncertainty.parameters." + path, problem);
        }
    }
}
