package org.payrisk.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.NonFiniteOutcomeException;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialBlocks;
import org.payrisk.engine.TrialKernel;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.stats.BlockMerger;
import org.payrisk.stats.TrialOutcomes;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Spark engine: the same numbered blocks as the local engine ({@link TrialBlocks}), one Spark
 * partition (one task) per block, each run on an executor by {@link BlockTask} with the same
 * {@link TrialKernel} and streams; the driver merges the returned blocks in block order with a
 * {@link BlockMerger}, as they arrive. So a run's outcomes, and its summary.json and trials.csv, are
 * byte-identical to the local engine's for the same scenario, seed and trials, whichever executor ran
 * a block and however often Spark retried it.
 *
 * <p>Only data travels: the validated scenario's bytes (broadcast once), each run's seed and trial
 * count, and back the blocks' outcomes as bytes ({@link OutcomesCodec}).
 *
 * <p>{@link #runAll} runs many scenarios in one Spark job (their blocks side by side, merged per
 * scenario), which is what sweeps and populations of practices need.
 *
 * <p>Owns one Spark context from construction until {@link #close}; not thread safe (Spark jobs of
 * one context may run concurrently, but this engine's callers run one at a time).
 */
public final class SparkEngine implements SimulationEngine, AutoCloseable {

    /** Master used when neither the caller nor spark-submit names one: all cores of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** The master URLs Spark 4 itself accepts (SparkContext.createTaskScheduler), checked before Spark logs a failure. */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(, *[0-9]+)?\\])?|local-cluster\\[[0-9]+, *[0-9]+, *[0-9]+\\]|spark://\\S+|yarn|k8s://\\S+");

    private static final String FROM_BYTES = "the Spark engine runs scenarios from their bytes: call run(Scenario, ...), "
            + "runAll(List<ScenarioRun>, ...) or runBlocks(List<ScenarioRun>, ...)";

    private final JavaSparkContext context;

    /**
     * Starts a Spark context.
     *
     * @param master the master URL ({@code local[2]}, {@code spark://host:7077}, ...); null for the one
     *     spark-submit set (system property {@code spark.master}), else {@value #DEFAULT_MASTER}
     * @param settings further Spark settings (e.g. {@code spark.driver.host}); they win over the
     *     defaults chosen here
     * @throws SparkUnavailableException when Spark cannot start with this master
     */
    public SparkEngine(String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName("payrisk");
        String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        if (!MASTER.matcher(chosen).matches()) {
            throw new SparkUnavailableException("--master: expected local[*], local[N], spark://HOST:PORT, yarn or "
                    + "k8s://URL, found " + chosen, null);
        }
        conf.setMaster(chosen);
        if (chosen.startsWith("local")) {
            // a run on this machine needs no network beyond loopback and no web UI
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            // started by ./payrisk rather than spark-submit: ship the jar these classes came from
            payriskJar().ifPresent(jar -> conf.set("spark.jars", jar));
        }
        settings.forEach(conf::set);
        try {
            context = new JavaSparkContext(conf);
        } catch (Exception e) { // Scala throws SparkException, a checked exception Java cannot name here
            throw new SparkUnavailableException("Spark could not start with master " + chosen + ": " + e.getMessage()
                    + " (check --master: local[*], local[N] or spark://HOST:PORT of a running master)", e);
        }
        context.setLogLevel("WARN");
    }

    @Override
    public String name() {
        return "spark";
    }

    /** @return Spark's id of this engine's application (executors carry it on their command line) */
    public String applicationId() {
        return context.sc().applicationId();
    }

    /** @return the master URL in use */
    public String master() {
        return context.master();
    }

    /**
     * Not available: this engine sends the scenario's validated bytes to the executors, which model
     * records do not have. Use {@link #run(Scenario, RunSettings, Progress)}, {@link #runAll} or
     * {@link #runBlocks(List, Progress, BlockSink)}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void runBlocks(EngineInput input, RunSettings settings, Progress progress, Consumer<TrialOutcomes> inBlockOrder) {
        throw new UnsupportedOperationException(FROM_BYTES);
    }

    /**
     * Not available, as {@link #runBlocks(EngineInput, RunSettings, Progress, Consumer)}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public TrialOutcomes run(EngineInput input, RunSettings settings, Progress progress) {
        throw new UnsupportedOperationException(FROM_BYTES);
    }

    @Override
    public TrialOutcomes run(Scenario scenario, RunSettings settings, Progress progress) throws InterruptedException {
        try {
            return runAll(List.of(ScenarioRun.of(scenario, settings)), progress).get(0);
        } catch (ScenarioException e) {
            throw new IllegalStateException("a validated scenario failed to load again from its own bytes: " + e.getMessage(), e);
        }
    }

    /**
     * Runs several scenarios in one Spark job and collects each run's outcomes.
     *
     * @param runs the runs (scenario bytes, trials, seed), at least one
     * @param progress told of each block as the driver merges it (from Spark's scheduler thread)
     * @return the outcomes of each run, in the order of {@code runs}
     * @throws ScenarioException when a run's bytes are not a valid scenario (checked on the driver,
     *     before anything is sent)
     * @throws InterruptedException when the run is interrupted
     * @throws NonFiniteOutcomeException when a trial's outcome is not a finite number (the first such
     *     block, rerun on the driver to name the model, metric and trial)
     */
    public List<TrialOutcomes> runAll(List<ScenarioRun> runs, Progress progress) throws ScenarioException, InterruptedException {
        List<BlockMerger> collect = new ArrayList<>();
        for (ScenarioRun run : runs) {
            EngineInput input = EngineInput.fromScenarioBytes(run.fileName(), run.bytes());
            collect.add(new BlockMerger(input.modelNames(), new TrialKernel(input, run.seed()).inputs(), run.trials(),
                    input.practice().horizonMonths(), null));
        }
        runBlocks(runs, progress, (run, block) -> collect.get(run).accept(block));
        List<TrialOutcomes> out = new ArrayList<>(runs.size());
        for (BlockMerger m : collect) {
            out.add(m.result());
        }
        return out;
    }

    /**
     * Runs several scenarios in one Spark job: every block of every run is one task, and each run's
     * blocks reach {@code sink} in block order as they arrive, without being kept (what a sweep or a
     * population that reduces each run as it goes needs).
     *
     * @param runs the runs (scenario bytes, trials, seed), at least one
     * @param progress told of each block as it is handed on
     * @param sink receives (run index, block), each run's blocks in block order, one call at a time
     * @throws ScenarioException when a run's bytes are not a valid scenario (checked on the driver,
     *     before anything is sent)
     * @throws InterruptedException when the run is interrupted
     * @throws NonFiniteOutcomeException when a trial's outcome is not a finite number
     */
    public void runBlocks(List<ScenarioRun> runs, Progress progress, BlockSink sink) throws ScenarioException, InterruptedException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs: expected at least one run, found none");
        }
        int n = runs.size();
        byte[][] bytes = new byte[n][];
        String[] names = new String[n];
        long[] seeds = new long[n];
        int[] trials = new int[n];
        List<EngineInput> inputs = new ArrayList<>(n);
        List<BlockMerger> mergers = new ArrayList<>(n);
        List<Long> ids = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            ScenarioRun run = runs.get(r);
            inputs.add(EngineInput.fromScenarioBytes(run.fileName(), run.bytes()));
            bytes[r] = run.bytes();
            names[r] = run.fileName();
            seeds[r] = run.seed();
            trials[r] = run.trials();
            final int index = r;
            mergers.add(new BlockMerger(run.trials(), block -> sink.accept(index, block)));
            for (int b = 0; b < TrialBlocks.count(run.trials()); b++) {
                ids.add(BlockTask.id(r, b));
            }
        }
        Merge merge = new Merge(ids, mergers, progress);
        Broadcast<byte[][]> scenarios = context.broadcast(bytes);
        try {
            // one element per partition: Spark cuts a list of n elements into n slices of one
            JavaRDD<Long> blocks = context.parallelize(ids, ids.size());
            @SuppressWarnings("unchecked")
            ClassTag<byte[]> tag = (ClassTag<byte[]>) (ClassTag<?>) ClassTag$.MODULE$.apply(byte[].class);
            context.sc().runJob(blocks.rdd(), new BlockTask(scenarios, names, seeds, trials), merge, tag);
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("run interrupted");
            }
            if (context.sc().isStopped()) {
                throw new SparkUnavailableException("the Spark run stopped before it finished (master " + context.master()
                        + "): " + e.getMessage(), e);
            }
            throw e;
        } finally {
            scenarios.destroy();
        }
        if (merge.failedId >= 0) {
            int run = (int) (merge.failedId >>> 32);
            int block = (int) merge.failedId;
            // rerun here: the same streams fail the same way, and the exception names model, metric and trial
            new TrialKernel(inputs.get(run), seeds[run]).runBlock(block, trials[run]);
            throw new IllegalStateException("block " + block + " of " + names[run] + " was not finite on an executor but is here");
        }
        for (BlockMerger m : mergers) {
            m.checkComplete();
        }
    }

    /** Receives the blocks of {@link #runBlocks(List, Progress, BlockSink)}. */
    @FunctionalInterface
    public interface BlockSink {
        /**
         * @param run index of the run in the list given
         * @param block its next block, in block order
         */
        void accept(int run, TrialOutcomes block);
    }

    /** Stops the Spark context. */
    @Override
    public void close() {
        context.stop();
    }

    private static java.util.Optional<String> payriskJar() {
        CodeSource source = SparkEngine.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return java.util.Optional.empty();
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Receives each partition's bytes on the driver and merges the block into its run. */
    private static final class Merge extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final List<Long> ids;
        private final List<BlockMerger> mergers;
        private final Progress progress;
        /** The first (lowest) (run, block) id whose outcomes were not finite, or -1. */
        private volatile long failedId = -1;

        Merge(List<Long> ids, List<BlockMerger> mergers, Progress progress) {
            this.ids = ids;
            this.mergers = mergers;
            this.progress = progress;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] bytes) {
            long id = ids.get((Integer) partition);
            int run = (int) (id >>> 32);
            int block = (int) id;
            if (OutcomesCodec.failedBlock(bytes) >= 0) {
                if (failedId < 0 || id < failedId) {
                    failedId = id;
                }
                return BoxedUnit.UNIT;
            }
            TrialOutcomes outcomes = OutcomesCodec.decode(bytes);
            if (outcomes.offset() != TrialBlocks.start(block)) {
                throw new IllegalStateException("partition " + partition + ": expected block " + block + " (trials from "
                        + TrialBlocks.start(block) + "), found trials from " + outcomes.offset());
            }
            mergers.get(run).accept(outcomes);
            progress.finished(outcomes.trials());
            return BoxedUnit.UNIT;
        }
    }
}
