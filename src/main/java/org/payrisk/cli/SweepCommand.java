package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.payrisk.analysis.Sweep;
import org.payrisk.analysis.VarySpec;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.render.SweepReport;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk sweep}: run a scenario at every value of one or two parameters. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a scenario at every value of one or two fields (a grid for two), with the same seed and "
                + "trials at every point, and write sweep.json, sweep.csv, charts, report.html and brief.md.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "PATH=SPEC", required = true,
            description = "A field and its values: PATH as in error messages (models[capitation].default.capitation.pmpm, "
                    + "demand.cancellationRate.beta.mean, cash.startingReserve), SPEC FROM:TO:COUNT (COUNT evenly spaced "
                    + "values, 2 to 1000, both ends included) or v1,v2,... Give it once or twice.")
    List<String> vary = new ArrayList<>();

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
        if (vary.size() > Sweep.MAX_PARAMETERS) {
            throw new UserInputException("--vary: expected at most " + Sweep.MAX_PARAMETERS + " parameters (a sweep of 2 is a "
                    + "grid), found " + vary.size() + ": " + String.join(", ", vary));
        }
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        List<VarySpec> params = new ArrayList<>();
        for (String v : vary) {
            params.add(VarySpec.parse("--vary", v));
        }
        RunSettings settings = run.settings(scenario);
        Path target = run.out != null ? run.out : Path.of("output", scenario.source().stem() + "-sweep");
        Map<Path, String> keep = Map.of(scenarioFile, "the scenario file " + scenarioFile,
                Path.of("").toAbsolutePath(), "the current folder");
        RunDirectory.checkTarget(target, run.force, keep);
        Sweep sweep = Sweep.of(scenario, params); // every point validated before anything runs
        Memory.check(scenario, settings.seed(), settings.trials(), settings.threads());
        Outputs.recover(spec, target);
        RunDirectory dir = RunDirectory.stage(target, run.force, keep);
        boolean committed = false;
        try {
            Sweep.Result result = simulate(sweep, settings);
            String brief = SweepReport.writeSweep(result, dir.staging(), settings.threads(), (System.nanoTime() - t0) / 1e9);
            dir.commit();
            committed = true;
            if (!run.quiet) {
                stdout.printf("%s%n%d points x %,d trials, seed %d, %.2f s%n%n", Terminal.escape(scenario.name()),
                        sweep.points().size(), settings.trials(), settings.seed(), result.simulationSeconds());
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

    private Sweep.Result simulate(Sweep sweep, RunSettings settings) throws InterruptedException {
        if (run.quiet || System.console() == null) {
            return sweep.run(settings, new LocalEngine(), n -> { });
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Sweeping")
                .setInitialMax((long) settings.trials() * sweep.points().size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return sweep.run(settings, new LocalEngine(), new Sweep.Progress() {
                @Override
                public void finished(int trials) {
                    bar.stepBy(trials);
                }

                @Override
                public void point(Sweep.Point p) {
                    bar.setExtraMessage("from point " + (p.index() + 1) + "/" + sweep.points().size());
                }
            });
        }
    }
}
