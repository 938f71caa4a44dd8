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
 * <p>When the workers would take every core of a long run, enough of them to free one core start only
 * once the first block is done ({@link #heldBack}): the just-in-time compiler then has a core of its own while it
 * compiles the kernel, which runs slow, profiled code until it is done. Only in the first run of the
 * process (later runs, as a sweep's, find the kernel compiled), and only at the start, so again the
 * same result.
 *
 * <p>Thread safe: it keeps no state between runs but whether a block has been run in this process.
 */
public final class LocalEngine implements SimulationEngine {

    /**
     * Fewest blocks of a run for which workers are held back at the start: well above the launcher's
     * runs compiled by C1 alone (at most 10,000 trials, 10 blocks), which need no core for C2; measured
     * at 98 blocks (100,000 trials).
     */
    static final int HOLD_BACK_MIN_BLOCKS = 16;

    /**
     * Whether any run in this process has finished a block: only a run before that may hold workers
     * back (later ones, as a sweep's points, most likely find the kernel compiled).
     */
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
        final int held = blockDone ? 0 : heldBack(threads, Runtime.getRuntime().availableProcessors(), blocks - firstBlock);
        final CountDownLatch firstBlockDone = new CountDownLatch(held > 0 ? 1 : 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "payrisk-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                final boolean waits = w >= threads - held;
                futures.add(pool.submit(() -> {
                    try {
                        if (waits) {
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
     * How many workers wait for the first block: as many as leave one core free for the compiler
     * (threads - cores + 1, and never all of them), when the workers would take every core of a run of at least
     * {@link #HOLD_BACK_MIN_BLOCKS} blocks; else none. Measured on 2 cores with 2 workers (one held
     * back): the 100,000-trial run took 0.980, 0.980 and 1.001 times as long (three sets of pairs), as
     * C2's compile of the practice-year finished sooner. With fewer workers than cores the compiler has
     * a core anyway.
     *
     * @param threads worker threads of the run (at most its blocks)
     * @param cores available processors
     * @param blocks blocks the run will simulate
     * @return the number of workers, the last ones, that start after the first block is done
     */
    static int heldBack(int threads, int cores, int blocks) {
        if (threads < 2 || threads < cores || blocks < HOLD_BACK_MIN_BLOCKS) {
            return 0;
        }
        return Math.min(threads - cores + 1, threads - 1); // one worker always starts
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
