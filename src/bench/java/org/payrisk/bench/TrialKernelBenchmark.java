package org.payrisk.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.TrialKernel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;

/**
 * Time per trial of the simulation kernel, and of its practice half alone run as the kernel runs it
 * (the same kept generator, set to each trial's stream), so the difference is the payment half (the
 * claims key, every model's rules, overlays and cash, the outcome row). That holds for a plain scenario
 * like the shipped one; with correlations or responses the kernel's trial also draws or simulates more.
 * One operation is one trial; the shipped scenario has about 5,660 attended visits per trial, so
 * attended visits/s = trials/s x 5,660.
 *
 * <p>Each thread (JMH {@code -t}) has its own kernel, as the local engine's workers do, and runs
 * trials {@code 0 .. TRIALS-1} over and over: the same trials in every run, so two builds are compared
 * on the same work. Run with {@code mvn -B -Pbench -DskipTests test-compile exec:exec} (README,
 * Performance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrialKernelBenchmark {

    /** Distinct trials cycled through (their rows in one reused outcome block). */
    private static final int TRIALS = 4096;

    /** Scenario file, relative to the project directory (where {@code exec:exec} runs). */
    @Param("scenarios/ot-private-practice.yaml")
    public String scenario;

    private TrialKernel kernel;
    private TrialOutcomes out;
    private PracticeSimulator simulator;
    private PracticeYear year;
    private TrialStreams streams;
    /** The practice stream, set for each trial as the kernel sets its own, so the simulator's samplers stay bound to it. */
    private final TrialStreams.Reseedable practiceStream = new TrialStreams.Reseedable();
    private int next;

    /** Reads the scenario and builds one kernel (and one practice simulator) for this thread. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        EngineInput input = EngineInput.of(ScenarioLoader.load(Path.of(scenario)));
        long seed = 20261127L;
        kernel = new TrialKernel(input, seed);
        out = new TrialOutcomes(input.modelNames(), kernel.inputs(), 0, TRIALS, input.practice().horizonMonths());
        simulator = new PracticeSimulator(input.practice());
        year = new PracticeYear(input.practice().horizonMonths());
        streams = new TrialStreams(seed);
    }

    /** One whole trial: the practice-year and every payment model's income and cash. */
    @Benchmark
    public void trial() {
        kernel.run(next, out);
        next = (next + 1) % TRIALS;
    }

    /**
     * The practice-year alone (arrivals, attendance, units), as the kernel runs it: one generator kept
     * for the thread and set to the trial's stream ({@code streams.stream(trial, 0, practiceStream)}), so
     * the simulator's samplers are bound once and not again each trial. A new generator each operation
     * would time that binding too, which the kernel does not do, and trial - practiceYear would no
     * longer be the payment half.
     */
    @Benchmark
    public void practiceYear(Blackhole bh) {
        simulator.simulate(streams.stream(next, 0, practiceStream), year);
        bh.consume(year.totalAttendedVisits());
        next = (next + 1) % TRIALS;
    }
}
