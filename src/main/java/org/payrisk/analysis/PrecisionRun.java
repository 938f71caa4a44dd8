package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialBlocks;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * A precision-targeted run: trials run in fixed batches of {@value #BATCH_BLOCKS} engine blocks
 * ({@link TrialBlocks}), in trial order, and the run stops at the first batch boundary where, for
 * every model,
 * <pre>
 *   netIncome.meanStdError &lt;= REL |netIncome.mean|   and   netIncome.mcse.p05 &lt;= REL |netIncome.mean|
 * </pre>
 * (so the 1-in-20 figure is known to within REL of the average year), or at the cap.
 *
 * <p>Why the result is the run of a fixed trial count: each batch asks the engine for the next blocks
 * of the same fixed numbering ({@link SimulationEngine#runBlocks(EngineInput, RunSettings, int,
 * SimulationEngine.Progress, Consumer)}), so the blocks handed on are exactly those of a run of N
 * trials; and the check at a boundary uses the very statistics summary.json would hold for that many
 * trials ({@link Summaries#metric}), so the stopping point depends on the seed and scenario only,
 * never on the thread count. The loop sees blocks only through the engine's block interface: it keeps
 * each model's net income (8 bytes per model per trial, what the check's quantiles need) and passes
 * every block on to a sink, which may keep them (today's summary) or reduce them as they come.
 *
 * <p>Thread safety: each call works on its own state.
 */
public final class PrecisionRun {

    /** Engine blocks per batch: 10 blocks, 10,240 trials, between two checks. */
    public static final int BATCH_BLOCKS = 10;

    /** Trials per batch. */
    public static final int BATCH = BATCH_BLOCKS * TrialBlocks.SIZE;

    /** Default cap on trials ({@code --max-trials}). */
    public static final int DEFAULT_MAX_TRIALS = 10_000_000;

    /** The rule, in words, as summary.json states it. */
    public static final String RULE = "stop at the first batch boundary where, for every model, "
            + "netIncome.meanStdError <= precision x |netIncome.mean| and netIncome.mcse.p05 <= precision x "
            + "|netIncome.mean|";

    /** Index of the 5th percentile in {@link Summaries#PERCENTILES}. */
    private static final int P05 = indexOf(5);

    private PrecisionRun() {
    }

    private static int indexOf(int percent) {
        for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
            if (Summaries.PERCENTILES[i] == percent) {
                return i;
            }
        }
        throw new IllegalStateException("Summaries.PERCENTILES lacks " + percent);
    }

    /**
     * Runs batches until the rule holds or {@code maxTrials} trials have run.
     *
     * @param engine the engine
     * @param input the practice and payment models
     * @param seed run seed
     * @param threads worker threads (results do not depend on it)
     * @param precision REL, in (0, 1]
     * @param maxTrials the cap, &gt;= 1
     * @param progress told of finished trials
     * @param sink receives every block, in block order
     * @return how the run stopped, with the convergence trace
     * @throws InterruptedException when interrupted
     */
    public static Stopping run(SimulationEngine engine, EngineInput input, long seed, int threads, double precision,
                               int maxTrials, SimulationEngine.Progress progress, Consumer<TrialOutcomes> sink)
            throws InterruptedException {
        if (!(precision > 0 && precision <= 1)) {
            throw new IllegalArgumentException("precision: expected a number in (0, 1], found " + precision);
        }
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials: expected at least 1, found " + maxTrials);
        }
        int models = input.models().size();
        double[][] net = new double[models][Math.min(maxTrials, BATCH)];
        int[] filled = {0};
        List<Stopping.Checkpoint> trace = new ArrayList<>();
        int done = 0;
        while (true) {
            int end = (int) Math.min(maxTrials, (long) done + BATCH);
            for (int m = 0; m < models; m++) {
                if (net[m].length < end) {
                    net[m] = Arrays.copyOf(net[m], (int) Math.min(maxTrials, Math.max(end, 2L * net[m].length)));
                }
            }
            engine.runBlocks(input, new RunSettings(end, seed, threads), done / TrialBlocks.SIZE, progress, block -> {
                for (int m = 0; m < models; m++) {
                    for (int r = 0; r < block.trials(); r++) {
                        net[m][block.offset() + r] = block.netIncome(m, r);
                    }
                }
                filled[0] = block.offset() + block.trials();
                sink.accept(block);
            });
            if (filled[0] != end) {
                throw new IllegalStateException("expected trials up to " + end + " from the engine, found " + filled[0]);
            }
            done = end;
            boolean reached = true;
            List<Stopping.Estimate> estimates = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                MetricSummary s = Summaries.metric(Arrays.copyOf(net[m], done));
                double p05se = s.mcse() == null ? Double.NaN : s.mcse().quantiles()[P05];
                estimates.add(new Stopping.Estimate(s.mean(), s.meanStdError(), s.percentile(5), p05se));
                reached &= met(s, precision);
            }
            trace.add(new Stopping.Checkpoint(done, estimates));
            if (reached || done == maxTrials) {
                return new Stopping(RULE, precision, BATCH, done, reached, trace);
            }
        }
    }

    /** Whether one model's net-income summary meets the rule (never below 200 trials, without an MCSE). */
    static boolean met(MetricSummary s, double precision) {
        if (s.mcse() == null) {
            return false;
        }
        double tolerance = precision * Math.abs(s.mean());
        return s.meanStdError() <= tolerance && s.mcse().quantiles()[P05] <= tolerance;
    }
}
