package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.math.BigDecimal;
import org.payrisk.analysis.InputCorrelations;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.analysis.PrecisionRun;
import org.payrisk.analysis.RunAnalyses;
import org.payrisk.analysis.Stopping;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.RunPipeline;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.Uncertainty;
import org.payrisk.spark.SparkEngines;
import org.payrisk.spark.SparkUnavailableException;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk run}: simulate a scenario and write its run directory ({@link WatchCommand} runs it again on each change). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate a scenario and write summary.json, run.json, the charts, report.html and brief.md "
                + "into a new run directory.")
class RunCommand implements Callable<Integer> {

    static final int MAX_THREADS = 1024;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenarioFile;

    @Option(names = "--trials", paramLabel = "N", converter = WholeNumbers.Trials.class,
            description = "Trials (overrides simulation.trials), 1 to 100000000.")
    Integer trials;

    @Option(names = "--precision", paramLabel = "REL", converter = Precision.class,
            description = "Run until every model's mean net income and its 1-in-20 figure are known to within REL x "
                    + "|mean| (a number in (0, 1], e.g. 0.01; overrides simulation.precision); replaces --trials.")
    Double precision;

    @Option(names = "--max-trials", paramLabel = "N", converter = WholeNumbers.Trials.class,
            description = "Cap of a --precision run, 1 to 100000000 (default 10000000).")
    Integer maxTrials;

    @Option(names = "--outer", paramLabel = "N", description = "Outer draws of the scenario's uncertainty: block "
            + "(overrides its outer), 1 to 100000; each runs the scenario's trials.")
    Integer outer;

    @Option(names = "--seed", paramLabel = "S", converter = WholeNumbers.Seed.class,
            description = "Seed (overrides simulation.seed), a whole number from -2^63 to 2^63-1.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", converter = WholeNumbers.Threads.class,
            description = "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: output/<scenario file stem>).")
    Path out;

    @Option(names = "--force", description = "Replace an earlier run in DIR (only a folder a payrisk run wrote; "
            + "anything else is refused).")
    boolean force;

    @Option(names = "--export-trials", description = "Also write trials.csv, one row per trial, streamed to disk "
            + "as the trials finish.")
    boolean exportTrials;

    @Option(names = "--gzip-trials", description = "With --export-trials: write trials.csv.gz (gzip) instead.")
    boolean gzipTrials;

    @Option(names = "--no-report", description = "Skip the charts, report.html and brief (render later with payrisk report DIR).")
    boolean noReport;

