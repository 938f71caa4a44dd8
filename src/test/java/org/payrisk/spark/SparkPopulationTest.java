package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic tier: {@code payrisk population --engine spark --master local[2]} writes the same
 * population.json, byte for byte, as the local engine, for the first practices of the shipped
 * population (its base scenario and profiles file, comments and all).
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
}
