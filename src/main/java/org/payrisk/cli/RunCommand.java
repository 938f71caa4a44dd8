package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialKernel;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.RunPipeline;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk run}: simulate a scenario and write its run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate a scenario and write summary.json, run.json, the charts, report.html and brief.md "
                + "into a new run directory.")
final class RunCommand implements Callable<Integer> {

    static final int MAX_THREADS = 1024;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenarioFile;

    @Option(names = "--trials", paramLabel = "N", converter = WholeNumbers.Trials.class,
            description = "Trials (overrides simulation.trials), 1 to 100000000.")
    Integer trials;

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
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        int n = trials != null ? trials : scenario.trials();
        if (n < 1 || n > ScenarioLoader.MAX_TRIALS) {
            throw new UserInputException("--trials: expected a whole number in [1, " + ScenarioLoader.MAX_TRIALS + "], found " + n);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > MAX_THREADS) {
            throw new UserInputException("--threads: expected a whole number in [1, " + MAX_THREADS + "], found " + t);
        }
        long s = seed != null ? seed : scenario.seed();
        Path target = out != null ? out : Path.of("output", scenario.source().stem());
        Map<Path, String> keep = Map.of(scenarioFile, "the scenario file " + scenarioFile,
                Path.of("").toAbsolutePath(), "the current folder");
        RunDirectory.checkTarget(target, force, keep);
        Memory.check(scenario.models().size(), new TrialKernel(EngineInput.of(scenario), s).inputs().size(), n,
                scenario.practice().horizonMonths(), t);
        for (String note : RunDirectory.recover(target)) {
            spec.commandLine().getErr().println("payrisk: note: " + note);
        }
        RunDirectory dir = RunDirectory.stage(target, force, keep);
        boolean committed = false;
        try {
            Path csv = !exportTrials ? null
                    : dir.staging().resolve(gzipTrials || target.getFileName().toString().endsWith(".gz")
                    ? "trials.csv.gz" : "trials.csv");
            RunPipeline.Simulated run = simulate(new LocalEngine(), scenario, new RunSettings(n, s, t), csv);
            RunPipeline.write(run, dir.staging(), false, noReport ? null : Renderer.current()::render);
            dir.commit();
            committed = true;
            if (!quiet) {
                printTable(stdout, scenario, run.summary(), n, s, run.simulationSeconds(), run.attendedVisits(),
                        dir.target());
            }
            return 0;
        } finally {
            if (!committed) {
                dir.abandon();
            }
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

    private static void printTable(PrintWriter out, Scenario scenario, RunSummary summary, int n, long seed,
                                   double simSeconds, double visits, Path target) {
        out.printf("%s%n%,d trials, seed %d, %.2f s (%,.0f trials/s, %,.0f attended visits/s)%n%n",
                Terminal.escape(scenario.name()), n, seed,
                simSeconds, n / simSeconds, visits / simSeconds);
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
}
