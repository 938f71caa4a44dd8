package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: {@code payrisk population --engine spark --master local[2]} writes the same
 * population.json, byte for byte, as the local engine, for the first practices of the shipped
 * population (its base scenario and profiles file, comments and all); and Spark contexts started one
 * after the other in one JVM (as these tests and the command line's runs do) each run their own
 * scenario. No Spark context may be open while these run (each test starts its own).
 */
class SparkPopulationTest {

    @Test
    void sparkAndLocalWriteTheSamePopulationJson(@TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("scenarios/population/profiles.csv"));
        int header = 0;
        while (lines.get(header).startsWith("#")) {
            header++;
        }
        Path csv = tmp.resolve("profiles.csv");
        Files.write(csv, lines.subList(0, header + 7)); // comments, header and 6 practices
        String base = "scenarios/population/base.yaml";
        SparkCliTest.Result local = SparkCliTest.payrisk("population", base, "--practices", csv.toString(), "--trials", "300",
                "--threads", "2", "--out", tmp.resolve("local").toString(), "--quiet");
        assertEquals(0, local.status(), local.err());
        SparkCliTest.Result spark = SparkCliTest.payrisk("population", base, "--practices", csv.toString(), "--trials", "300",
                "--engine", "spark", "--master", "local[2]", "--out", tmp.resolve("spark").toString(), "--quiet");
        assertEquals(0, spark.status(), spark.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("local/population.json")),
                Files.readAllBytes(tmp.resolve("spark/population.json")));
        assertEquals(-1L, Files.mismatch(tmp.resolve("local/population.csv"), tmp.resolve("spark/population.csv")));
        var run = new ObjectMapper().readTree(tmp.resolve("spark/run.json").toFile());
        assertEquals("spark", run.get("engine").asText());
        assertEquals(true, run.get("engineStartSeconds").asDouble() > 0, "Spark's start-up is timed");
    }

    /**
     * A second Spark context in the same JVM numbers its broadcasts from 0 again; the executors' cache
     * of parsed scenarios must not hand its run the scenario an earlier context sent under the same
     * broadcast id (it did: keyed by broadcast id, a population run followed by a plain run gave the
     * plain run the population's practice).
     */
    @Test
    void aLaterSparkContextInTheSameJvmRunsItsOwnScenario() throws Exception {
        List<Scenario> scenarios = SparkLocalEngineTest.shipped();
        Scenario first = scenarios.get(0);
        Scenario second = scenarios.get(scenarios.size() - 1);
        RunSettings settings = new RunSettings(300, 9L, 1);
        for (Scenario s : List.of(first, second)) {
            try (SparkEngine own = new SparkEngine("local[1]", Map.of())) {
                TrialOutcomes onSpark = own.run(s, settings, SimulationEngine.Progress.NONE);
                assertArrayEquals(SparkLocalEngineTest.summaryJson(s, Scenarios.run(s, 300, 9L, 1), 9L), SparkLocalEngineTest.summaryJson(s, onSpark, 9L),
                        s.source().path().toString());
            }
        }
    }
}
