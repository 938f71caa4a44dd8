package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code payrisk sweep} and {@code payrisk solve} end to end: a point's figures are exactly those of a
 * separate {@code payrisk run} of the scenario with that value; a model the swept field cannot change
 * has byte-identical figures at every point; outputs are byte-identical on 1 and 2 threads; every bad
 * input exits 2 with a located message and writes nothing; a closed-form break-even lies inside the
 * solve's interval.
 */
class SweepSolveCliTest {

    static final String YAML = """
            name: Sweep test practice
            horizonMonths: 12
            simulation: { trials: 300, seed: 7 }
            practice:
              clinicians: 1.0
              visitsPerClinicianDay: 10
              workdaysPerMonth: 20
              costs: { fixedPerMonth: 5000, perAttendedVisit: 10.0 }
            cash:
              startingReserve: 10000
            demand:
              newEpisodesPerMonth: { poisson: { mean: 6 } }
              cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }
              payers: { commercial: 1 }
              cases:
                - name: general
                  share: 1
                  followUpVisits: { negativeBinomial: { mean: 8, dispersion: 2 } }
                  visitsPerMonth: 8
                  unitsPerVisit: 3
            models:
              - name: fee-for-service
                default:
                  feeForService: { evaluation: 100.0, perUnit: 30.0, denialRate: 0.05 }
              - name: capitation
                default:
                  capitation: { pmpm: 4.0, members: { normal: { mean: 10000, sd: 500 } } }
            """;

