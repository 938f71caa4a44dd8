package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.payrisk.analysis.Population;
import org.payrisk.analysis.PracticeProfiles;
import org.payrisk.analysis.VarySpec;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.render.PopulationReport;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.spark.SparkEngines;
import org.payrisk.spark.SparkUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk population}: run every practice of a profiles file, each with its own seed, and summarise across them. */
@Command(name = "population", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a population of practices: every row of a profiles CSV (an id, an optional weight, and columns "
                + "named by field paths that override the scenario) with its own seed derived from (seed, id), and write "
                + "population.json, population.csv, charts, report.html and brief.md.")
final class PopulationCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Base scenario file (.yaml, .yml or .json).")
    Path scenarioFile;

    @Option(names = "--practices", paramLabel = "PROFILES.csv", required = true,
            description = "Profiles CSV: a header with id, optionally weight, and field paths (practice.clinicians, "
                    + "demand.payers.medicare, ...); one row per practice; an empty cell keeps the scenario's value; lines "
                    + "starting with # are comments.")
    Path practices;

    @Option(names = "--vary", paramLabel = "PATH=SPEC",
            description = "Also sweep one field, as in payrisk sweep (FROM:TO:COUNT or v1,v2,...): every practice runs at "
                    + "every value.")
    String vary;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RunFlags run;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        engineOptions.check();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        RunSettings settings = run.settings(scenario);
        PracticeProfiles profiles = PracticeProfiles.read(practices);
        VarySpec spec1 = vary == null ? null : VarySpec.parse("--vary", vary);
        Path target = run.out != null ? run.out : Path.of("output", scenario.source().stem() + "-population");
        Map<Path, String> keep = Map.of(scenarioFile, "the scenario file " + scenarioFile, practices,
                "the profiles file " + practices, Path.of("").toAbsolutePath(), "the current folder");
        RunDirectory.checkTarget(target, run.force, keep);
        Population population = Population.of(scenario, profiles, spec1); // every row checked before anything runs
        Memory.check(scenario, settings.seed(), settings.trials(), settings.threads());
        Outputs.recover(spec, target);
        RunDirectory dir = RunDirectory.stage(target, run.force, keep);
        boolean committed = false;
        try {
            long e0 = System.nanoTime();
            SimulationEngine engine = openEngine();
            double engineStart = (System.nanoTime() - e0) / 1e9;
            Population.Result result;
            try {
                Population.Runner runner = engineOptions.spark() ? SparkEngines.populationRunner(engine)
                        : Population.Runner.of(engine);
                result = simulate(population, settings, runner);
            } catch (SparkUnavailableException e) {
                throw new UserInputException(e.getMessage());
            } finally {
                if (engine instanceof AutoCloseable c) {
                    c.close();
                }
            }
            String brief = PopulationReport.write(result, dir.staging(), engine.name(), engineStart,
                    (System.nanoTime() - t0) / 1e9);
            dir.commit();
            committed = true;
            if (!run.quiet) {
                stdout.printf("%s%n%,d practices x %d point%s x %,d trials, seed %d, %.2f s%n%n", Terminal.escape(scenario.name()),
                        profiles.rows().size(), result.across().size(), result.across().size() == 1 ? "" : "s",
                        settings.trials(), settings.seed(), result.simulationSeconds());
                stdout.println(brief.strip());
                stdout.printf("%nWritten to %s (open %s)%n", dir.target(), dir.target().resolve("report.html"));
            }
            return 0;
        } finally {
            if (!committed) {
                dir.abandon();
            }
        }
    }

    /** The Spark engine is opened through SparkEngines, so a local population never needs Spark's classes. */
    private SimulationEngine openEngine() throws UserInputException {
        if (!engineOptions.spark()) {
            return new LocalEngine();
        }
        if (!SparkEngines.onClassPath()) {
            throw new UserInputException(RunCommand.HOW_TO_GET_SPARK.replace(" run SCENARIO", " population SCENARIO"));
        }
        try {
            return SparkEngines.open(engineOptions.master);
        } catch (SparkUnavailableException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private Population.Result simulate(Population population, RunSettings settings, Population.Runner runner)
            throws InterruptedException {
        if (run.quiet || System.console() == null) {
            return population.run(settings, runner, SimulationEngine.Progress.NONE);
        }
        long all = (long) settings.trials() * population.profiles().rows().size() * population.points().size();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Practices").setInitialMax(all)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return population.run(settings, runner, bar::stepBy);
        }
    }
}