    @Option(names = "--quiet", description = "No progress bar and no results table; errors only.")
    boolean quiet;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The run directory the last successful {@link #call} wrote, or null ({@link WatchCommand} reads it). */
    Path written;

    /**
     * Whether this run, given {@code --force}, may replace the run that {@code target} holds when the
     * new run is moved into place. {@code run} replaces any payrisk run; {@link WatchCommand} only its own.
     */
    boolean mayReplace(Path target) {
        return true;
    }

    /**
     * Called with the finished run's staging folder just before it is moved into place (and while no
     * other payrisk process can write the target): {@link WatchCommand} reads its run.json there.
     */
    void staged(Path staging) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        if (precision != null && trials != null) {
            throw new UserInputException("--precision and --trials: expected one of them (a precision-targeted run "
                    + "chooses its own trial count, capped by --max-trials), found both");
        }
        if (maxTrials != null && precision == null && scenario.precision().isEmpty()) {
            throw new UserInputException("--max-trials: caps a precision-targeted run; expected --precision REL or "
                    + "simulation.precision in the scenario, found neither");
        }
        Double rel = precision != null ? precision
                : trials == null && scenario.precision().isPresent() ? scenario.precision().getAsDouble() : null;
        if (rel != null && engineOptions.spark()) {
            throw new UserInputException("--precision: precision-targeted runs use the local engine for now; "
                    + "found --engine spark (run a fixed --trials N on Spark instead)");
        }
        int cap = maxTrials != null ? maxTrials : PrecisionRun.DEFAULT_MAX_TRIALS;
        int n = rel != null ? cap : trials != null ? trials : scenario.trials();
        if (n < 1 || n > ScenarioLoader.MAX_TRIALS) {
            throw new UserInputException("--trials: expected a whole number in [1, " + ScenarioLoader.MAX_TRIALS + "], found " + n);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > MAX_THREADS) {
            throw new UserInputException("--threads: expected a whole number in [1, " + MAX_THREADS + "], found " + t);
        }
        long s = seed != null ? seed : scenario.seed();
        engineOptions.check();
        Uncertainty uncertainty = uncertainty(scenario, rel != null);
        // every outer draw is built and validated before the long run starts
        ParameterUncertainty.Plan plan = uncertainty == null ? null : ParameterUncertainty.plan(scenario, uncertainty, s);
        InputCorrelations correlations = InputCorrelations.of(scenario.correlations());
        if (correlations != null && correlations.repaired()) {
            spec.commandLine().getErr().println("payrisk: warning: " + correlations.warning());
        }
        Path target = out != null ? out : Path.of("output", scenario.source().stem());
        Map<Path, String> keep = Map.of(scenarioFile, "the scenario file " + scenarioFile,
                Path.of("").toAbsolutePath(), "the current folder");
        RunDirectory.checkTarget(target, force, keep);
        // a precision-targeted run cannot know its trial count: it checks its first batch, and a run
        // that outgrows the heap later ends with exit 2 and the same -Xmx advice
        Memory.check(scenario, s, rel != null ? Math.min(n, PrecisionRun.BATCH) : n, t);
        Outputs.recover(spec, target);
        RunDirectory dir = RunDirectory.stage(target, force, keep);
        boolean committed = false;
        try {
            Path csv = !exportTrials || rel != null ? null
                    : dir.staging().resolve(gzipTrials || target.getFileName().toString().endsWith(".gz")
                    ? "trials.csv.gz" : "trials.csv");
            long opening = System.nanoTime();
            SimulationEngine engine = openEngine();
            long openNanos = System.nanoTime() - opening; // Spark's start-up; next to nothing for the local engine
            RunPipeline.Simulated run;
            try {
                run = rel != null
                        ? simulateToPrecision(engine, scenario, s, t, rel, cap)
                        : simulate(engine, scenario, new RunSettings(n, s, t), csv);
                if (plan != null) {
                    ParameterUncertainty.Result bands = ParameterUncertainty.run(plan, run.settings(), engine,
                            SimulationEngine.Progress.NONE);
                    run = new RunPipeline.Simulated(run.scenario(), run.settings(), run.engineName(), run.outcomes(),
                            run.summary(), run.startedAt(), run.startNanos(), run.simulationSeconds(), run.summarySeconds(),
                            run.analyses().with(run.analyses().correlations(), bands));
                }
            } catch (SparkUnavailableException e) {
                throw new UserInputException(e.getMessage());
            } finally {
                if (engine instanceof AutoCloseable c) {
                    c.close();
                }
            }
            // run.json's wallSeconds counts from the engine's start, so a Spark run's start-up is not hidden
            run = new RunPipeline.Simulated(run.scenario(), run.settings(), run.engineName(), run.outcomes(), run.summary(),
                    run.startedAt(), run.startNanos() - openNanos, run.simulationSeconds(), run.summarySeconds(), run.analyses());
            // a precision run keeps every trial it ran (it cannot know its count in advance), so its
            // trials.csv is written from them; a fixed run streamed it while simulating
            RunPipeline.write(run, dir.staging(), exportTrials && rel != null, noReport ? null : Renderer.current()::render);
            staged(dir.staging());
            dir.commit(this::mayReplace);
            committed = true;
            written = dir.target();
            if (!quiet) {
                printTable(stdout, scenario, run.summary(), run.settings().trials(), s, run.simulationSeconds(),
                        run.attendedVisits(), dir.target(), run.analyses());
            }
            return 0;
        } finally {
            if (!committed) {
                dir.abandon();
            }
        }
    }

    /** The scenario's uncertainty block with --outer applied; null when there is none. */
    private Uncertainty uncertainty(Scenario scenario, boolean precisionRun) throws UserInputException {
        Uncertainty u = scenario.uncertainty();
        if (outer != null) {
            if (u == null) {
                throw new UserInputException("--outer: sets the outer draws of the scenario's uncertainty: block; expected "
                        + "a scenario with one, found none in " + scenarioFile);
            }
            if (outer < 1 || outer > Uncertainty.MAX_OUTER) {
                throw new UserInputException("--outer: expected a whole number in [1, " + Uncertainty.MAX_OUTER
                        + "], found " + outer);
            }
            u = u.withOuter(outer);
        }
        if (u != null && precisionRun) {
            throw new UserInputException("--precision: a precision-targeted run chooses its own trial count, and parameter "
                    + "uncertainty (the scenario's uncertainty: block) runs a fixed count per outer draw; expected one of "
                    + "them, found both (run with --trials N)");
        }
        return u;
    }

    /** What a user without Spark on the class path is told. */
    static final String HOW_TO_GET_SPARK = "--engine spark needs Apache Spark 4.1 (spark-core_2.13) on the class path, "
            + "and it is not there. Run through the launcher, ./payrisk run SCENARIO --engine spark, which puts the Spark "
            + "jars from Maven on the class path (the first time it downloads them, about 250 MB), or submit the jar to a "
            + "Spark installation: spark-submit --class org.payrisk.cli.Main target/payrisk.jar run SCENARIO --engine spark";

