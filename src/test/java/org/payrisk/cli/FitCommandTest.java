package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code payrisk fit} end to end: output folder, printed YAML line, fit.json, and exit 2 for bad input. */
class FitCommandTest {

    static final String DATA = "scenarios/data/visits-per-episode.csv";

    @TempDir
    Path tmp;

    @Test
    void countsWriteFitJsonAndAPpChartAndPrintTheYamlLine() throws IOException {
        Path out = tmp.resolve("visits-fit");
        CliTest.Result r = CliTest.payrisk("fit", DATA, "--column", "followUpVisits", "--n", "60", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("fit.json", "pp.png", "pp.svg", "run.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no staging folder left beside the output");
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("fit.json").toFile());
        assertEquals("count", j.get("kind").asText());
        assertTrue(j.get("kindInferred").asBoolean());
        assertEquals(600, j.get("values").asInt());
        assertEquals(60, j.get("binomialN").asInt());
        assertEquals(3, j.get("fits").size());
        JsonNode best = j.get("fits").get(0);
        assertEquals(j.get("winner").asText(), best.get("family").asText());
        assertTrue(best.get("winner").asBoolean());
        assertEquals(0.0, best.get("deltaAic").asDouble());
        double previous = Double.NEGATIVE_INFINITY;
        for (JsonNode f : j.get("fits")) {
            assertTrue(f.get("aic").asDouble() >= previous, "ranked by AIC");
            previous = f.get("aic").asDouble();
            assertEquals("chi-square", f.get("test").get("name").asText());
            assertTrue(f.get("test").get("degreesOfFreedom").asInt() >= 1);
            f.get("parameters").fields().forEachRemaining(p -> {
                boolean given = f.get("family").asText().equals("binomial") && p.getKey().equals("n");
                assertEquals(given, p.getValue().get("standardError").isNull(), p.getKey());
            });
        }
        String yaml = j.get("yaml").asText();
        assertTrue(yaml.startsWith("followUpVisits: { " + j.get("winner").asText() + ": { "), yaml);
        assertTrue(yaml.contains("# fitted to visits-per-episode.csv:followUpVisits, n = 600, maximum likelihood; chi-square "),
                yaml);
        assertTrue(r.out().contains("\n  " + yaml + "\n"), r.out());
        assertTrue(r.out().contains("df = cells - 1 - estimated parameters"), r.out());
    }

    @Test
    void continuousWritesAQqChartAndTheSameFitJsonTwice() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : List.of(a, b)) {
            CliTest.Result r = CliTest.payrisk("fit", DATA, "--column", "episodeCost", "--bootstrap", "99", "--out",
                    out.toString(), "--quiet");
            assertEquals(0, r.status(), r.err());
            assertEquals(1, r.out().strip().lines().count(), "--quiet prints the YAML line only: " + r.out());
            assertTrue(r.out().startsWith("episodeCost: { "), r.out());
        }
        assertTrue(Files.size(a.resolve("qq.svg")) > 0 && Files.size(a.resolve("qq.png")) > 0);
        assertArrayEquals(Files.readAllBytes(a.resolve("fit.json")), Files.readAllBytes(b.resolve("fit.json")));
        JsonNode j = new ObjectMapper().readTree(a.resolve("fit.json").toFile());
        assertEquals(99, j.get("bootstrap").get("samples").asInt());
        for (JsonNode f : j.get("fits")) {
            assertEquals("kolmogorov-smirnov", f.get("test").get("name").asText());
            assertEquals(99, f.get("test").get("bootstrapSamples").asInt());
            double p = f.get("test").get("pValue").asDouble();
            assertTrue(p > 0 && p <= 1 && Math.abs(p * 100 - Math.rint(p * 100)) < 1e-9, "p = (1 + count) / 100: " + p);
        }
    }

    @Test
    void probabilitiesFitABetaWithAQqChart() throws IOException {
        Path out = tmp.resolve("share");
        CliTest.Result r = CliTest.payrisk("fit", DATA, "--column", "cancelledShare", "--bootstrap", "99", "--out",
                out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("probability data (inferred from the values; --kind overrides)"), r.out());
        assertTrue(r.out().contains("\n  cancelledShare: { beta: { mean: "), r.out());
        assertTrue(Files.size(out.resolve("qq.svg")) > 0 && Files.size(out.resolve("qq.png")) > 0);
        assertTrue(Files.readString(out.resolve("qq.svg")).contains("beta (best AIC)"));
    }

    @Test
    void aFitIsReplacedOnlyWithForce() throws IOException {
        Path out = tmp.resolve("again");
        String[] args = {"fit", DATA, "--column", "followUpVisits", "--out", out.toString(), "--quiet"};
        assertEquals(0, CliTest.payrisk(args).status());
        CliTest.Result twice = CliTest.payrisk(args);
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("already holds a run; pass --force"), twice.err());
        String[] forced = Stream.concat(Stream.of(args), Stream.of("--force")).toArray(String[]::new);
        CliTest.Result r = CliTest.payrisk(forced);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("fit.json")));
    }

    @Test
    void existingOutputIsNotReplacedWithoutForce() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliTest.Result r = CliTest.payrisk("fit", DATA, "--column", "followUpVisits", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void badInputExitsTwoWithALocatedMessageAndNoStackTrace() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "id,visits,share\n1,3,0.2\n2,x,0.3\n", StandardCharsets.UTF_8);
        Object[][] cases = {
            {new String[] {"fit", DATA, "--column", "followupvisit"}, "did you mean \"followUpVisits\"?"},
            {new String[] {"fit", bad.toString(), "--column", "visits"}, bad + ":3:3: row 2, column \"visits\": expected a number, found \"x\""},
            {new String[] {"fit", DATA, "--column", "episodeCost", "--kind", "count"}, "row 1, column \"episodeCost\": expected a count"},
            {new String[] {"fit", DATA, "--column", "episodeCost", "--kind", "probability"}, "row 1, column \"episodeCost\": expected a probability in [0, 1]"},
            {new String[] {"fit", tmp.resolve("none.csv").toString(), "--column", "x"}, "none.csv: no such file"},
            {new String[] {"fit", tmp.toString(), "--column", "x"}, "expected a CSV file, found a directory"},
            {new String[] {"fit", DATA, "--column", "followUpVisits", "--kind", "counts"}, "expected count, continuous or probability"},
            {new String[] {"fit", DATA, "--column", "episodeCost", "--n", "10", "--kind", "continuous"}, "--n: the binomial fits counts"},
            {new String[] {"fit", DATA, "--column", "followUpVisits", "--n", "0"}, "--n: expected a whole number in [1, "},
            {new String[] {"fit", DATA, "--column", "followUpVisits", "--n", "20"}, "expected a count of at most the binomial n = 20"},
            {new String[] {"fit", DATA, "--column", "episodeCost", "--bootstrap", "5"}, "--bootstrap: expected a whole number in [99, 100000], found 5"},
            {new String[] {"fit", DATA}, "Missing required option: '--column=NAME'"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            String[] withOut = Stream.concat(Stream.of(args), Stream.of("--out", tmp.resolve("never").toString()))
                    .toArray(String[]::new);
            CliTest.Result r = CliTest.payrisk(withOut);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains((String) c[1]), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(tmp.resolve("never")), "nothing written for bad input");
        }
    }
}
