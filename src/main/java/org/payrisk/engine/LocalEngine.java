package org.payrisk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.payrisk.stats.BlockMerger;
import org.payrisk.stats.TrialOutcomes;

/**
 * The embedded engine: the run's blocks ({@link TrialBlocks}) are handed out in block order to a
 * fixed pool of worker threads, each with its own {@link TrialKernel}; each finished block result
 * goes to a {@link BlockMerger}, which merges them in block order. Since a trial's streams depend
 * only on (seed, trial, input) and blocks merge in block order, the result is the same for any
 * thread count.
 *
 * <p>Thread safe: it keeps no state between runs.
 */
public final class LocalEngine implements SimulationEngine {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void runBlocks(EngineInput input, RunSettings settings, Progress progress, Consumer<TrialOutcomes> inBlockOrder)
            throws InterruptedException {
        runBlocks(input, settings, 0, progress, inBlockOrder);
    }

    @Override
    public void runBlocks(EngineInput input, RunSettings settings, int firstBlock, Progress progress,
                          Consumer<TrialOutcomes> inBlockOrder) throws InterruptedException {
        final int trials = settings.trials();
        final int blocks = TrialBlocks.count(trials);
        if (firstBlock < 0 || firstBlock >= blocks) {
            throw new IllegalArgumentException("firstBlock: expected 0.." + (blocks - 1) + ", found " + firstBlock);
        }
        final BlockMerger merger = new BlockMerger(TrialBlocks.start(firstBlock), trials, inBlockOrder);
        final AtomicInteger next = new AtomicInteger(firstBlock);
        final int threads = Math.min(settings.threads(), Math.max(1, blocks - firstBlock));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "payrisk-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    TrialKernel kernel = new TrialKernel(input, settings.seed());
                    int b;
                    while ((b = next.getAndIncrement()) < blocks && !Thread.currentThread().isInterrupted()) {
                        TrialOutcomes block = kernel.runBlock(b, trials);
                        merger.accept(block);
                        progress.finished(block.trials());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("run interrupted");
        }
        merger.checkComplete();
    }

    /**
     * Heap a collected run needs: every trial's outcomes and recorded inputs, plus the blocks that
     * may wait for an earlier one (at most about two per thread).
     *
     * @param input the practice and payment models
     * @param trials trials
     * @param threads worker threads
     * @return approximate bytes
     */
    public static long bytesNeeded(EngineInput input, long trials, int threads) {
        TrialKernel kernel = new TrialKernel(input, 0);
        int inputs = kernel.inputs().size();
        int months = input.practice().horizonMonths();
        int models = input.models().size();
        // a responsive run keeps each model's costs and the layout's extra columns as more input-like columns
        int extra = kernel.layout() == null ? 0 : models + kernel.layout().columns();
        return TrialOutcomes.bytesNeeded(models, inputs + extra, trials + 2L * threads * TrialBlocks.SIZE, months);
    }
}
