package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@link Main#execute}: files written, exit codes, messages, overwrite protection. */
class CliTest {

    static final String SCENARIO = "scenarios/ot-private-practice.yaml";

    record Result(int status, String out, String err) {
    }

    static Result payrisk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    /** @return the names in dir, sorted */
    static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertBadInput(Result r, String fragment) {
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().contains(fragment), () -> "expected '" + fragment + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace for bad input");
    }

    @Test
    void runWritesEveryOutputAndTrialsCsvAgreesWithSummary(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Result r = payrisk("run", SCENARIO, "--trials", "400", "--seed", "5", "--threads", "2", "--out", out.toString(),
                "--export-trials", "--no-report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("fee-for-service"), r.out());
        for (String f : List.of("summary.json", "run.json", "scenario.yaml", "trials.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(Path.of(SCENARIO)), Files.readAllBytes(out.resolve("scenario.yaml")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(400, summary.get("trials").asInt());
        assertEquals(5, summary.get("seed").asLong());
        assertEquals("ot-private-practice.yaml", summary.at("/scenario/file").asText());
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(summary.at("/scenario/sha256").asText(), run.get("inputSha256").asText());
        assertTrue(run.get("trialsPerSecond").asDouble() > 0);

        List<String> csv = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals(401, csv.size());
        assertEquals("trial,fee-for-service.netIncome,fee-for-service.revenue,fee-for-service.costs,"
                + "fee-for-service.minCashBalance,capitation.netIncome,capitation.revenue,capitation.costs,"
                + "capitation.minCashBalance,bundled.netIncome,bundled.revenue,bundled.costs,bundled.minCashBalance,"
                + "episodes,refusedEpisodes,attendedVisits,units,input:demand.cancellationRate,"
                + "input:demand.newEpisodesPerMonth:total,input:demand.cases[hand-upper-extremity].followUpVisits:mean,"
                + "input:demand.cases[hand-upper-extremity].unitsPerVisit:mean,"
                + "input:demand.cases[neuro-rehab].followUpVisits:mean,input:demand.cases[neuro-rehab].unitsPerVisit:mean,"
                + "input:models[fee-for-service].default.feeForService.denialRate,"
                + "input:models[capitation].default.capitation.members:mean", csv.get(0));
        for (int m = 0; m < 3; m++) {
            double sum = 0;
            for (int t = 1; t <= 400; t++) {
                String[] row = csv.get(t).split(",");
                assertEquals(t - 1, Integer.parseInt(row[0]));
                sum += Double.parseDouble(row[1 + 4 * m]);
            }
            // same values summed in the same (trial) order: the mean is reproduced exactly
            assertEquals(summary.at("/models/" + m + "/netIncome/mean").asDouble(), sum / 400, 0.0);
        }
        for (int m = 0; m < 3; m++) {
            double below = 0;
            for (int t = 1; t <= 400; t++) {
                if (Double.parseDouble(csv.get(t).split(",")[4 + 4 * m]) < 0) {
                    below++;
                }
            }
            // the share of trials whose lowest balance is negative is the summary's P(cash < 0 in some month)
            assertEquals(summary.at("/models/" + m + "/cash/probNegativeAnyMonth").asDouble(), below / 400, 1e-12);
        }
    }

    @Test
    void runRendersTheReportAndReportReRendersIt(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Result r = payrisk("run", SCENARIO, "--trials", "300", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("report.html", "brief.md", "brief.html", "charts/income-distribution.png",
                "charts/exceedance.svg", "charts/risk-bars.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // the brief's headline figures are the real run's summary.json values after the brief's rounding
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        String brief = Files.readString(out.resolve("brief.md"));
        for (JsonNode m : summary.get("models")) {
            double q = m.at("/netIncome/p05").asDouble();
            // a negative 5th percentile is written as a loss (Brief: "a loss of more than $X")
            String p05 = q < 0 ? "a loss of more than " + org.payrisk.report.render.PlainNumbers.dollars(-q)
                    : org.payrisk.report.render.PlainNumbers.dollars(q);
            assertTrue(brief.contains(p05), () -> "brief lacks " + p05 + " for " + m.get("name").asText());
        }
        byte[] html = Files.readAllBytes(out.resolve("report.html"));
        Files.delete(out.resolve("brief.md"));
        Result again = payrisk("report", out.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(Files.isRegularFile(out.resolve("brief.md")));
        assertArrayEquals(html, Files.readAllBytes(out.resolve("report.html")), "re-rendering gives the same report");

        Files.writeString(out.resolve("summary.json"), "{ \"schema\": 1, ");
        assertBadInput(payrisk("report", out.toString()), "summary.json");
    }

    @Test
    void aSingleTrialRunHasNoStandardErrorsAndStillRenders(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("one");
        Result r = payrisk("run", SCENARIO, "--trials", "1", "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.at("/models/0/netIncome/sd").isNull(), "one trial has no standard deviation");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("n/a"), "undefined standard errors are shown as n/a");
        assertFalse(html.contains("NaN") || Files.readString(out.resolve("brief.md")).contains("NaN"));
    }

    @Test
    void anExistingRunIsNeverOverwrittenWithoutForce(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, payrisk("run", SCENARIO, "--trials", "50", "--out", out.toString(), "--no-report", "--quiet").status());
        byte[] before = Files.readAllBytes(out.resolve("summary.json"));
        Result again = payrisk("run", SCENARIO, "--trials", "60", "--out", out.toString(), "--no-report");
        assertBadInput(again, "already holds a run; pass --force");
        assertArrayEquals(before, Files.readAllBytes(out.resolve("summary.json")));
        Result forced = payrisk("run", SCENARIO, "--trials", "60", "--out", out.toString(), "--no-report", "--force", "--quiet");
        assertEquals(0, forced.status(), forced.err());
        assertEquals("", forced.out(), "--quiet prints nothing");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"trials\" : 60"));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(out), siblings.toList(), "no staging or old directories left behind");
        }
    }

    @Test
    void badInputExitsWithTwoAndCreatesNoOutput(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: x\npractice: { clinicians: -1 }\n");
        Path out = tmp.resolve("out");
        assertBadInput(payrisk("run", bad.toString(), "--out", out.toString()),
                "bad.yaml:2:25: practice.clinicians: expected a number > 0, found -1");
        assertFalse(Files.exists(out));
        assertBadInput(payrisk("run", tmp.resolve("missing.yaml").toString(), "--out", out.toString()), "no such file");
        assertBadInput(payrisk("run", SCENARIO, "--trials", "0", "--out", out.toString()),
                "--trials': expected a whole number in [1, 100000000], found 0");
        assertBadInput(payrisk("run", SCENARIO, "--threads", "0", "--out", out.toString()), "--threads': expected a whole number in [1, 1024], found 0");
        assertBadInput(payrisk("run", SCENARIO, "--trials", "lots"), "Invalid value for option '--trials'");
        assertBadInput(payrisk("run", SCENARIO, "--colour"), "Unknown option: '--colour'");
        assertFalse(Files.exists(out));
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        assertBadInput(payrisk("run", SCENARIO, "--out", file.toString()), "is a file: expected a directory");
    }

    @Test
    void validateReportsEachFile(@TempDir Path tmp) throws IOException {
        Result ok = payrisk("validate", SCENARIO);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith("ok: " + SCENARIO));
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"name\": 3, \"horizonMonths\": 500}");
        Result r = payrisk("validate", SCENARIO, bad.toString());
        assertBadInput(r, "bad.json:1:30: horizonMonths: expected a whole number in [1, 120], found 500");
        assertTrue(r.out().contains("ok: " + SCENARIO));
    }

