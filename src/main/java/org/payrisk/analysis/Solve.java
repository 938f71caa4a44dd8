package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * Break-even and reverse stress tests: the value of one scenario field at which a {@link Target}
 * holds with equality, or the edge of the region where an inequality holds.
 *
 * <p>Method. Every evaluation runs the scenario with the field set ({@link Scenario#with}) on the same
 * seed and trials, so the target difference d(x) = LHS(x) - RHS(x) is a deterministic function of the
 * value x. It is evaluated at {@value #SCAN} evenly spaced values from LO to HI (both ends included):
 * when it does not change sign there is no root in [LO, HI], and when the values are not monotone
 * the root would not be unique; both are refused. The bracket where the sign changes is then solved
 * with Brent's method (commons-math3 {@link BrentSolver}) to an absolute tolerance of
 * {@value #RELATIVE_TOLERANCE} x (HI - LO).
 *
 * <p>Monte Carlo interval. With the seed fixed the root has no solver error worth the name, but a
 * different seed would move it. The 95% interval is the set of values where |d(x)| &lt;= 1.96 s,
 * s = the Monte Carlo standard error of d at the root ({@link Target#errorMethod}); its ends are the
 * roots of d(x) = -1.96 s and d(x) = +1.96 s, found the same way (an end that falls outside [LO, HI]
 * is cut at the bracket and flagged). This is the inversion of the z-test of "d(x) = 0": it assumes
 * s changes little across the interval. Not thread safe to share during {@link #solve}; the result
 * is immutable.
 */
public final class Solve {

    /** Evaluations of the first scan (both ends included). */
    public static final int SCAN = 9;
    /** Solver tolerance as a share of HI - LO. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** Normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private static final int MAX_EVALUATIONS = 100;

    /**
     * One run of the scenario at one value.
     *
     * @param value the field's value
     * @param lhs left side
     * @param rhs right side
     * @param differenceStdError Monte Carlo standard error of lhs - rhs
     */
    public record Evaluation(double value, double lhs, double rhs, double differenceStdError) {
        /** @return lhs - rhs */
        public double difference() {
            return lhs - rhs;
        }
    }

    /**
     * The solved value.
     *
     * @param path the varied field as written
     * @param target the target
     * @param lo lower end of the search bracket
     * @param hi upper end of the search bracket
     * @param value the root (the edge of the region, for an inequality)
     * @param interval 95% Monte Carlo interval {lo, hi} (NaN when the error is unknown)
     * @param intervalCut whether each end of the interval was cut at the bracket
     * @param intervalMethod the interval's method in words
     * @param tolerance the solver's absolute tolerance, in the field's units
     * @param holdsAbove for an inequality: whether it holds above the value (else below); null for =
     * @param settings trials, seed and threads of every evaluation
     * @param evaluations every evaluation, by value
     * @param practiceRuns how many times the practice was simulated (values tried together share one
     *                     simulation when the field is a payment term)
     */
    public record Result(String path, Target target, double lo, double hi, double value, double[] interval,
                         boolean[] intervalCut, String intervalMethod, double tolerance, Boolean holdsAbove,
                         RunSettings settings, List<Evaluation> evaluations, int practiceRuns) {
    }

    private final Scenario base;
    private final ScenarioPath path;
    private final String pathText;
    private final Target target;
    private final RunSettings settings;
    private final SimulationEngine engine;
    private final SimulationEngine.Progress progress;
    private final Map<Double, Evaluation> done = new TreeMap<>();
    private int practiceRuns;

    private Solve(Scenario base, ScenarioPath path, String pathText, Target target, RunSettings settings,
                  SimulationEngine engine, SimulationEngine.Progress progress) {
        this.base = base;
        this.path = path;
        this.pathText = pathText;
        this.target = target;
        this.settings = settings;
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * Checks the bracket's ends are valid scenarios (before anything runs).
     *
     * @param base the scenario
     * @param path the field
     * @param lo lower end
     * @param hi upper end
     * @throws AnalysisInputException when LO &gt;= HI or an end is not a valid scenario
     */
    public static void check(Scenario base, ScenarioPath path, double lo, double hi) throws AnalysisInputException {
        if (!(lo < hi)) {
            throw new AnalysisInputException("--between " + VarySpec.format(lo) + ":" + VarySpec.format(hi)
                    + ": expected LO < HI, found LO " + (lo == hi ? "= " : "> ") + "HI");
        }
        for (double v : new double[] {lo, hi}) {
            try {
                base.with(path, v);
            } catch (ScenarioException e) {
                throw new AnalysisInputException("--vary " + path + " = " + VarySpec.format(v) + " (an end of --between) is "
                        + "not a valid scenario: " + e.getMessage() + "; nothing was run");
            }
        }
    }

    /**
     * Solves the target for the field.
     *
     * @param base the scenario as read
     * @param path the varied field
     * @param lo lower end of the bracket
     * @param hi upper end, &gt; lo
     * @param target the target
     * @param settings trials, seed and threads of every evaluation
     * @param engine the engine
     * @param progress told of finished trials
     * @return the root, its interval and every evaluation
     * @throws AnalysisInputException when there is no root in the bracket, the target is not monotone
     *         there, or a value is not a valid scenario
     * @throws InterruptedException when interrupted
     */
    public static Result solve(Scenario base, ScenarioPath path, double lo, double hi, Target target, RunSettings settings,
                               SimulationEngine engine, SimulationEngine.Progress progress)
            throws AnalysisInputException, InterruptedException {
        check(base, path, lo, hi);
        return new Solve(base, path, path.toString(), target, settings, engine, progress).run(lo, hi);
    }

    private Result run(double lo, double hi) throws AnalysisInputException, InterruptedException {
        double[] xs = new double[SCAN];
        double[] ds = new double[SCAN];
        for (int i = 0; i < SCAN; i++) {
            xs[i] = i == SCAN - 1 ? hi : lo + (hi - lo) * i / (SCAN - 1);
        }
        evaluateAll(xs);
        for (int i = 0; i < SCAN; i++) {
            ds[i] = done.get(xs[i]).difference();
        }
        String ends = "at " + VarySpec.format(lo) + " " + sides(done.get(lo)) + "; at " + VarySpec.format(hi) + " "
                + sides(done.get(hi));
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < SCAN; i++) {
            up &= ds[i] >= ds[i - 1];
            down &= ds[i] <= ds[i - 1];
        }
        if (!up && !down) {
            throw new AnalysisInputException("--target \"" + target.text() + "\": the target is not monotone in " + pathText
                    + " over [" + VarySpec.format(lo) + ", " + VarySpec.format(hi) + "], so a root would not be unique ("
                    + scanText(xs) + "); " + ends + ". Narrow --between to a range where it only rises or only falls");
        }
        boolean holdsLo = target.op().holds(ds[0]);
        boolean holdsHi = target.op().holds(ds[SCAN - 1]);
        if (Math.signum(ds[0]) * Math.signum(ds[SCAN - 1]) > 0
                || target.op() != Target.Op.EQ && holdsLo == holdsHi) {
            String why = target.op() == Target.Op.EQ ? "no root: LHS - RHS has the same sign at both ends"
                    : holdsLo ? "it holds at both ends, so its edge is not inside" : "it holds at neither end, so its edge is not inside";
            throw new AnalysisInputException("--target \"" + target.text() + "\": " + why + " of [" + VarySpec.format(lo)
                    + ", " + VarySpec.format(hi) + "] for " + pathText + ": " + ends + ". Widen --between");
        }
        double tolerance = (hi - lo) * RELATIVE_TOLERANCE;
        double root = root(0, tolerance);
        Evaluation atRoot = evaluate(root);
        double s = atRoot.differenceStdError();
        double[] interval = {Double.NaN, Double.NaN};
        boolean[] cut = {false, false};
        if (Double.isFinite(s)) {
            double a = levelRoot(-Z95 * s, tolerance, lo, hi);
            double b = levelRoot(Z95 * s, tolerance, lo, hi);
            interval[0] = Math.min(a, b);
            interval[1] = Math.max(a, b);
            cut[0] = interval[0] == lo && Math.abs(done.get(lo).difference()) < Z95 * s;
            cut[1] = interval[1] == hi && Math.abs(done.get(hi).difference()) < Z95 * s;
        }
        String method = "the values where |LHS - RHS| <= 1.96 x s, s = the Monte Carlo standard error of LHS - RHS at the "
                + "root (" + target.errorMethod() + "), found as the roots of LHS - RHS = -1.96 s and +1.96 s with the same "
                + "seed and trials (inversion of the z-test of LHS = RHS; it assumes s changes little across the interval)"
                + (Double.isFinite(s) ? "" : "; not available: a batch-means error needs at least "
                + Summaries.MIN_TRIALS_FOR_MCSE + " trials");
        Boolean above = target.op() == Target.Op.EQ ? null : holdsHi;
        return new Result(pathText, target, lo, hi, root, interval, cut, method, tolerance, above, settings,
                List.copyOf(done.values()), practiceRuns);
    }

    private String scanText(double[] xs) {
        List<String> parts = new ArrayList<>();
        for (double x : xs) {
            parts.add(VarySpec.format(x) + ": " + fmt(done.get(x).difference()));
        }
        return "LHS - RHS by value: " + String.join(", ", parts);
    }

    private static String sides(Evaluation e) {
        return "LHS = " + fmt(e.lhs()) + ", RHS = " + fmt(e.rhs());
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** The root of d(x) - level inside [lo, hi], or the end nearest it when d - level keeps its sign. */
    private double levelRoot(double level, double tolerance, double lo, double hi) throws AnalysisInputException,
            InterruptedException {
        double dLo = done.get(lo).difference() - level;
        double dHi = done.get(hi).difference() - level;
        if (Math.signum(dLo) * Math.signum(dHi) > 0) {
            return Math.abs(dLo) < Math.abs(dHi) ? lo : hi;
        }
        return root(level, tolerance);
    }

    /** Brent's method on the tightest evaluated bracket of d(x) = level. */
    private double root(double level, double tolerance) throws AnalysisInputException, InterruptedException {
        List<Evaluation> pts = new ArrayList<>(done.values());
        double a = Double.NaN;
        double b = Double.NaN;
        for (int i = 0; i < pts.size(); i++) {
            double di = pts.get(i).difference() - level;
            if (di == 0) {
                return pts.get(i).value();
            }
            if (i > 0 && Math.signum(pts.get(i - 1).difference() - level) != Math.signum(di)) {
                a = pts.get(i - 1).value();
                b = pts.get(i).value();
            }
        }
        if (Double.isNaN(a)) {
            throw new IllegalStateException("no bracket for level " + level);
        }
        BrentSolver brent = new BrentSolver(1e-15, tolerance, 0);
        try {
            return brent.solve(MAX_EVALUATIONS, x -> {
                try {
                    return evaluate(x).difference() - level;
                } catch (AnalysisInputException | InterruptedException e) {
                    throw new Escape(e);
                }
            }, a, b);
        } catch (Escape e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw (AnalysisInputException) e.getCause();
        } catch (MathIllegalStateException e) {
            throw new AnalysisInputException("--target \"" + target.text() + "\": Brent's method did not converge within "
                    + MAX_EVALUATIONS + " evaluations between " + VarySpec.format(a) + " and " + VarySpec.format(b));
        }
    }

    /** Carries a checked failure out of the solver's function. */
    private static final class Escape extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Escape(Exception cause) {
            super(cause);
        }
    }

    private Evaluation evaluate(double x) throws AnalysisInputException, InterruptedException {
        evaluateAll(new double[] {x});
        return done.get(x);
    }

    /**
     * Evaluates the target at every value not yet evaluated: as one run that simulates the practice
     * once when the field is a payment term ({@link PointRuns}), else one run per value.
     */
    private void evaluateAll(double[] xs) throws AnalysisInputException, InterruptedException {
        List<Double> todo = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (double x : xs) {
            if (done.containsKey(x) || todo.contains(x)) {
                continue;
            }
            try {
                scenarios.add(base.with(path, x));
            } catch (ScenarioException ex) {
                throw new AnalysisInputException("--vary " + pathText + " = " + VarySpec.format(x) + " (a value tried while "
                        + "solving) is not a valid scenario: " + ex.getMessage() + "; narrow --between");
            }
            todo.add(x);
        }
        if (todo.isEmpty()) {
            return;
        }
        practiceRuns += PointRuns.run(scenarios, settings, engine, progress, PointRuns.defaultBudget(), i -> { }, (i, outcomes) -> {
            RunSummary summary = Summaries.run(outcomes, false);
            Target.Value v = target.evaluate(summary, outcomes);
            double x = todo.get(i);
            done.put(x, new Evaluation(x, v.lhs(), v.rhs(), v.differenceStdError()));
        });
    }
}
