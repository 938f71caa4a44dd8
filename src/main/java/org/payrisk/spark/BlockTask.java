package org.payrisk.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.NonFiniteOutcomeException;
import org.payrisk.engine.TrialKernel;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.stats.TrialOutcomes;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What an executor runs for one partition: the partition's one element names a (run, block) pair
 * ({@link #id}); the task re-reads that run's scenario from its bytes with the scenario loader,
 * builds a {@link TrialKernel} for the run's seed, runs the block with {@link TrialKernel#runBlock}
 * (the very streams the local engine uses) and returns the outcomes encoded by {@link OutcomesCodec}
 * (or, when a trial's outcome is not finite, {@link OutcomesCodec#failed} with the block number).
 *
 * <p>The task's serialised state is data only: a broadcast of the scenarios' bytes and file names,
 * and the runs' seeds and trial counts. Parsed scenarios are cached per executor JVM, keyed by the
 * scenario's file name and the SHA-256 of its bytes, so an executor parses each scenario once, not once
 * per block. (Not by broadcast id: a new Spark context in the same JVM numbers its broadcasts from 0
 * again, so a key by broadcast id handed a later run the scenario of an earlier context's run.)
 */
final class BlockTask extends AbstractFunction1<Iterator<Long>, byte[]> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Parsed scenarios per executor JVM; small, since tasks of one run follow each other. */
    private static final int CACHE_SIZE = 64;
    private static final Map<String, EngineInput> PARSED = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EngineInput> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final Broadcast<byte[][]> scenarios;
    private final String[] fileNames;
    private final long[] seeds;
    private final int[] trials;

    BlockTask(Broadcast<byte[][]> scenarios, String[] fileNames, long[] seeds, int[] trials) {
        this.scenarios = scenarios;
        this.fileNames = fileNames.clone();
        this.seeds = seeds.clone();
        this.trials = trials.clone();
    }

    /**
     * @param run index of the run
     * @param block block number within it
     * @return the element naming that pair
     */
    static long id(int run, int block) {
        return ((long) run << 32) | (block & 0xffffffffL);
    }

    @Override
    public byte[] apply(Iterator<Long> ids) {
        long id = ids.next();
        if (ids.hasNext()) {
            throw new IllegalStateException("expected one block per partition, found more in the partition of " + id);
        }
        int run = (int) (id >>> 32);
        int block = (int) id;
        TrialKernel kernel = new TrialKernel(input(run), seeds[run]);
        try {
            TrialOutcomes outcomes = kernel.runBlock(block, trials[run]);
            return OutcomesCodec.encode(outcomes);
        } catch (NonFiniteOutcomeException e) {
            // the user's input, not the executor, is at fault: a retry would fail the same way
            return OutcomesCodec.failed(block);
        }
    }

    private EngineInput input(int run) {
        byte[] bytes = scenarios.value()[run];
        String key = fileNames[run] + "/" + sha256(bytes);
        synchronized (PARSED) {
            EngineInput cached = PARSED.get(key);
            if (cached != null) {
                return cached;
            }
        }
        EngineInput input;
        try {
            input = EngineInput.fromScenarioBytes(fileNames[run], bytes);
        } catch (ScenarioException e) {
            // the driver validated these very bytes before sending them
            throw new IllegalStateException("scenario " + fileNames[run] + " failed to load on an executor: " + e.getMessage(), e);
        }
        synchronized (PARSED) {
            PARSED.put(key, input);
        }
        return input;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