    @Test
    void initWritesAStarterThatValidatesAndRefusesToOverwrite(@TempDir Path tmp) {
        Path file = tmp.resolve("mine.yaml");
        assertEquals(0, payrisk("init", file.toString()).status());
        assertEquals(0, payrisk("validate", file.toString()).status());
        assertBadInput(payrisk("init", file.toString()), "already exists: pass --force");
        assertEquals(0, payrisk("init", file.toString(), "--force").status());
    }

    @Test
    void versionHelpAndReportOfANonRun(@TempDir Path tmp) {
        Result v = payrisk("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("payrisk 0.1.0"), v.out());
        Result h = payrisk("--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("run") && h.out().contains("validate") && h.out().contains("init"), h.out());
        assertBadInput(payrisk("report", tmp.toString()), "expected a run directory holding summary.json");
        assertBadInput(payrisk(), "expected a command");
    }

    @Test
    void aNamedCommandBuildsOnlyItselfAndEverythingElseBuildsThemAll() {
        List<String> all = List.of("run", "watch", "validate", "init", "report", "fit", "sweep", "solve", "population", "schema",
                "help");
        for (String name : all) {
            List<String> built = List.copyOf(Main.commandLine(new String[] {name, "x"}).getSubcommands().keySet());
            assertEquals(name.equals("help") ? all : List.of(name), built, name);
        }
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"rn"}, {"@args.txt"}, {"--debug", "run"}}) {
            assertEquals(all, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), List.of(args).toString());
        }
        // a command's own help reads as when every command was built
        picocli.CommandLine every = Main.commandLine(new String[0]);
        for (String name : all) {
            picocli.CommandLine alone = Main.commandLine(new String[] {name}).getSubcommands().get(name);
            assertEquals(every.getSubcommands().get(name).getUsageMessage(), alone.getUsageMessage(), name + " --help");
        }
        Result h = payrisk("run", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().startsWith("Usage: payrisk run "), h.out());
        assertBadInput(payrisk("run", "--trails", "5", SCENARIO), "Possible solutions: --trials");
        assertBadInput(payrisk("runn", SCENARIO), "Did you mean: payrisk run?");
    }

    @Test
    void aNumberFlagFollowsTheScenarioFilesRule() throws IOException {
        String text = Files.readString(Path.of(SCENARIO));
        for (String n : List.of("010", "+5", "1e3", "1_000", "0x10", "1.5", "-5", "1000.0", "00", "1e30", "12abc", "0")) {
            boolean inFile;
            try {
                org.payrisk.scenario.ScenarioLoader.parse(new org.payrisk.scenario.ScenarioSource(Path.of("s.yaml"),
                        text.replace("trials: 10000", "trials: " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                inFile = true;
            } catch (org.payrisk.scenario.ScenarioException e) {
                inFile = false;
            }
            boolean asFlag;
            try {
                WholeNumbers.parse(n, 1, org.payrisk.scenario.ScenarioLoader.MAX_TRIALS, "[1, 100000000]");
                asFlag = true;
            } catch (picocli.CommandLine.TypeConversionException e) {
                asFlag = false;
            }
            assertEquals(inFile, asFlag, "trials: " + n + " in the file vs --trials " + n);
        }
        assertBadInput(payrisk("run", SCENARIO, "--trials", "010"), "leading zero");
        assertBadInput(payrisk("run", SCENARIO, "--seed", "010"), "leading zero");
    }
}
