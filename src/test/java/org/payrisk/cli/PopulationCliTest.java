package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code payrisk population} end to end: the files it writes, population.json byte-identical on 1 and 2
 * threads, the tidy CSV's shape, and every bad profile or flag exits 2 with a located message and
 * writes nothing; an existing folder is not replaced without {@code --force}.
 */
class PopulationCliTest {

    static final String PROFILES = "# two small practices\nid,weight,practice.clinicians,demand.payers.medicare,demand.payers.commercial\n"
            + "small,3,1,0.2,0.8\nbigger,1,2,0.1,0.9\n";

    static Path files(Path dir) throws IOException {
        Files.writeString(dir.resolve("practice.yaml"), SweepSolveCliTest.YAML.replace("payers: { commercial: 1 }",
                "payers: { medicare: 0.2, commercial: 0.8 }"));
        Path csv = dir.resolve("profiles.csv");
        Files.writeString(csv, PROFILES);
        return csv;
    }

    @Test
    void writesEveryFileAndTheSameBytesOnOneAndTwoThreads(@TempDir Path tmp) throws IOException {
        Path csv = files(tmp);
        String scenario = tmp.resolve("practice.yaml").toString();
        CliTest.Result one = CliTest.payrisk("population", scenario, "--practices", csv.toString(), "--trials", "300",
                "--threads", "1", "--out", tmp.resolve("one").toString(), "--quiet");
        assertEquals(0, one.status(), one.err());
        CliTest.Result two = CliTest.payrisk("population", scenario, "--practices", csv.toString(), "--trials", "300",
                "--threads", "2", "--out", tmp.resolve("two").toString());
        assertEquals(0, two.status(), two.err());
        assertTrue(two.out().contains("more than a 1-in-10 chance of a losing year"), two.out());
        for (String f : List.of("population.json", "population.csv", "report.html", "brief.md", "run.json", "scenario.yaml",
                "profiles.csv", "charts/population-prob-loss.png", "charts/population-prob-loss.svg",
                "charts/population-mean-net-income.png", "charts/population-mean-net-income.svg", ".payrisk-run")) {
            assertTrue(Files.isRegularFile(tmp.resolve("two").resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one/population.json")),
                Files.readAllBytes(tmp.resolve("two/population.json")));
        List<String> lines = Files.readAllLines(tmp.resolve("two/population.csv"));
        assertEquals(1 + 2 * 2, lines.size(), "one row per practice and model");
        assertTrue(lines.get(0).startsWith("point,id,weight,model,netIncome.mean"), lines.get(0));
        JsonNode json = SweepSolveCliTest.JSON.readTree(tmp.resolve("two/population.json").toFile());
        assertEquals(2, json.get("profiles").get("practices").asInt());
        assertEquals(4.0, json.get("profiles").get("totalWeight").asDouble());
        JsonNode run = SweepSolveCliTest.JSON.readTree(tmp.resolve("two/run.json").toFile());
        assertEquals("local", run.get("engine").asText());
        assertTrue(run.has("engineStartSeconds"));

        CliTest.Result again = CliTest.payrisk("population", scenario, "--practices", csv.toString(), "--trials", "300",
                "--out", tmp.resolve("two").toString(), "--quiet");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void withVaryTheBriefSaysHowTheShareAtRiskMoves(@TempDir Path tmp) throws IOException {
        Path csv = files(tmp);
        CliTest.Result r = CliTest.payrisk("population", tmp.resolve("practice.yaml").toString(), "--practices", csv.toString(),
                "--vary", "models[capitation].default.capitation.pmpm=2,6", "--trials", "200", "--out",
                tmp.resolve("v").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        String brief = Files.readString(tmp.resolve("v/brief.md"));
        assertTrue(brief.contains("If models[capitation].default.capitation.pmpm goes from 2 to 6, the share of practices with "
                + "more than a 1-in-10 chance of a losing year under capitation"), brief);
        assertTrue(Files.isRegularFile(tmp.resolve("v/charts/population-share-at-risk.svg")));
        assertEquals(1 + 2 * 2 * 2, Files.readAllLines(tmp.resolve("v/population.csv")).size(), "point x practice x model");
    }

    @Test
    void aBadRowExitsTwoNamingFileRowAndColumnAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path csv = files(tmp);
        Files.writeString(csv, PROFILES + "broken,1,-4,0.5,0.5\n");
        Path out = tmp.resolve("out");
        CliTest.Result r = CliTest.payrisk("population", tmp.resolve("practice.yaml").toString(), "--practices", csv.toString(),
                "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(csv + ":5:10: row 3 (practice \"broken\"), column practice.clinicians"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));
        CliTest.Result missing = CliTest.payrisk("population", tmp.resolve("practice.yaml").toString(), "--practices",
                tmp.resolve("nope.csv").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        CliTest.Result engine = CliTest.payrisk("population", tmp.resolve("practice.yaml").toString(), "--practices",
                csv.toString(), "--engine", "hadoop");
        assertEquals(2, engine.status());
        assertTrue(engine.err().contains("--engine: expected local or spark, found hadoop"), engine.err());
    }
}