    static final String PMPM = "models[capitation].default.capitation.pmpm";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path scenario(Path dir, String yaml) throws IOException {
        Path f = dir.resolve("practice.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void eachPointEqualsASeparateRunAndAnIndependentModelIsIdenticalEverywhere(@TempDir Path tmp) throws IOException {
        Path file = scenario(tmp, YAML);
        Path out = tmp.resolve("sweep");
        CliTest.Result r = CliTest.payrisk("sweep", file.toString(), "--vary", "models[1].default.capitation.pmpm=3:5:3",
                "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("sweep.json", "sweep.csv", "report.html", "brief.md", "run.json", "scenario.yaml",
                "charts/sweep-mean-net-income.png", "charts/sweep-mean-net-income.svg", "charts/sweep-prob-loss.svg")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode sweep = JSON.readTree(out.resolve("sweep.json").toFile());
        assertEquals("models[1].default.capitation.pmpm", sweep.get("parameters").get(0).get("path").asText());
        assertEquals(3, sweep.get("points").size());
        double[] values = {3, 4, 5};
        JsonNode ffsFirst = sweep.get("points").get(0).get("models").get(0);
        for (int p = 0; p < 3; p++) {
            JsonNode point = sweep.get("points").get(p);
            assertEquals(values[p], point.get("values").get("models[1].default.capitation.pmpm").asDouble());
            // the same scenario written by hand and run on its own
            Path edited = tmp.resolve("p" + p + ".yaml");
            Files.writeString(edited, YAML.replace("pmpm: 4.0", "pmpm: " + values[p]));
            Path runDir = tmp.resolve("run" + p);
            CliTest.Result run = CliTest.payrisk("run", edited.toString(), "--threads", "1", "--out", runDir.toString(),
                    "--no-report", "--quiet");
            assertEquals(0, run.status(), run.err());
            JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
            for (int m = 0; m < 2; m++) {
                JsonNode a = point.get("models").get(m);
                JsonNode b = summary.get("models").get(m);
                assertEquals(b.get("name"), a.get("name"));
                for (String f : List.of("mean", "meanStdError", "p05", "p50", "p95", "probLoss")) {
                    assertEquals(b.get("netIncome").get(f), a.get("netIncome").get(f), "point " + p + " model " + m + " " + f);
                }
                assertEquals(b.get("cash").get("probNegativeAnyMonth"), a.get("cash").get("probNegativeAnyMonth"));
            }
            JsonNode c = point.get("comparisons").get(0);
            JsonNode d = summary.get("comparisons").get(0);
            for (String f : List.of("a", "b", "meanDifference", "meanDifferenceStdError", "probAGreater")) {
                assertEquals(d.get(f), c.get(f), f);
            }
            // fee-for-service does not depend on the capitation rate: identical at every point
            assertEquals(ffsFirst, point.get("models").get(0));
        }
        assertTrue(sweep.get("points").get(0).get("models").get(1).get("netIncome").get("mean").asDouble()
                < sweep.get("points").get(2).get("models").get(1).get("netIncome").get("mean").asDouble());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(1 + 3 * 2, csv.size(), "one row per point and model");
        assertTrue(csv.get(0).startsWith("point,models[1].default.capitation.pmpm,model,netIncome.mean"), csv.get(0));
    }

    /**
     * report.html of a sweep and of a solve comes from the mustache template: the brief's bullets as list
     * items, every chart as a figure, and a scenario name with markup escaped.
     */
    @Test
    void reportPagesComeFromTheTemplateWithNamesEscaped(@TempDir Path tmp) throws IOException {
        Path file = scenario(tmp, YAML.replace("name: Sweep test practice", "name: \"Sweep <b>test</b> & co\""));
        Path sweep = tmp.resolve("sweep");
        Path solve = tmp.resolve("solve");
        assertEquals(0, CliTest.payrisk("sweep", file.toString(), "--vary", PMPM + "=3:5:3", "--trials", "200", "--out",
                sweep.toString(), "--quiet").status());
        assertEquals(0, CliTest.payrisk("solve", file.toString(), "--vary", PMPM, "--between", "0.1:2", "--target",
                "capitation.netIncome.mean = fee-for-service.netIncome.mean", "--trials", "200", "--out", solve.toString(),
                "--quiet").status());
        for (Path dir : List.of(sweep, solve)) {
            String html = Files.readString(dir.resolve("report.html"));
            String brief = Files.readString(dir.resolve("brief.md"));
            assertTrue(html.contains("<h1>" + (dir == sweep ? "Sweep" : "Solve") + ": Sweep &lt;b&gt;test&lt;/b&gt; &amp; co</h1>"),
                    html);
            assertFalse(html.contains("<b>test"), "markup from a name is escaped");
            long bullets = brief.lines().filter(l -> l.startsWith("- ")).count();
            assertEquals(bullets, html.split("<li>", -1).length - 1, "one list item per bullet of brief.md");
            try (var charts = Files.list(dir.resolve("charts"))) {
                long svgs = charts.filter(p -> p.toString().endsWith(".svg")).count();
                assertEquals(svgs, html.split("<figure id=", -1).length - 1, "one figure per chart");
            }
        }
    }

    @Test
    void outputsAreByteIdenticalOnOneAndTwoThreadsAndForceReplaces(@TempDir Path tmp) throws IOException {
        Path file = scenario(tmp, YAML);
        for (String threads : List.of("1", "2")) {
            CliTest.Result r = CliTest.payrisk("sweep", file.toString(), "--vary", PMPM + "=3.5,4.5", "--vary",
                    "cash.startingReserve=0:20000:2", "--trials", "200", "--threads", threads, "--out",
                    tmp.resolve("grid" + threads).toString(), "--quiet");
            assertEquals(0, r.status(), r.err());
            CliTest.Result s = CliTest.payrisk("solve", file.toString(), "--vary", PMPM, "--between", "0.1:2", "--target",
                    "capitation.netIncome.mean = fee-for-service.netIncome.mean", "--trials", "200", "--threads", threads,
                    "--out", tmp.resolve("solve" + threads).toString(), "--quiet");
            assertEquals(0, s.status(), s.err());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("grid1/sweep.json")), Files.readAllBytes(tmp.resolve("grid2/sweep.json")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("grid1/sweep.csv")), Files.readAllBytes(tmp.resolve("grid2/sweep.csv")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("solve1/solve.json")), Files.readAllBytes(tmp.resolve("solve2/solve.json")));
        JsonNode grid = JSON.readTree(tmp.resolve("grid1/sweep.json").toFile());
        assertEquals(4, grid.get("points").size());
        assertTrue(Files.isRegularFile(tmp.resolve("grid1/charts/heat-capitation.svg")));
        // the reserve changes no income figure: points with the same rate agree on net income
        assertEquals(grid.get("points").get(0).get("models").get(1).get("netIncome"),
                grid.get("points").get(1).get("models").get(1).get("netIncome"));
        CliTest.Result again = CliTest.payrisk("sweep", file.toString(), "--vary", PMPM + "=3.5,4.5", "--trials", "50",
                "--out", tmp.resolve("grid1").toString(), "--quiet");
        CliTest.assertBadInput(again, "--force");
        CliTest.Result forced = CliTest.payrisk("sweep", file.toString(), "--vary", PMPM + "=3.5,4.5", "--trials", "50",
                "--out", tmp.resolve("grid1").toString(), "--quiet", "--force");
        assertEquals(0, forced.status(), forced.err());
    }

