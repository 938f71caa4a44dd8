package org.payrisk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;

/**
 * The embedded engine: trials are handed out in blocks of {@value #BLOCK} to a fixed pool of worker
 * threads, each with its own {@link TrialKernel}. Since a trial's streams depend only on (seed,
 * trial) and outcomes are stored by index, the result is the same for any thread count.
 *
 * <p>Thread safe: it keeps no state between runs.
 */
public final class LocalEngine implements SimulationEngine {

    static final int BLOCK = 64;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TrialOutcomes run(Scenario scenario, RunSettings settings, Progress progress) throws InterruptedException {
        final int trials = settings.trials();
        final TrialOutcomes out = new TrialOutcomes(scenario.modelNames(), trials, scenario.practice().horizonMonths());
        final AtomicInteger next = new AtomicInteger();
        final int threads = Math.min(settings.threads(), Math.max(1, (trials + BLOCK - 1) / BLOCK));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "payrisk-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    TrialKernel kernel = new TrialKernel(scenario, settings.seed());
                    int start;
                    while ((start = next.getAndAdd(BLOCK)) < trials && !Thread.currentThread().isInterrupted()) {
                        int end = Math.min(trials, start + BLOCK);
                        for (int t = start; t < end; t++) {
                            kernel.run(t, out);
                        }
                        progress.finished(end - start);
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
        return out;
    }
}
