package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.payment.RandomInputs;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.scenario.Uncertainty;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.Quantiles;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;

/**
 * Parameter uncertainty, a two-dimensional simulation: each outer draw fixes the uncertain parameters
 * of a scenario's {@code uncertainty:} block at values drawn from their distributions, then runs the
 * scenario's trials (the inner draws). The spread of a figure across outer draws is what is not known
 * about the parameters; the spread within one run is the year-to-year luck of the practice.
 *
 * <p>Random numbers: outer draw d's value of a parameter is the first draw of a stream keyed by the
 * run seed, the parameter's path and d alone ({@link TrialStreams} with seed
 * {@code seed ^ fieldKey(path)}, trial d, purpose {@value #OUTER_PURPOSE}), so adding a parameter
 * changes no other parameter's draws. Every inner run uses the run seed: trial i sees the same
 * patients in every outer draw (common random numbers), so differences between outer draws come
 * from the parameters alone.
 *
 * <p>Memory: only the figures of each outer draw are kept (five numbers per model), never its trials.
 */
public final class ParameterUncertainty {

    /** Stream purpose of the outer draws, apart from every purpose of the inner trials. */
    public static final int OUTER_PURPOSE = (1 << 24) - 3;

    /** The headline figures summarised across outer draws, as summary.json names them. */
    public static final List<String> FIGURES = List.of("mean", "p05", "p50", "probLoss", "cashProbNegativeAnyMonth");

    private ParameterUncertainty() {
    }

    /**
     * A figure's spread across outer draws (type-7 quantiles of the per-draw values).
     *
     * @param median the median across outer draws
     * @param p05 the 5th percentile
     * @param p95 the 95th percentile
     */
    public record Interval(double median, double p05, double p95) {

        static Interval of(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return new Interval(Quantiles.type7(s, 0.5), Quantiles.type7(s, 0.05), Quantiles.type7(s, 0.95));
        }
    }

    /**
     * One model's figures across outer draws.
     *
     * @param name the model
     * @param figures by {@link #FIGURES} name, in that order (cashProbNegativeAnyMonth absent when the run has no cash)
     */
    public record ModelIntervals(String name, Map<String, Interval> figures) {
        /** Copies the map, keeping its order. */
        public ModelIntervals {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    /**
     * The result summary.json records.
     *
     * @param outer outer draws
     * @param trialsPerDraw inner trials of each outer draw
     * @param parameters the uncertain parameters' paths, in file order
     * @param distributions each parameter's distribution in words, e.g. {@code uniform(min 38, max 46)}
     * @param models per model, in scenario order
     */
    public record Result(int outer, int trialsPerDraw, List<String> parameters, List<String> distributions,
                         List<ModelIntervals> models) {
        /** Copies the lists. */
        public Result {
            parameters = List.copyOf(parameters);
            distributions = List.copyOf(distributions);
            models = List.copyOf(models);
        }

        /**
         * @param model a model's name
         * @return its intervals, or null
         */
        public ModelIntervals model(String model) {
            return models.stream().filter(m -> m.name().equals(model)).findFirst().orElse(null);
        }
    }

    /**
     * The outer draws' parameter values.
     *
     * @param u the uncertainty block
     * @param seed the run seed
     * @return values[draw][parameter]
     */
    public static double[][] draws(Uncertainty u, long seed) {
        double[][] out = new double[u.outer()][u.parameters().size()];
        for (int p = 0; p < u.parameters().size(); p++) {
            Uncertainty.Parameter param = u.parameters().get(p);
            TrialStreams streams = new TrialStreams(seed ^ RandomInputs.fieldKey(param.path().toString()));
            for (int d = 0; d < u.outer(); d++) {
                UniformRandomProvider rng = streams.stream(d, OUTER_PURPOSE);
                out[d][p] = param.values().createSampler(rng).sample();
            }
        }
        return out;
    }

    /**
     * Checks, before anything is drawn, that each parameter's path leads to a number of the scenario
     * and that the ends of its distribution's support (where finite) keep the scenario valid, the
     * other parameters at the scenario's own values.
     *
     * @param base the scenario
     * @param u its uncertainty block
     * @throws ScenarioException naming the parameter, located at it, with what the end makes invalid
     */
    public static void checkSupport(Scenario base, Uncertainty u) throws ScenarioException {
        for (Uncertainty.Parameter p : u.parameters()) {
            Distribution d = p.values();
            double[] ends = {d.supportMin(), d.supportMax()};
            boolean anyFinite = false;
            for (int e = 0; e < 2; e++) {
                if (!Double.isFinite(ends[e])) {
                    continue;
                }
                anyFinite = true;
                try {
                    base.with(p.path(), ends[e]);
                } catch (ScenarioException ex) {
                    if (failsWhateverTheValue(base, p, d, ends[e], ex)) {
                        // a misspelt or missing field: blame the path, not the value the distribution can draw
                        throw p.error("the path does not lead to a number this scenario can take: " + ex.problem());
                    }
                    throw p.error(String.format(Locale.ROOT, "its distribution %s can draw %s (the %s end of its support), "
                            + "which makes the scenario invalid: %s", describe(d), format(ends[e]),
                            e == 0 ? "lower" : "upper", ex.problem()));
                }
            }
            if (!anyFinite) {
                try {
                    base.with(p.path(), d.mean());
                } catch (ScenarioException ex) {
                    throw p.error(ex.problem());
                }
            }
        }
    }

    /** Whether another value at the same path fails the same way: then the path, not the value, is at fault. */
    private static boolean failsWhateverTheValue(Scenario base, Uncertainty.Parameter p, Distribution d, double tried,
                                                 ScenarioException first) {
        double other = Double.isFinite(d.mean()) && d.mean() != tried ? d.mean() : tried + 1;
        try {
            base.with(p.path(), other);
            return false;
        } catch (ScenarioException again) {
            return again.problem().equals(first.problem());
        }
    }

    /**
     * The scenario of each outer draw, every one validated before any inner trial runs.
     *
     * @param base the scenario
     * @param u its uncertainty block
     * @param values {@link #draws}
     * @return one scenario per outer draw
     * @throws ScenarioException naming the parameter and the draw that make the scenario invalid
     */
    public static List<Scenario> scenarios(Scenario base, Uncertainty u, double[][] values) throws ScenarioException {
        List<Scenario> out = new ArrayList<>(values.length);
        for (int d = 0; d < values.length; d++) {
            Map<ScenarioPath, Double> changes = new LinkedHashMap<>();
            for (int p = 0; p < values[d].length; p++) {
                changes.put(u.parameters().get(p).path(), values[d][p]);
            }
            try {
                out.add(base.with(changes));
            } catch (ScenarioException ex) {
                throw culprit(base, u, values, d, ex);
            }
        }
        return out;
    }

    /** The parameter whose value alone breaks the scenario, else all of them together. */
    private static ScenarioException culprit(Scenario base, Uncertainty u, double[][] values, int d, ScenarioException ex) {
        for (int p = 0; p < values[d].length; p++) {
            Uncertainty.Parameter param = u.parameters().get(p);
            try {
                base.with(param.path(), values[d][p]);
            } catch (ScenarioException single) {
                return param.error(String.format(Locale.ROOT, "outer draw %d of %d set it to %s, which makes the scenario "
                        + "invalid: %s", d + 1, values.length, format(values[d][p]), single.problem()));
            }
        }
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < values[d].length; p++) {
            parts.add(u.parameters().get(p).path() + " = " + format(values[d][p]));
        }
        return u.parameters().get(0).error(String.format(Locale.ROOT, "outer draw %d of %d (%s) makes the scenario "
                + "invalid: %s", d + 1, values.length, String.join(", ", parts), ex.problem()));
    }

