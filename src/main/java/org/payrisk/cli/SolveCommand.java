package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.payrisk.analysis.AnalysisInputException;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Target;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.render.SweepReport;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk solve}: the value of a field at which a target holds (break-even, reverse stress test). */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find the value of one field between LO and HI at which the target holds (LHS = RHS), or the edge "
                + "of the region where it holds (<=, >=), with a 95%% Monte Carlo interval; write solve.json, a chart, "
                + "report.html and brief.md.")
final class SolveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "PATH", required = true,
            description = "The field to solve for, e.g. models[capitation].default.capitation.pmpm.")
    String vary;

    @Option(names = "--between", paramLabel = "LO:HI", required = true, description = "Where to look, LO < HI.")
    String between;

    @Option(names = "--target", paramLabel = "\"LHS = RHS\"", required = true,
            description = "Each side <model>.<metric>.<stat> (metric netIncome, revenue or cash; stat a summary.json field: "
                    + "mean, p05, worst5Mean, probLoss, probNegativeAnyMonth, ...) or a number; operator =, <= or >=.")
    String target;

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
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        ScenarioPath path;
        try {
            path = ScenarioPath.parse(vary.trim());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--vary " + vary + ": " + e.getMessage());
        }
        double[] bracket = bracket(between);
        Target t = Target.parse(target, scenario.modelNames());
        Solve.check(scenario, path, bracket[0], bracket[1]);
        RunSettings settings = run.settings(scenario);
        Path out = run.out != null ? run.out : Path.of("output", scenario.source().stem() + "-solve");
        Map<Path, String> keep = Map.of(scenarioFile, "the scenario file " + scenarioFile,
                Path.of("").toAbsolutePath(), "the current folder");
        RunDirectory.checkTarget(out, run.force, keep);
        Memory.check(scenario, settings.seed(), settings.trials(), settings.threads());
        Outputs.recover(spec, out);
        // solve before staging: a target without a root writes nothing
        Solve.Result result = solve(scenario, path, bracket, t, settings);
        double simSeconds = (System.nanoTime() - t0) / 1e9;
        RunDirectory dir = RunDirectory.stage(out, run.force, keep);
        boolean committed = false;
        try {
            String sentence = SweepReport.writeSolve(result, scenario, dir.staging(), simSeconds, (System.nanoTime() - t0) / 1e9);
            dir.commit();
            committed = true;
            if (!run.quiet) {
                stdout.println(sentence);
                stdout.printf("%d evaluations x %,d trials, seed %d, %.1f s. Written to %s%n", result.evaluations().size(),
                        settings.trials(), settings.seed(), simSeconds, dir.target());
            }
            return 0;
        } finally {
            if (!committed) {
                dir.abandon();
            }
        }
    }

    private Solve.Result solve(Scenario scenario, ScenarioPath path, double[] bracket, Target t, RunSettings settings)
            throws AnalysisInputException, InterruptedException {
        if (run.quiet || System.console() == null) {
            return Solve.solve(scenario, path, bracket[0], bracket[1], t, settings, new LocalEngine(), SimulationEngine.Progress.NONE);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Solving").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return Solve.solve(scenario, path, bracket[0], bracket[1], t, settings, new LocalEngine(), bar::stepBy);
        }
    }

    static double[] bracket(String text) throws UserInputException {
        String[] p = text.trim().split(":", -1);
        if (p.length != 2) {
            throw new UserInputException("--between " + text + ": expected LO:HI, e.g. 3:6, found " + p.length + " part"
                    + (p.length == 1 ? "" : "s"));
        }
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--between " + text + ": expected " + (i == 0 ? "LO" : "HI") + " to be a number, "
                        + "found `" + p[i].trim() + "`");
            }
            if (!Double.isFinite(v[i]) || p[i].trim().matches("(?i).*[a-z].*") && !p[i].trim().matches("[-+0-9.]+[eE][-+]?[0-9]+")) {
                throw new UserInputException("--between " + text + ": expected " + (i == 0 ? "LO" : "HI")
                        + " to be a finite decimal number, found `" + p[i].trim() + "`");
            }
        }
        if (!(v[0] < v[1])) {
            throw new UserInputException("--between " + text + ": expected LO < HI, found LO " + (v[0] == v[1] ? "= " : "> ")
                    + "HI");
        }
        return v;
    }
}
