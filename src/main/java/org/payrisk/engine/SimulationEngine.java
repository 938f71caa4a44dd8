package org.payrisk.engine;

import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;

/**
 * Runs a scenario's trials. Implementations must give every trial the streams of
 * {@link TrialKernel} so that outcomes are identical on any engine and thread count.
 */
public interface SimulationEngine {

    /** @return the engine's name, recorded in run.json (e.g. {@code local}) */
    String name();

    /**
     * @param scenario the validated scenario
     * @param settings trials, seed, threads
     * @param progress told how many trials have finished, from any thread
     * @return every trial's outcomes, by trial index
     * @throws InterruptedException when the run is interrupted
     */
    TrialOutcomes run(Scenario scenario, RunSettings settings, Progress progress) throws InterruptedException;

    /** Receives progress; implementations must be thread safe. */
    @FunctionalInterface
    interface Progress {
        /** A progress sink that ignores everything. */
        Progress NONE = n -> { };

        /** @param trials trials just finished */
        void finished(int trials);
    }
}