    /**
     * The outer draws of a run, each a validated scenario: made before any inner trial runs, so a
     * draw that makes the scenario invalid stops the run at once.
     *
     * @param base the scenario
     * @param u its uncertainty block, with the outer count to use
     * @param scenarios one scenario per outer draw
     */
    public record Plan(Scenario base, Uncertainty u, List<Scenario> scenarios) {
    }

    /**
     * Checks the parameters' supports ({@link #checkSupport}), draws the outer values and builds the
     * scenario of every outer draw.
     *
     * @param base the scenario
     * @param u its uncertainty block, with the outer count to use
     * @param seed the run seed
     * @return the plan
     * @throws ScenarioException naming the parameter (and the draw) that makes the scenario invalid
     */
    public static Plan plan(Scenario base, Uncertainty u, long seed) throws ScenarioException {
        checkSupport(base, u);
        return new Plan(base, u, scenarios(base, u, draws(u, seed)));
    }

    /**
     * Runs every outer draw's inner trials and summarises each figure across the draws.
     *
     * @param plan the outer draws
     * @param inner trials, seed and threads of every inner run (the same seed: common random numbers)
     * @param engine the engine
     * @param progress told of finished inner trials
     * @return the intervals
     * @throws InterruptedException when interrupted
     */
    public static Result run(Plan plan, RunSettings inner, SimulationEngine engine, SimulationEngine.Progress progress)
            throws InterruptedException {
        Scenario base = plan.base();
        Uncertainty u = plan.u();
        List<Scenario> scenarios = new ArrayList<>(plan.scenarios());
        List<String> names = base.modelNames();
        double[][][] figures = new double[names.size()][FIGURES.size()][u.outer()];
        boolean cash = true;
        for (int d = 0; d < scenarios.size(); d++) {
            RunSummary s = Summaries.run(engine.run(scenarios.get(d), inner, progress), false); // its figures need no sensitivity
            scenarios.set(d, null); // keep only the figures
            for (int m = 0; m < names.size(); m++) {
                ModelSummary ms = s.models().get(m);
                figures[m][0][d] = ms.netIncome().mean();
                figures[m][1][d] = ms.netIncome().percentile(5);
                figures[m][2][d] = ms.netIncome().percentile(50);
                figures[m][3][d] = ms.netIncome().probLoss();
                cash &= ms.cash() != null;
                figures[m][4][d] = ms.cash() == null ? Double.NaN : ms.cash().probNegativeAnyMonth();
            }
        }
        List<ModelIntervals> models = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            Map<String, Interval> byFigure = new LinkedHashMap<>();
            for (int f = 0; f < FIGURES.size(); f++) {
                if (f < 4 || cash) {
                    byFigure.put(FIGURES.get(f), Interval.of(figures[m][f]));
                }
            }
            models.add(new ModelIntervals(names.get(m), byFigure));
        }
        return new Result(u.outer(), inner.trials(), u.parameters().stream().map(p -> p.path().toString()).toList(),
                u.parameters().stream().map(p -> describe(p.values())).toList(), models);
    }

    /** A distribution in words, as the report writes it, e.g. {@code uniform(min 38, max 46)}. */
    static String describe(Distribution d) {
        return d.toString();
    }

    private static String format(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
