package org.payrisk.cli;

import java.nio.file.Path;
import org.payrisk.engine.RunSettings;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/** The run flags {@code sweep} and {@code solve} share with {@code run}: trials, seed, threads, out, force, quiet. */
final class RunFlags {

    @Option(names = "--trials", paramLabel = "N", converter = WholeNumbers.Trials.class,
            description = "Trials at every point (overrides simulation.trials), 1 to 100000000.")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S", converter = WholeNumbers.Seed.class,
            description = "Seed, the same at every point (overrides simulation.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", converter = WholeNumbers.Threads.class,
            description = "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--force", description = "Replace an earlier output in DIR (only a folder payrisk wrote).")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar and no summary; errors only.")
    boolean quiet;

    /**
     * @param scenario the scenario (its defaults)
     * @return trials, seed and threads after the flags
     */
    RunSettings settings(Scenario scenario) {
        int n = trials != null ? trials : scenario.trials();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long s = seed != null ? seed : scenario.seed();
        return new RunSettings(Math.min(n, ScenarioLoader.MAX_TRIALS), s, Math.min(t, RunCommand.MAX_THREADS));
    }
}
