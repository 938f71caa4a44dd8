package org.payrisk.cli;

import java.lang.management.ManagementFactory;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.TrialBlocks;
import org.payrisk.engine.TrialKernel;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.StreamingSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * The up-front memory check of a run, and the advice given when Java runs out of memory anyway.
 *
 * <p>A run of at most {@link Summaries#EXACT_LIMIT} trials keeps every trial's outcomes ({@link TrialOutcomes}: one array of {@code trials} values
 * per model and month), then summarising holds each model's net-income column and up to
 * {@value #TRANSIENT_COLUMNS} further columns at once (copies sorted for quantiles, the cash view's
 * lowest balances and runways, a paired difference). With the G1 collector every array larger than
 * half a heap region is "humongous" and takes whole regions, so each array is rounded up to the
 * region size; small heaps (1 MB regions) lose up to half their space this way. On top come
 * {@value #FIXED_MB} MB for the JVM, the libraries and the report's charts (twice what was measured:
 * {@code payrisk report} of the shipped scenario renders with -Xmx24m). The estimate is compared with the whole heap after a margin
 * of {@value #MARGIN}, because the collector needs room to move.
 *
 * <p>A larger run keeps no trial: it holds the streaming summary's histograms
 * ({@link StreamingSummary#bytesNeeded}, fixed), the blocks in flight (being filled, or waiting for an
 * earlier block: at most {@value #BLOCKS_PER_THREAD} a thread) and the same fixed part, so its
 * estimate does not grow with the trial count.
 */
final class Memory {

    /** Columns summarising holds besides the kept net-income columns (see the class comment). */
    static final int TRANSIENT_COLUMNS = 6;
    /** Memory of everything that does not grow with the trials: JVM, libraries, rendering, MB. */
    static final int FIXED_MB = 48;
    /** Blocks a worker thread may have in flight: one being filled, and finished ones waiting. */
    static final int BLOCKS_PER_THREAD = 3;
    /** Share of the heap a run may plan to use. */
    static final double MARGIN = 0.8;

    /** The -Xmx advice of the run under way, for an OutOfMemoryError that still happens. */
    private static volatile String advice;

    private Memory() {
    }

    /**
     * @param models payment models
     * @param trials trials
     * @param months counted months
     * @param regionBytes the G1 heap region size, 0 for other collectors
     * @return heap bytes a run needs, everything kept included
     */
    static long bytesNeeded(int models, long trials, int months, long regionBytes) {
        return bytesNeeded(models, 0, trials, months, 1, regionBytes);
    }

    /**
     * @param models payment models
     * @param inputs recorded per-trial inputs (kept on the exact path only)
     * @param trials trials
     * @param months counted months
     * @param threads worker threads
     * @param regionBytes the G1 heap region size, 0 for other collectors
     * @return heap bytes a run needs, everything kept included
     */
    static long bytesNeeded(int models, int inputs, long trials, int months, int threads, long regionBytes) {
        if (!Summaries.isExact(trials)) {
            long blocks = (long) BLOCKS_PER_THREAD * Math.max(1, threads)
                    * TrialOutcomes.bytesNeeded(models, inputs, TrialBlocks.SIZE, months);
            return StreamingSummary.bytesNeeded(models, months) + blocks + FIXED_MB * 1024L * 1024;
        }
        long arrays = inputs + 1 + models + (long) models * months + (long) models * (months + 1)
                + TrialOutcomes.ACTIVITY.size() + models + TRANSIENT_COLUMNS;
        long perArray = 16 + 8 * trials;
        if (regionBytes > 0 && perArray >= regionBytes / 2) {
            perArray = (perArray + regionBytes - 1) / regionBytes * regionBytes;
        }
        return arrays * perArray + FIXED_MB * 1024L * 1024;
    }

    /**
     * @param models payment models
     * @param trials trials
     * @param months counted months
     * @param g1 whether the G1 collector runs (its region size grows with the heap)
     * @return the smallest heap to ask for, e.g. {@code -Xmx768m} or {@code -Xmx3g}
     */
    static String xmxFor(int models, long trials, int months, boolean g1) {
        return xmxFor(models, 0, trials, months, 1, g1);
    }

    static String xmxFor(int models, int inputs, long trials, int months, int threads, boolean g1) {
        long heap = 0;
        for (int i = 0; i < 4; i++) { // a larger heap has larger regions: settle the two
            long need = bytesNeeded(models, inputs, trials, months, threads, g1 ? g1RegionFor(heap) : 0);
            heap = roundHeap((long) Math.ceil(need / MARGIN));
        }
        long mb = heap >> 20;
        return mb % 1024 == 0 ? "-Xmx" + (mb / 1024) + "g" : "-Xmx" + mb + "m";
    }

    /** Rounds a heap size up to 128 MB below 1 GB, to whole GB above. */
    private static long roundHeap(long bytes) {
        long mb = (bytes + (1 << 20) - 1) >> 20;
        mb = mb <= 1024 ? (mb + 127) / 128 * 128 : (mb + 1023) / 1024 * 1024;
        return mb << 20;
    }

    /** G1's ergonomic region size for a heap: heap / 2048 as a power of two, within [1 MB, 32 MB]. */
    static long g1RegionFor(long heap) {
        long r = Long.highestOneBit(Math.max(1, heap / 2048));
        return Math.max(1 << 20, Math.min(32 << 20, r));
    }

    /**
     * Refuses a run of {@code scenario} that would not fit in the heap, before any work: its models,
     * the per-trial inputs its kernel records and its horizon, at {@code trials} and {@code threads}.
     *
     * @throws UserInputException naming the -Xmx to use
     */
    static void check(Scenario scenario, long seed, int trials, int threads) throws UserInputException {
        check(scenario.models().size(), new TrialKernel(EngineInput.of(scenario), seed).inputs().size(), trials,
                scenario.practice().horizonMonths(), threads);
    }

    /**
     * Refuses a run that would not fit in the heap, before any work.
     *
     * @throws UserInputException naming the -Xmx to use
     */
    static void check(int models, int inputs, int trials, int months, int threads) throws UserInputException {
        long region = regionBytes();
        long need = bytesNeeded(models, inputs, trials, months, threads, region);
        long max = Runtime.getRuntime().maxMemory();
        String xmx = xmxFor(models, inputs, trials, months, threads, region > 0);
        advice = xmx;
        if (need > MARGIN * max) {
            throw new UserInputException(String.format("%,d trials need about %,d MB of memory (up to %,d trials "
                    + "every trial's outcomes are kept, then summarised and rendered), but Java may use %,d MB: run fewer trials, or give Java "
                    + "more memory with %s (JAVA_OPTS=%s ./payrisk ..., or java %s -jar payrisk.jar ...)", trials,
                    need >> 20, Summaries.EXACT_LIMIT, max >> 20, xmx, xmx, xmx));
        }
    }

    /** @return the message for an OutOfMemoryError, naming the -Xmx to use */
    static String outOfMemoryMessage() {
        long max = Runtime.getRuntime().maxMemory();
        String xmx = advice != null ? advice : "-Xmx" + Math.max(1, (2 * max + (1L << 30) - 1) >> 30) + "g";
        return String.format("Java ran out of memory (it may use %,d MB): give it more with %s (JAVA_OPTS=%s ./payrisk ..., "
                + "or java %s -jar payrisk.jar ...), or run fewer trials", max >> 20, xmx, xmx, xmx);
    }

    /** @return the G1 region size in bytes, or 0 when another collector runs or it cannot be told */
    static long regionBytes() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(bean.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(bean.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 1 << 20; // assume G1's smallest region: the estimate errs on the large side
        }
    }
}
