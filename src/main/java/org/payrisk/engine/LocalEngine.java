package org.payrisk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * <p>When the workers would take every core of a long run, one of them starts only once the first
 * block is done ({@link #holdsOneBack}): the just-in-time compiler then has a core of its own while it
 * compiles the kernel, which runs slow, profiled code until it is done. Only in the first run of the
 * process (later runs, as a sweep's, find the kernel compiled), and only at the start, so again the
 * same result.
 *
 * <p>Thread safe: it keeps no state between runs but whether a block has been run in this process.
 */
public final class LocalEngine implements SimulationEngine {

    /**
     * Fewest blocks of a run for which a worker is held back at the start: shorter runs are compiled
     * by C1 alone in the launcher (at most 10,000 trials), which needs no core of its own.
     */
    static final int HOLD_BACK_MIN_BLOCKS = 16;

    /** Whether this process has finished a block (its kernel is then compiled, or being compiled). */
    private static volatile boolean blockDone;

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
        final CountDownLatch firstBlockDone = new CountDownLatch(
                !blockDone && holdsOneBack(threads, Runtime.getRuntime().availableProcessors(), blocks - firstBlock) ? 1 : 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "payrisk-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                final boolean heldBack = w == threads - 1 && firstBlockDone.getCount() > 0;
                futures.add(pool.submit(() -> {
                    try {
                        if (heldBack) {
                            firstBlockDone.await();
                        }
                        TrialKernel kernel = new TrialKernel(input, settings.seed());
                        int b;
                        while ((b = next.getAndIncrement()) < blocks && !Thread.currentThread().isInterrupted()) {
                            TrialOutcomes block = kernel.runBlock(b, trials);
                            merger.accept(block);
                            progress.finished(block.trials());
                            firstBlockDone.countDown();
                            blockDone = true;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the run is being stopped
                    } finally {
                        firstBlockDone.countDown(); // a worker that stops or fails never leaves one waiting
                    }
                    return null;
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

    /** Makes the next run start as the process's first (a seam for tests in this package). */
    static void forgetBlocksDone() {
        blockDone = false;
    }

    /**
     * Whether one worker waits for the first block: measured on 2 cores with 2 workers, the
     * 100,000-trial run took 0.980 times as long (two sets of 12 and 20 pairs), as C2's compile of the
     * practice-year finished sooner. With fewer workers than cores the compiler has a core anyway.
     *
     * @param threads worker threads of the run
     * @param cores available processors
     * @param blocks blocks the run will simulate
     * @return whether the last worker starts after the first block is done
     */
    static boolean holdsOneBack(int threads, int cores, int blocks) {
        return threads > 1 && threads >= cores && blocks >= HOLD_BACK_MIN_BLOCKS;
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
