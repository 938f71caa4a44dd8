package org.payrisk.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * A population of practices: every row of a profiles file ({@link PracticeProfiles}) applied to a base
 * scenario ({@link Scenario#with(Map)}), optionally at every value of one swept field ({@code --vary}),
 * each practice run with its own seed derived from (run seed, practice id) ({@link #practiceSeed}), so
 * adding, removing or reordering rows never changes another practice's figures, and a practice's
 * figures at one point are exactly those {@code payrisk run --seed S'} gives for its scenario.
 *
 * <p>Every (point, practice) scenario is built and validated by {@link #of} before anything runs.
 * Across practices, figures are weighted by the rows' weights and aggregated in id order (so the
 * order of the rows changes no figure, not even in the last bit).
 *
 * <p>Immutable; {@link #run} runs practices in chunks on a {@link Runner} (the local engine, or Spark
 * through the spark room), keeping per practice only the few figures the population reports.
 *
 * @param base the base scenario as read
 * @param profiles the practices
 * @param vary the swept field, or null
 * @param points per point (one when nothing is swept), the scenario of every practice, in row order
 */
public record Population(Scenario base, PracticeProfiles profiles, VarySpec vary, List<List<Scenario>> points) {

    /** A practice is "at risk" when its chance of a losing year is above this (a 1-in-10 chance). */
    public static final double AT_RISK_PROB_LOSS = 0.10;

    /** The across-practice quantiles reported (percent), of each per-practice figure. */
    public static final int[] PERCENTILES = {5, 25, 50, 75, 95};

    /** Trials held in memory at once (practices run together in a chunk), whatever the trials per practice. */
    static final int CHUNK_TRIALS = 64 * 1024;

    /** Copies the lists. */
    public Population {
        List<List<Scenario>> copy = new ArrayList<>();
        for (List<Scenario> p : points) {
            copy.add(List.copyOf(p));
        }
        points = List.copyOf(copy);
    }

    /**
     * Builds and validates every practice's scenario at every point.
     *
     * @param base the base scenario
     * @param profiles the practices
     * @param vary the swept field, or null
     * @return the population
     * @throws AnalysisInputException naming the file, line, column, row, field path, expected and
     *     found for the first row whose values do not make a valid scenario (after checking every row:
     *     the message says how many rows fail), or when the swept field is also a column
     */
    public static Population of(Scenario base, PracticeProfiles profiles, VarySpec vary) throws AnalysisInputException {
        if (vary != null) {
            for (PracticeProfiles.Column c : profiles.columns()) {
                if (c.path().equals(vary.path())) {
                    throw new AnalysisInputException("--vary " + vary.text() + ": expected a field that is not a column of "
                            + profiles.file() + ", found it as column " + c.field() + " (" + c.text() + "): a practice's value "
                            + "would be overwritten at every point; sweep another field or drop the column");
                }
            }
        }
        double[] values = vary == null ? new double[] {Double.NaN} : vary.values();
        List<List<Scenario>> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int p = 0; p < values.length; p++) {
            List<Scenario> practices = new ArrayList<>();
            for (PracticeProfiles.Row row : profiles.rows()) {
                Map<ScenarioPath, Double> changes = changes(profiles, row);
                if (vary != null) {
                    changes.put(vary.path(), values[p]);
                }
                try {
                    practices.add(base.with(changes));
                } catch (ScenarioException e) {
                    problems.add(diagnose(base, profiles, row, vary, values[p], e));
                    practices.add(null);
                }
            }
            points.add(practices);
            if (!problems.isEmpty()) {
                break; // the rows' problems are the same at every point; report them once
            }
        }
        if (!problems.isEmpty()) {
            throw new AnalysisInputException(problems.get(0) + (problems.size() == 1 ? "" : " (" + problems.size()
                    + " rows have problems; the first is shown)") + "; nothing was run");
        }
        return new Population(base, profiles, vary, points);
    }

    /** A row's non-empty cells as changes, in column order. */
    private static Map<ScenarioPath, Double> changes(PracticeProfiles profiles, PracticeProfiles.Row row) {
        Map<ScenarioPath, Double> changes = new LinkedHashMap<>();
        for (int c = 0; c < profiles.columns().size(); c++) {
            if (!Double.isNaN(row.values()[c])) {
                changes.put(profiles.columns().get(c).path(), row.values()[c]);
            }
        }
        return changes;
    }

    /**
     * Names the cell that made a row invalid: the column whose path the scenario's message names; else
     * a cell that is invalid on its own at its own path (an unknown field); else a cell that is invalid
     * on its own and without which the row is valid. A rule broken only by several cells together
     * (payer shares that do not sum to 1) is reported for the row.
     */
    private static String diagnose(Scenario base, PracticeProfiles profiles, PracticeProfiles.Row row, VarySpec vary,
                                   double point, ScenarioException e) {
        String pointText = vary == null ? "" : " with " + vary.text() + " = " + VarySpec.format(point);
        List<PracticeProfiles.Column> columns = profiles.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (!Double.isNaN(row.values()[c]) && columns.get(c).path().toString().equals(e.path())) {
                return cell(profiles, row, c, pointText, e);
            }
        }
        ScenarioException[] alone = new ScenarioException[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            if (Double.isNaN(row.values()[c])) {
                continue;
            }
            try {
                base.with(columns.get(c).path(), row.values()[c]);
            } catch (ScenarioException x) {
                alone[c] = x;
                if (columns.get(c).path().toString().equals(x.path())) {
                    return cell(profiles, row, c, pointText, x);
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (alone[c] == null) {
                continue;
            }
            Map<ScenarioPath, Double> others = changes(profiles, row);
            others.remove(columns.get(c).path());
            try {
                base.with(others);
                return cell(profiles, row, c, pointText, alone[c]);
            } catch (ScenarioException x) {
                // the row is invalid without this cell too: not this cell alone
            }
        }
        return profiles.where(row) + pointText + ": the base scenario with this row's values is not valid at field "
                + e.path() + ": " + e.problem();
    }

    private static String cell(PracticeProfiles profiles, PracticeProfiles.Row row, int c, String pointText,
                               ScenarioException e) {
        return profiles.where(row, c) + pointText + ": field " + e.path() + ": " + e.problem() + " (found "
                + VarySpec.format(row.values()[c]) + " in the cell)";
    }

    /**
     * The seed of one practice: the run seed and the practice id (its UTF-8 bytes hashed with 64-bit
     * FNV-1a), mixed by the SplitMix64 finaliser. It depends on nothing else (not the row's position,
     * not the other rows), so adding or reordering rows changes no practice's results.
     *
     * @param runSeed the run's seed
     * @param id the practice id
     * @return the seed its trials run with
     */
    public static long practiceSeed(long runSeed, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return TrialStreams.mix(TrialStreams.mix(runSeed) ^ TrialStreams.mix(h));
    }

    /** Runs a list of scenarios, each with its own settings, and returns each one's outcomes. */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param scenarios validated scenarios
         * @param settings one per scenario (trials, seed, threads)
         * @param progress told how many trials finished
         * @return every trial's outcomes of each scenario, in the order given
         * @throws InterruptedException when interrupted
         */
        List<TrialOutcomes> runAll(List<Scenario> scenarios, List<RunSettings> settings, SimulationEngine.Progress progress)
                throws InterruptedException;

        /**
         * @param engine an engine
         * @return a runner that runs the scenarios one after the other on it
         */
        static Runner of(SimulationEngine engine) {
            return (scenarios, settings, progress) -> {
                List<TrialOutcomes> out = new ArrayList<>(scenarios.size());
                for (int i = 0; i < scenarios.size(); i++) {
                    out.add(engine.run(scenarios.get(i), settings.get(i), progress));
                }
                return out;
            };
        }
    }

    /**
     * One practice's figures under one model (net income over the horizon).
     *
     * @param mean mean net income
     * @param meanStdError its Monte Carlo standard error
     * @param p05 5th percentile (type 7)
     * @param probLoss share of trials with a loss
     */
    public record Figures(double mean, double meanStdError, double p05, double probLoss) {
    }

    /**
     * Across practices, one model at one point.
     *
     * @param model the model's name
     * @param meanNetIncome weighted mean and quantiles ({@link #PERCENTILES}) of the practices' mean net income
     * @param p05NetIncome the same of the practices' 5th percentile
     * @param probLoss the same of the practices' P(loss)
     * @param shareAtRisk weighted share of practices whose P(loss) exceeds {@link #AT_RISK_PROB_LOSS}
     * @param shareBest weighted share of practices for which this model has the highest mean net income
     *     (a tie shares the practice's weight equally among the tied models)
     */
    public record Across(String model, Distribution meanNetIncome, Distribution p05NetIncome, Distribution probLoss,
                         double shareAtRisk, double shareBest) {
    }

    /**
     * A weighted distribution across practices.
     *
     * @param mean weighted mean
     * @param quantiles at {@link #PERCENTILES}: the smallest value whose cumulative weight reaches the
     *     share (the inverse of the weighted empirical distribution function; with equal weights, type 1)
     */
    public record Distribution(double mean, double[] quantiles) {
    }

    /**
     * The population's figures.
     *
     * @param population what was run
     * @param settings trials per practice, run seed, threads
     * @param practices per point, per practice (row order), per model: the figures
     * @param across per point, per model: the across-practice figures
     * @param simulationSeconds seconds spent simulating
     */
    public record Result(Population population, RunSettings settings, List<List<List<Figures>>> practices,
                         List<List<Across>> across, double simulationSeconds) {
    }

    /** @return the swept values, or one NaN when nothing is swept */
    public double[] pointValues() {
        return vary == null ? new double[] {Double.NaN} : vary.values();
    }

    /**
     * Runs every practice at every point.
     *
     * @param settings trials per practice, the run seed (each practice's is derived), threads
     * @param runner runs a chunk of practices
     * @param progress told of finished trials
     * @return the figures
     * @throws InterruptedException when interrupted
     */
    public Result run(RunSettings settings, Runner runner, SimulationEngine.Progress progress) throws InterruptedException {
        long t0 = System.nanoTime();
        List<PracticeProfiles.Row> rows = profiles.rows();
        int chunk = Math.max(1, CHUNK_TRIALS / settings.trials());
        List<List<List<Figures>>> all = new ArrayList<>();
        List<List<Across>> across = new ArrayList<>();
        for (List<Scenario> point : points) {
            List<List<Figures>> figures = new ArrayList<>(rows.size());
            for (int from = 0; from < rows.size(); from += chunk) {
                int to = Math.min(rows.size(), from + chunk);
                List<RunSettings> each = new ArrayList<>();
                for (int r = from; r < to; r++) {
                    each.add(new RunSettings(settings.trials(), practiceSeed(settings.seed(), rows.get(r).id()),
                            settings.threads()));
                }
                List<TrialOutcomes> outcomes = runner.runAll(point.subList(from, to), each, progress);
                for (TrialOutcomes o : outcomes) {
                    figures.add(figures(Summaries.run(o)));
                }
            }
            all.add(figures);
            across.add(across(base.modelNames(), rows, figures));
        }
        return new Result(this, settings, all, across, (System.nanoTime() - t0) / 1e9);
    }

    private static List<Figures> figures(RunSummary s) {
        List<Figures> out = new ArrayList<>(s.models().size());
        for (ModelSummary m : s.models()) {
            MetricSummary ni = m.netIncome();
            out.add(new Figures(ni.mean(), ni.meanStdError(), ni.percentile(5), ni.probLoss()));
        }
        return out;
    }

    /** The across-practice figures of one point, computed in practice-id order. */
    static List<Across> across(List<String> models, List<PracticeProfiles.Row> rows, List<List<Figures>> figures) {
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> rows.get(i).id()));
        double total = 0;
        for (int i : order) {
            total += rows.get(i).weight();
        }
        double[] best = new double[models.size()];
        for (int i : order) {
            List<Figures> f = figures.get(i);
            double top = Double.NEGATIVE_INFINITY;
            for (Figures x : f) {
                top = Math.max(top, x.mean());
            }
            int ties = 0;
            for (Figures x : f) {
                ties += x.mean() == top ? 1 : 0;
            }
            for (int m = 0; m < f.size(); m++) {
                if (f.get(m).mean() == top) {
                    best[m] += rows.get(i).weight() / ties;
                }
            }
        }
        List<Across> out = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            final int model = m;
            double atRisk = 0;
            for (int i : order) {
                if (figures.get(i).get(model).probLoss() > AT_RISK_PROB_LOSS) {
                    atRisk += rows.get(i).weight();
                }
            }
            out.add(new Across(models.get(m),
                    distribution(rows, order, total, i -> figures.get(i).get(model).mean()),
                    distribution(rows, order, total, i -> figures.get(i).get(model).p05()),
                    distribution(rows, order, total, i -> figures.get(i).get(model).probLoss()),
                    atRisk / total, best[m] / total));
        }
        return out;
    }

    private static Distribution distribution(List<PracticeProfiles.Row> rows, Integer[] order, double total,
                                             java.util.function.IntToDoubleFunction value) {
        double sum = 0;
        for (int i : order) {
            sum += rows.get(i).weight() * value.applyAsDouble(i);
        }
        Integer[] byValue = order.clone();
        Arrays.sort(byValue, Comparator.comparingDouble(i -> value.applyAsDouble(i))); // stable: ties stay in id order
        double[] q = new double[PERCENTILES.length];
        for (int k = 0; k < PERCENTILES.length; k++) {
            double need = PERCENTILES[k] * total / 100.0;
            double cumulative = 0;
            double v = value.applyAsDouble(byValue[byValue.length - 1]);
            for (int i : byValue) {
                cumulative += rows.get(i).weight();
                if (cumulative >= need) {
                    v = value.applyAsDouble(i);
                    break;
                }
            }
            q[k] = v;
        }
        return new Distribution(sum / total, q);
    }
}
