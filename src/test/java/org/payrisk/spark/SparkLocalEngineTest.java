package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunInfo;
import org.payrisk.report.SummaryJson;
import org.payrisk.report.TrialsCsv;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: Spark on {@code local[2]} (two executor threads in this JVM, loopback only)
 * gives byte-identical summary.json and trials.csv to the local engine, for every shipped scenario,
 * all of them in one Spark job.
 */
class SparkLocalEngineTest {

    /** Two blocks, the second one short, so a block boundary and the cut both matter (and verify stays quick). */
    static final int TRIALS = 1100;

    static SparkEngine spark;

    @BeforeAll
    static void start() {
        spark = new SparkEngine("local[2]", Map.of());
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    static List<Scenario> shipped() throws IOException, ScenarioException {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted().toList()) {
                out.add(ScenarioLoader.load(p));
            }
        }
        return out;
    }

    static byte[] summaryJson(Scenario s, TrialOutcomes outcomes, long seed) {
        RunInfo info = new RunInfo(s.name(), s.source().path().getFileName().toString(), s.source().sha256(), seed,
                outcomes.trials(), s.practice().horizonMonths(), s.practice().warmUpMonths(), TrialStreams.GENERATOR);
        return SummaryJson.toBytes(info, Summaries.run(outcomes));
    }

    @Test
    void everyShippedScenarioGivesTheLocalEnginesBytes(@TempDir Path dir) throws Exception {
        List<Scenario> scenarios = shipped();
        assertEquals(12, scenarios.size(), "the shipped scenarios (update this count when one is added)");
        long seed = 20261127L;
        List<ScenarioRun> runs = new ArrayList<>();
        for (Scenario s : scenarios) {
            runs.add(ScenarioRun.of(s, new RunSettings(TRIALS, seed, 1)));
        }
        AtomicInteger progressed = new AtomicInteger();
        List<TrialOutcomes> onSpark = spark.runAll(runs, progressed::addAndGet);
        assertEquals(TRIALS * scenarios.size(), progressed.get(), "progress counts every trial once");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            TrialOutcomes local = Scenarios.run(s, TRIALS, seed, 2);
            assertArrayEquals(summaryJson(s, local, seed), summaryJson(s, onSpark.get(i), seed), s.source().path().toString());
            Path a = dir.resolve(i + "-local.csv");
            Path b = dir.resolve(i + "-spark.csv");
            TrialsCsv.write(local, a);
            TrialsCsv.write(onSpark.get(i), b);
            assertEquals(-1L, Files.mismatch(a, b), "trials.csv of " + s.source().path());
        }
    }

    @Test
    void theScenarioEntryPointMatchesTooAndAnotherSeedDiffers() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        RunSettings settings = new RunSettings(1100, 7L, 1);
        TrialOutcomes onSpark = spark.run(s, settings, SimulationEngine.Progress.NONE);
        byte[] expected = summaryJson(s, Scenarios.run(s, 1100, 7L, 1), 7L);
        assertArrayEquals(expected, summaryJson(s, onSpark, 7L));
        TrialOutcomes otherSeed = spark.run(s, new RunSettings(1100, 8L, 1), SimulationEngine.Progress.NONE);
        assertEquals(false, java.util.Arrays.equals(expected, summaryJson(s, otherSeed, 7L)), "another seed must give other numbers");
    }

    @Test
    void invalidBytesAreRefusedOnTheDriverBeforeAnythingIsSent() {
        ScenarioRun bad = new ScenarioRun("bad.yaml", "practice: [".getBytes(java.nio.charset.StandardCharsets.UTF_8), 10, 1L);
        ScenarioException e = assertThrows(ScenarioException.class, () -> spark.runAll(List.of(bad), SimulationEngine.Progress.NONE));
        assertEquals(true, e.getMessage().contains("bad.yaml"), e.getMessage());
    }
}