    @Test
    void badInputExitsTwoNamingTheProblemAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path file = scenario(tmp, YAML);
        Path out = tmp.resolve("never");
        String f = file.toString();
        String o = out.toString();
        String[][] sweeps = {
            {"--vary", "models[capitaton].default.capitation.pmpm=3:5:3", "did you mean `capitation`"},
            {"--vary", "demand.cancelationRate=0.1,0.2", "cancelationRate"},
            {"--vary", "models[0].name=1,2", "models[0].name"},
            {"--vary", PMPM + "=3:5", "FROM:TO:COUNT"},
            {"--vary", PMPM + "=3:5:x", "COUNT"},
            {"--vary", PMPM + "=3:5:1", "COUNT from 2 to 1000"},
            {"--vary", PMPM + "=3:5:1001", "COUNT from 2 to 1000"},
            {"--vary", PMPM + "=3,abc", "value 2 to be a number"},
            {"--vary", PMPM + "=-1,4", "point 1 of 2"},
            {"--vary", "demand.cancellationRate.beta.mean=0.1,1.5", "point 2 of 2"},
            {"--vary", PMPM, "PATH=SPEC"},
        };
        for (String[] c : sweeps) {
            CliTest.Result r = CliTest.payrisk("sweep", f, c[0], c[1], "--trials", "20", "--out", o);
            CliTest.assertBadInput(r, c[2]);
            assertFalse(Files.exists(out), "nothing written for " + c[1]);
        }
        CliTest.assertBadInput(CliTest.payrisk("sweep", f, "--vary", PMPM + "=3,4", "--vary", "cash.startingReserve=0,1",
                "--vary", "practice.clinicians=1,2", "--out", o), "at most 2");
        CliTest.assertBadInput(CliTest.payrisk("sweep", f, "--vary", PMPM + "=3,4", "--vary",
                "models[capitation].default.capitation.pmpm=5,6", "--trials", "20", "--out", o), "same field");
        String target = "capitation.netIncome.mean = fee-for-service.netIncome.mean";
        String[][] solves = {
            {PMPM, "2:8", "capitaton.netIncome.mean = 0", "did you mean `capitation`"},
            {PMPM, "2:8", "capitation.income.mean = 0", "metric"},
            {PMPM, "2:8", "capitation.netIncome.average = 0", "stat of netIncome"},
            {PMPM, "2:8", "capitation.cash.mean = 0", "probNegativeAnyMonth"},
            {PMPM, "2:8", "capitation.netIncome.mean", "LHS = RHS"},
            {PMPM, "8:2", target, "LO < HI"},
            {PMPM, "3:3", target, "LO < HI"},
            {PMPM, "-1:3", target, "not a valid scenario"},
            {"models[capitation].default.capitation.pmp", "2:8", target, "pmp"},
            {PMPM, "2:3", target, "no root"},
        };
        for (String[] c : solves) {
            CliTest.Result r = CliTest.payrisk("solve", f, "--vary", c[0], "--between", c[1], "--target", c[2], "--trials",
                    "50", "--out", o);
            CliTest.assertBadInput(r, c[3]);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
        CliTest.Result noRoot = CliTest.payrisk("solve", f, "--vary", PMPM, "--between", "2:3", "--target", target,
                "--trials", "50", "--out", o);
        assertTrue(noRoot.err().contains("at 2 LHS =") && noRoot.err().contains("at 3 LHS ="), noRoot.err());
    }

    /**
     * Closed form: capitation revenue = pmpm x (members of the 12 months), members ~ Normal(10000, 500)
     * drawn each month, so mean revenue = 120,000 x pmpm and "capitation.revenue.mean = 600000" holds at
     * pmpm* = 5 exactly. Checks: (1) deterministic: with the seed fixed, revenue is exactly linear in
     * pmpm, so the root is 600000 / (revenue(x) / x) of any evaluation x, to the solver's tolerance;
     * (2) statistical: pmpm* lies inside the 95% interval (false-failure rate 5% by the interval's
     * definition; seed 7 is the test scenario's own, not chosen), and the interval's half-width
     * matches 1.96 x pmpm* x 500 sqrt(12) / (120,000 sqrt(n)) within 4.5 standard errors of a sample
     * sd, i.e. 4.5 / sqrt(2 (n - 1)) relative (false-failure rate 6.8e-6).
     */
    @Test
    void closedFormBreakEvenLiesInsideTheInterval(@TempDir Path tmp) throws IOException {
        Path file = scenario(tmp, YAML);
        int n = 1000;
        Path out = tmp.resolve("solve");
        CliTest.Result r = CliTest.payrisk("solve", file.toString(), "--vary", PMPM, "--between", "2:8", "--target",
                "capitation.revenue.mean = 600000", "--trials", Integer.toString(n), "--threads", "2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Capitation's average annual revenue equals 600000 at"), r.out());
        JsonNode s = JSON.readTree(out.resolve("solve.json").toFile());
        double root = s.get("value").asDouble();
        double lo = s.get("interval").get(0).asDouble();
        double hi = s.get("interval").get(1).asDouble();
        JsonNode e = s.get("evaluations").get(0);
        double linear = 600000 * e.get("value").asDouble() / e.get("lhs").asDouble();
        assertEquals(linear, root, s.get("tolerance").asDouble() + 1e-12);
        assertTrue(lo <= 5.0 && 5.0 <= hi, "closed-form 5.0 inside [" + lo + ", " + hi + "]");
        double theory = Solve95.Z * 5.0 * 500 * Math.sqrt(12) / (120000 * Math.sqrt(n));
        assertEquals(theory, (hi - lo) / 2, theory * 4.5 / Math.sqrt(2.0 * (n - 1)));
        for (String f : List.of("solve.json", "brief.md", "report.html", "run.json", "charts/solve-target.png",
                "charts/solve-target.svg")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(s.get("intervalMethod").asText().contains("1.96"));
    }

    /** The normal quantile, written independently of the code under test. */
    static final class Solve95 {
        static final double Z = 1.959963984540054; // scipy.stats.norm.ppf(0.975), scipy 1.17.1
    }
}
