package org.payrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.RunInfo;
import org.payrisk.report.SummaryJson;
import org.payrisk.report.TrialsCsv;
import org.payrisk.report.Version;
import org.payrisk.report.render.ReportRenderer;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.spark.SparkEngines;
import org.payrisk.spark.SparkUnavailableException;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;
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

    @Option(names = "--trials", paramLabel = "N", description = "Trials (overrides simulation.trials), 1 to 100000000.")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides simulation.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). "
            + "Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: output/<scenario file stem>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing non-empty run directory.")
    boolean force;

    @Option(names = "--export-trials", description = "Also write trials.csv, one row per trial.")
    boolean exportTrials;

    @Option(names = "--no-report", description = "Skip the charts, report.html and brief (render later with payrisk report DIR).")
    boolean noReport;

    @Option(names = "--quiet", description = "No progress bar and no results table; errors only.")
    boolean quiet;

    @Option(names = "--engine", paramLabel = "NAME", description = "local (default: this machine's cores) or spark "
            + "(Apache Spark; same results). See README, Spark.")
    String engineName = "local";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark: local[*], local[N] or "
            + "spark://HOST:PORT (default: spark-submit's, else local[*]).")
    String master;

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
        checkEngineOptions();
        checkMemory(scenario, n);
        Path target = out != null ? out : Path.of("output", scenario.source().stem());
        RunDirectory dir = RunDirectory.stage(target, force);
        boolean committed = false;
        try {
            Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long t0 = System.nanoTime();
            SimulationEngine engine = openEngine();
            TrialOutcomes outcomes;
            try {
                outcomes = simulate(engine, scenario, new RunSettings(n, s, t));
            } catch (SparkUnavailableException e) {
                throw new UserInputException(e.getMessage());
            } finally {
                if (engine instanceof AutoCloseable c) {
                    c.close();
                }
            }
            double simSeconds = (System.nanoTime() - t0) / 1e9;
            RunSummary summary = Summaries.run(outcomes);
            RunInfo info = new RunInfo(scenario.name(), scenario.source().path().getFileName().toString(),
                    scenario.source().sha256(), s, n, scenario.practice().horizonMonths(),
                    scenario.practice().warmUpMonths(), TrialStreams.GENERATOR);
            Path staging = dir.staging();
            Files.write(staging.resolve("summary.json"), SummaryJson.toBytes(info, summary));
            Files.write(staging.resolve(scenario.source().isJson() ? "scenario.json" : "scenario.yaml"),
                    scenario.source().bytes());
            if (exportTrials) {
                TrialsCsv.write(outcomes, staging.resolve("trials.csv"));
            }
            double visits = summary.activity().get("attendedVisits").mean() * n;
            // run.json first, so the report's provenance reads the same file a later re-render reads
            writeRunJson(staging.resolve("run.json"), engine.name(), t, s, n, started, Double.NaN, simSeconds, Double.NaN,
                    visits, scenario);
            long t1 = System.nanoTime();
            if (!noReport) {
                ReportRenderer.render(staging);
            }
            double reportSeconds = noReport ? Double.NaN : (System.nanoTime() - t1) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            writeRunJson(staging.resolve("run.json"), engine.name(), t, s, n, started, wall, simSeconds, reportSeconds,
                    visits, scenario);
            dir.commit();
            committed = true;
            if (!quiet) {
                printTable(stdout, scenario, summary, n, s, simSeconds, visits, dir.target());
            }
            return 0;
        } finally {
            if (!committed) {
                dir.abandon();
            }
        }
    }

    private void checkEngineOptions() throws UserInputException {
        if (!engineName.equals("local") && !engineName.equals("spark")) {
            throw new UserInputException("--engine: expected local or spark, found " + engineName);
        }
        if (master != null && !engineName.equals("spark")) {
            throw new UserInputException("--master: applies only to --engine spark, found it with --engine " + engineName);
        }
    }

    /** The Spark engine is opened through SparkEngines, so a run on the local engine never needs Spark's classes. */
    private SimulationEngine openEngine() throws UserInputException {
        if (engineName.equals("local")) {
            return new LocalEngine();
        }
        try {
            return SparkEngines.open(master);
        } catch (SparkUnavailableException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private TrialOutcomes simulate(SimulationEngine engine, Scenario scenario, RunSettings settings)
            throws InterruptedException {
        if (quiet || System.console() == null) {
            return engine.run(scenario, settings, SimulationEngine.Progress.NONE);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Simulating").setInitialMax(settings.trials())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return engine.run(scenario, settings, bar::stepBy);
        }
    }

    private static void checkMemory(Scenario scenario, int n) throws UserInputException {
        long need = TrialOutcomes.bytesNeeded(scenario.models().size(), n, scenario.practice().horizonMonths())
                + 6L * 8 * n; // sorted copies while summarising
        long max = Runtime.getRuntime().maxMemory();
        if (need > 0.85 * max) {
            throw new UserInputException(String.format("%d trials need about %.1f GB of memory for their outcomes, but Java may use "
                    + "%.1f GB: run fewer trials, or give Java more memory (JAVA_OPTS=-Xmx%dg ./payrisk ...)",
                    n, need / 1e9, max / 1e9, (long) Math.ceil(need / 0.8 / 1e9) + 1));
        }
    }

    private static void writeRunJson(Path file, String engine, int threads, long seed, int trials, Instant started,
                                     double wall, double sim, double report, double visits, Scenario scenario)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("payriskVersion", Version.get());
        o.put("engine", engine);
        o.put("threads", threads);
        o.put("seed", seed);
        o.put("trials", trials);
        o.put("generator", TrialStreams.GENERATOR);
        o.put("javaVersion", System.getProperty("java.version"));
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        o.put("inputFile", scenario.source().path().toAbsolutePath().normalize().toString());
        o.put("inputSha256", scenario.source().sha256());
        o.put("startedAt", started.toString());
        o.put("simulationSeconds", sim);
        if (!Double.isNaN(report)) {
            o.put("reportSeconds", report);
        }
        if (!Double.isNaN(wall)) {
            o.put("wallSeconds", wall);
        }
        o.put("trialsPerSecond", trials / sim);
        o.put("attendedVisitsPerSecond", visits / sim);
        o.put("command", "payrisk run " + scenario.source().path());
        Files.write(file, (mapper.writeValueAsString(o) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void printTable(PrintWriter out, Scenario scenario, RunSummary summary, int n, long seed,
                                   double simSeconds, double visits, Path target) {
        out.printf("%s%n%,d trials, seed %d, %.2f s (%,.0f trials/s, %,.0f attended visits/s)%n%n", scenario.name(), n, seed,
                simSeconds, n / simSeconds, visits / simSeconds);
        int width = "annual net income".length();
        for (ModelSummary m : summary.models()) {
            width = Math.max(width, m.name().length());
        }
        String row = "%-" + width + "s %12s %10s %13s %12s %8s %10s%n";
        out.printf(row, "annual net income", "mean", "+/- MCSE", "1 year in 20", "median", "P(loss)", "P(cash<0)");
        for (ModelSummary m : summary.models()) {
            MetricSummary ni = m.netIncome();
            out.printf(row, m.name(), dollars(ni.mean()), dollars(ni.meanStdError()), dollars(ni.percentile(5)),
                    dollars(ni.percentile(50)), percent(ni.probLoss()),
                    m.cash() == null ? "" : percent(m.cash().probNegativeAnyMonth()));
        }
        double reserve = scenario.models().get(0).cash().startingReserve();
        out.printf("%n1 year in 20 = 5th percentile. P(cash<0) = chance the bank balance (starting reserve %s, set by the "
                + "scenario's cash block, + payments received - costs) is below zero at the end of some month.%n",
                dollars(reserve));
        out.printf("%nWritten to %s (open %s)%n", target, target.resolve("report.html"));
        out.flush();
    }

    private static String percent(double p) {
        return String.format("%.1f%%", 100 * p);
    }

    private static String dollars(double v) {
        return (v < 0 ? "-$" : "$") + String.format("%,.0f", Math.abs(v));
    }
}
