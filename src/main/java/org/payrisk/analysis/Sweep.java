package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * A sweep of one or two scenario parameters: every point is the base scenario with the parameters
 * set to the point's values ({@link Scenario#with}), validated like a file before anything runs, and
 * run with the same seed and trials (common random numbers across points), so each point's figures
 * are exactly those {@code payrisk run} gives for the scenario with those values, and a model that
 * does not depend on a swept field has identical figures at every point.
 *
 * <p>With two parameters the points form a grid, the first parameter varying slowest. Immutable and
 * thread safe; {@link #run} runs the points one after the other (each point on the engine's threads).
 *
 * @param base the scenario as read
 * @param parameters the varied parameters, 1 or 2
 * @param points the points, in order
 */
public record Sweep(Scenario base, List<VarySpec> parameters, List<Point> points) {

    /** Most parameters of one sweep. */
    public static final int MAX_PARAMETERS = 2;

    /**
     * One point of the sweep.
     *
     * @param index 0-based position
     * @param values one value per parameter
     * @param scenario the validated scenario with those values
     */
    public record Point(int index, double[] values, Scenario scenario) {
    }

    /** Copies the lists. */
    public Sweep {
        parameters = List.copyOf(parameters);
        points = List.copyOf(points);
    }

    /**
     * Builds and validates every point.
     *
     * @param base the scenario as read
     * @param parameters 1 or 2 distinct parameters
     * @return the sweep
     * @throws AnalysisInputException when there are no or more than 2 parameters, the same field is
     *         named twice, or a point is not a valid scenario (naming the point, the path and the rule)
     */
    public static Sweep of(Scenario base, List<VarySpec> parameters) throws AnalysisInputException {
        if (parameters.isEmpty()) {
            throw new AnalysisInputException("--vary: expected 1 or 2 parameters to sweep, e.g. --vary "
                    + "models[capitation].default.capitation.pmpm=3:6:13, found none");
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new AnalysisInputException("--vary: expected at most " + MAX_PARAMETERS + " parameters (a sweep of 2 is a "
                    + "grid), found " + parameters.size() + ": " + String.join(", ", VarySpec.texts(parameters)));
        }
        int grid = 1;
        for (VarySpec p : parameters) {
            grid *= p.values().length;
        }
        if (grid > VarySpec.MAX_VALUES * 10) {
            throw new AnalysisInputException("--vary: expected at most " + VarySpec.MAX_VALUES * 10 + " points in all, found "
                    + parameters.get(0).values().length + " x " + parameters.get(1).values().length + " = " + grid);
        }
        List<Point> points = new ArrayList<>();
        for (int index = 0; index < grid; index++) {
            double[] values = valuesAt(parameters, index);
            points.add(new Point(index, values, at(base, parameters, values, index, grid)));
        }
        if (parameters.size() == 2) {
            sameFieldCheck(base, parameters);
        }
        return new Sweep(base, parameters, points);
    }

    /** The values of point {@code index}: the first parameter varies slowest. */
    private static double[] valuesAt(List<VarySpec> parameters, int index) {
        double[] v = new double[parameters.size()];
        int rest = index;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            double[] all = parameters.get(p).values();
            v[p] = all[rest % all.length];
            rest /= all.length;
        }
        return v;
    }

    /**
     * The base scenario with every parameter set, validated.
     *
     * @param base the scenario as read
     * @param parameters the parameters
     * @param values one value per parameter
     * @param index the point's index, for messages
     * @param of the number of points, for messages
     * @return the scenario
     * @throws AnalysisInputException naming the point, its values and the scenario's message
     */
    static Scenario at(Scenario base, List<VarySpec> parameters, double[] values, int index, int of)
            throws AnalysisInputException {
        Scenario s = base;
        for (int p = 0; p < parameters.size(); p++) {
            try {
                s = s.with(parameters.get(p).path(), values[p]);
            } catch (ScenarioException e) {
                throw new AnalysisInputException("--vary " + parameters.get(p).text() + ": point " + (index + 1) + " of " + of
                        + " (" + describe(parameters, values) + ") is not a valid scenario: " + e.getMessage()
                        + "; nothing was run");
            }
        }
        return s;
    }

    /**
     * Refuses two paths that name the same field (e.g. {@code models[1]...} and
     * {@code models[capitation]...}): setting the first to two different values and then the second
     * gives the same scenario text only when the second overwrote the first.
     */
    private static void sameFieldCheck(Scenario base, List<VarySpec> parameters) throws AnalysisInputException {
        VarySpec a = parameters.get(0);
        VarySpec b = parameters.get(1);
        if (a.path().equals(b.path())) {
            throw same(a, b);
        }
        try {
            byte[] one = base.with(a.path(), a.values()[0]).with(b.path(), b.values()[0]).source().bytes();
            byte[] two = base.with(a.path(), a.values()[1]).with(b.path(), b.values()[0]).source().bytes();
            if (Arrays.equals(one, two)) {
                throw same(a, b);
            }
        } catch (ScenarioException e) {
            // every point was valid, so this cannot happen; the points' own check reports any problem
        }
    }

    private static AnalysisInputException same(VarySpec a, VarySpec b) {
        return new AnalysisInputException("--vary: expected two different fields, found `" + a.text() + "` and `" + b.text()
                + "`, which name the same field (a list item may be named by index or by name); vary it once");
    }

    /**
     * @param parameters the parameters
     * @param values a point's values
     * @return e.g. {@code models[capitation].default.capitation.pmpm = 4.5}
     */
    public static String describe(List<VarySpec> parameters, double[] values) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            parts.add(parameters.get(p).text() + " = " + VarySpec.format(values[p]));
        }
        return String.join(", ", parts);
    }

    /** Told when a point starts and how many trials of it have finished; thread safe. */
    public interface Progress extends SimulationEngine.Progress {
        /** @param point the point about to run, or the first of the points about to run together */
        default void point(Point point) {
        }
    }

    /**
     * The figures of every point.
     *
     * @param sweep the sweep
     * @param settings trials, seed and threads, the same at every point
     * @param summaries one run summary per point, in point order (without sensitivities)
     * @param simulationSeconds seconds spent simulating all points
     * @param practiceRuns how many times the practice was simulated: 1 when every point shares it
     *                     (more when memory splits the points into batches), one per point when the
     *                     swept field changes the practice
     */
    public record Result(Sweep sweep, RunSettings settings, List<RunSummary> summaries, double simulationSeconds,
                         int practiceRuns) {
        /** Copies the list. */
        public Result {
            summaries = List.copyOf(summaries);
        }
    }

    /**
     * Runs every point with the same seed and trials, simulating the practice once for all points
     * when the swept fields cannot change it ({@link PointRuns}).
     *
     * @param settings trials, seed and threads
     * @param engine the engine
     * @param progress told of each point and its finished trials
     * @return one summary per point
     * @throws InterruptedException when interrupted
     */
    public Result run(RunSettings settings, SimulationEngine engine, Progress progress) throws InterruptedException {
        return run(settings, engine, progress, PointRuns.defaultBudget());
    }

    /**
     * {@link #run(RunSettings, SimulationEngine, Progress)} with a given memory budget for the
     * points simulated together.
     *
     * @param settings trials, seed and threads
     * @param engine the engine
     * @param progress told of each point and its finished trials
     * @param budgetBytes most bytes of kept outcomes one shared run may hold
     * @return one summary per point
     * @throws InterruptedException when interrupted
     */
    Result run(RunSettings settings, SimulationEngine engine, Progress progress, long budgetBytes) throws InterruptedException {
        long t0 = System.nanoTime();
        List<RunSummary> out = new ArrayList<>();
        List<Scenario> scenarios = points.stream().map(Point::scenario).toList();
        int runs;
        try {
            runs = PointRuns.run(scenarios, settings, engine, progress, budgetBytes, i -> progress.point(points.get(i)),
                    (i, outcomes) -> out.add(Summaries.run(outcomes, false)));
        } catch (AnalysisInputException e) {
            throw new IllegalStateException(e); // the sink above never stops
        }
        return new Result(this, settings, out, (System.nanoTime() - t0) / 1e9, runs);
    }
}