    /** The Spark engine is opened through SparkEngines, so a run on the local engine never needs Spark's classes. */
    private SimulationEngine openEngine() throws UserInputException {
        if (!engineOptions.spark()) {
            return new LocalEngine();
        }
        if (!SparkEngines.onClassPath()) {
            throw new UserInputException(HOW_TO_GET_SPARK);
        }
        try {
            return SparkEngines.open(engineOptions.master);
        } catch (SparkUnavailableException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Simulates with a progress bar on an interactive terminal, the bar closed before anything is written. */
    private RunPipeline.Simulated simulate(SimulationEngine engine, Scenario scenario, RunSettings settings, Path csv)
            throws InterruptedException, java.io.IOException {
        if (quiet || System.console() == null) {
            return RunPipeline.simulate(scenario, settings, engine, SimulationEngine.Progress.NONE, csv);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Simulating").setInitialMax(settings.trials())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return RunPipeline.simulate(scenario, settings, engine, bar::stepBy, csv);
        }
    }

    /** A precision-targeted run, with a progress bar counting towards the cap. */
    private RunPipeline.Simulated simulateToPrecision(SimulationEngine engine, Scenario scenario, long seed, int threads,
                                                      double rel, int cap) throws InterruptedException {
        if (quiet || System.console() == null) {
            return RunPipeline.simulateToPrecision(scenario, seed, threads, rel, cap, engine, SimulationEngine.Progress.NONE);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Simulating to precision").setInitialMax(cap)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return RunPipeline.simulateToPrecision(scenario, seed, threads, rel, cap, engine, bar::stepBy);
        }
    }

    private static void printTable(PrintWriter out, Scenario scenario, RunSummary summary, int n, long seed,
                                   double simSeconds, double visits, Path target, RunAnalyses analyses) {
        Stopping stopping = analyses.stopping();
        out.printf("%s%n%,d trials, seed %d, %.2f s (%,.0f trials/s, %,.0f attended visits/s)%n",
                Terminal.escape(scenario.name()), n, seed,
                simSeconds, n / simSeconds, visits / simSeconds);
        if (stopping != null) {
            out.printf(stopping.reached()
                    ? "precision %s reached after %,d trials (checked every %,d trials)%n"
                    : "precision %s NOT reached: stopped at the cap of %,d trials (checked every %,d trials); raise "
                            + "--max-trials or relax --precision%n",
                    BigDecimal.valueOf(stopping.precision()).stripTrailingZeros().toPlainString(), stopping.trials(),
                    stopping.batch());
        }
        out.printf("%n");
        int width = "annual net income".length();
        for (ModelSummary m : summary.models()) {
            width = Math.max(width, Terminal.escape(m.name()).length());
        }
        String row = "%-" + width + "s %12s %10s %13s %12s %8s %10s%n";
        out.printf(row, "annual net income", "mean", "+/- MCSE", "1 year in 20", "median", "P(loss)", "P(cash<0)");
        for (ModelSummary m : summary.models()) {
            MetricSummary ni = m.netIncome();
            out.printf(row, Terminal.escape(m.name()), dollars(ni.mean()), dollars(ni.meanStdError()), dollars(ni.percentile(5)),
                    dollars(ni.percentile(50)), percent(ni.probLoss()),
                    m.cash() == null ? "" : percent(m.cash().probNegativeAnyMonth()));
        }
        ParameterUncertainty.Result bands = analyses.uncertainty();
        if (bands != null) {
            out.printf("%n1 year in 20 given what is not known about %s (median and 90%% interval across %,d outer draws "
                    + "of %,d trials):%n", String.join(", ", bands.parameters()), bands.outer(), bands.trialsPerDraw());
            for (ModelSummary m : summary.models()) {
                ParameterUncertainty.Interval p5 = bands.model(m.name()).figures().get("p05");
                out.printf(row.substring(0, row.indexOf(' ')) + " %12s  (%s to %s)%n", Terminal.escape(m.name()),
                        dollars(p5.median()), dollars(p5.p05()), dollars(p5.p95()));
            }
        }
        double reserve = scenario.models().get(0).cash().startingReserve();
        out.printf("%n1 year in 20 = 5th percentile. P(cash<0) = chance the bank balance (starting reserve %s, set by the "
                + "scenario's cash block, + payments received - costs) is below zero at the end of some month.%n",
                dollars(reserve));
        out.printf("%nWritten to %s (open %s)%n", Terminal.escape(target.toString()),
                Terminal.escape(target.resolve("report.html").toString()));
        out.flush();
    }

    private static String percent(double p) {
        return String.format("%.1f%%", 100 * p);
    }

    private static String dollars(double v) {
        return (v < 0 ? "-$" : "$") + String.format("%,.0f", Math.abs(v));
    }

    /** {@code --precision}: a number in (0, 1]. */
    static final class Precision implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v;
            try {
                // decimal only: Java would also read "0x1p-3", "1d" or "NaN"
                if (!value.trim().matches("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
                    throw new NumberFormatException(value);
                }
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("expected a number in (0, 1], e.g. 0.01, found '"
                        + value + "'");
            }
            if (!(v > 0 && v <= 1)) {
                throw new picocli.CommandLine.TypeConversionException("expected a number in (0, 1], e.g. 0.01, found "
                        + value.trim());
            }
            return v;
        }
    }
}
