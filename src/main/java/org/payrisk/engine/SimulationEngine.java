package org.payrisk.engine;

import java.util.List;
import java.util.function.Consumer;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.BlockMerger;
import org.payrisk.stats.TrialOutcomes;

/**
 * Runs a scenario's trials. Implementations cut the run into the fixed blocks of {@link TrialBlocks},
 * run each block with {@link TrialKernel#runBlock} (so every trial gets the same streams on every
 * engine) and merge the block results in block order ({@link org.payrisk.stats.BlockMerger}), so
 * that outcomes are identical on any engine, machine and thread count.
 */
public interface SimulationEngine {

    /** @return the engine's name, recorded in run.json (e.g. {@code local}) */
    String name();

    /**
     * Runs every block and hands each block result to {@code inBlockOrder} in block order (block 0
     * first), from whichever thread finished it; nothing is kept after the consumer returns, so a
     * consumer that reduces blocks as they come (a streaming summary, trials.csv written row by row)
     * holds memory that does not grow with the number of trials.
     *
     * @param input the practice and payment models
     * @param settings trials, seed, threads
     * @param progress told how many trials have finished, from any thread
     * @param inBlockOrder receives each block result, in block order, one call at a time
     * @throws InterruptedException when the run is interrupted
     * @throws NonFiniteOutcomeException when a trial's outcome is not a finite number (a user-input
     *                                   error)
     */
    void runBlocks(EngineInput input, RunSettings settings, Progress progress, Consumer<TrialOutcomes> inBlockOrder)
            throws InterruptedException;

    /**
     * Runs a validated scenario's blocks, handing each to {@code inBlockOrder} in block order. This
     * default runs its model records ({@link EngineInput#of}); an engine that ships the scenario's
     * bytes instead (Spark) overrides it.
     *
     * @param scenario the validated scenario
     * @param settings trials, seed, threads
     * @param progress told how many trials have finished, from any thread
     * @param inBlockOrder receives each block result, in block order, one call at a time
     * @throws InterruptedException when the run is interrupted
     */
    default void runBlocks(Scenario scenario, RunSettings settings, Progress progress,
                           Consumer<TrialOutcomes> inBlockOrder) throws InterruptedException {
        runBlocks(EngineInput.of(scenario), settings, progress, inBlockOrder);
    }

    /**
     * Runs the blocks from {@code firstBlock} to the last block of {@code settings.trials()}, handing
     * each to {@code inBlockOrder} in block order: how a precision-targeted run adds one batch of
     * blocks at a time without re-running the earlier ones. The blocks are exactly those a run of
     * {@code settings.trials()} trials would make, so batch after batch gives the same block results as
     * one run. This default runs every block and drops those before {@code firstBlock}; engines
     * override it to skip them.
     *
     * @param input the practice and payment models
     * @param settings trials (the end of the last block), seed, threads
     * @param firstBlock the first block to run, &gt;= 0
     * @param progress told how many trials have finished, from any thread
     * @param inBlockOrder receives each block result from {@code firstBlock} on, in block order
     * @throws InterruptedException when the run is interrupted
     */
    default void runBlocks(EngineInput input, RunSettings settings, int firstBlock, Progress progress,
                           Consumer<TrialOutcomes> inBlockOrder) throws InterruptedException {
        int firstTrial = TrialBlocks.start(firstBlock);
        runBlocks(input, settings, progress, b -> {
            if (b.offset() >= firstTrial) {
                inBlockOrder.accept(b);
            }
        });
    }

    /**
     * Runs every block and merges the block results, in block order, into one store.
     *
     * @param input the practice and payment models
     * @param settings trials, seed, threads
     * @param progress told how many trials have finished, from any thread
     * @return every trial's outcomes, by trial index (offset 0)
     * @throws InterruptedException when the run is interrupted
     * @throws NonFiniteOutcomeException when a trial's outcome is not a finite number
     */
    default TrialOutcomes run(EngineInput input, RunSettings settings, Progress progress) throws InterruptedException {
        TrialKernel kernel = new TrialKernel(input, settings.seed());
        BlockMerger all = new BlockMerger(input.modelNames(), kernel.inputs(), settings.trials(), input.practice().horizonMonths(),
                kernel.layout(), null);
        runBlocks(input, settings, progress, all::accept);
        return all.result();
    }

    /**
     * Runs a validated scenario's model records ({@link EngineInput#of}); nothing else of the
     * scenario (its file, its source) reaches the engine.
     *
     * @param scenario the validated scenario
     * @param settings trials, seed, threads
     * @param progress told how many trials have finished, from any thread
     * @return every trial's outcomes, by trial index
     * @throws InterruptedException when the run is interrupted
     */
    default TrialOutcomes run(Scenario scenario, RunSettings settings, Progress progress) throws InterruptedException {
        return run(EngineInput.of(scenario), settings, progress);
    }

    /** Receives progress; implementations must be thread safe. */
    @FunctionalInterface
    interface Progress {
        /** A progress sink that ignores everything. */
        Progress NONE = n -> { };

        /** @param trials trials just finished */
        void finished(int trials);
    }
}
