package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.analysis.ParameterUncertaintyTest;
import org.payrisk.engine.CorrelatedInputsTest;

/** {@code uncertainty:}, {@code --outer} and {@code correlations:} through the command line. */
class UncertaintyCliTest {

    @TempDir
    Path tmp;

    @Test
    void outerDrawsGoIntoSummaryJsonIdenticallyOnOneAndTwoThreads() throws Exception {
        Path file = Files.writeString(tmp.resolve("u.yaml"), ParameterUncertaintyTest.BASE);
        byte[][] summaries = new byte[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Path out = tmp.resolve("run" + threads);
            CliTest.Result r = CliTest.payrisk("run", file.toString(), "--outer", "3", "--trials", "120", "--threads",
                    String.valueOf(threads), "--out", out.toString(), "--no-report");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("across 3 outer draws of 120 trials"), r.out());
            summaries[threads - 1] = Files.readAllBytes(out.resolve("summary.json"));
        }
        assertArrayEquals(summaries[0], summaries[1]);
        JsonNode s = new ObjectMapper().readTree(summaries[0]);
        assertEquals(3, s.at("/uncertainty/outer").asInt());
        assertEquals("models[cap].default.capitation.pmpm", s.at("/uncertainty/parameters/0/path").asText());
        for (String f : new String[] {"mean", "p05", "p50", "probLoss", "cashProbNegativeAnyMonth"}) {
            JsonNode i = s.at("/models/1/uncertainty/" + f);
            assertTrue(i.get("p05").asDouble() <= i.get("median").asDouble() && i.get("median").asDouble()
                    <= i.get("p95").asDouble(), f + ": " + i);
        }
    }

    @Test
    void outerWithoutAnUncertaintyBlockAndABreakingSupportAreBadInput() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain.yaml"), CorrelatedInputsTest.BASE);
        CliTest.Result r = CliTest.payrisk("run", plain.toString(), "--outer", "5", "--out", tmp.resolve("a").toString());
        CliTest.assertBadInput(r, "--outer");
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), ParameterUncertaintyTest.BASE.replace(
                "{ uniform: { min: 3, max: 5 } }", "{ uniform: { min: -1, max: 5 } }"));
        r = CliTest.payrisk("run", bad.toString(), "--out", tmp.resolve("b").toString());
        CliTest.assertBadInput(r, "uncertainty.parameters.models[cap].default.capitation.pmpm");
        assertTrue(r.err().contains("bad.yaml:22:"), r.err());
        assertFalse(Files.exists(tmp.resolve("b")));
    }

    /** `validate` makes the run's own check of the uncertain parameters: a misspelt path is found before any run. */
    @Test
    void validateFindsAMisspeltUncertainPath() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok.yaml"), ParameterUncertaintyTest.BASE);
        assertEquals(0, CliTest.payrisk("validate", ok.toString()).status());
        Path deep = Files.writeString(tmp.resolve("deep.yaml"), ParameterUncertaintyTest.BASE.replace(
                "capitation.pmpm:", "capitation.ppmm:"));
        CliTest.Result r = CliTest.payrisk("validate", deep.toString());
        CliTest.assertBadInput(r, "did you mean `pmpm`?");
        assertTrue(r.err().contains("the path does not lead to a number") && !r.err().contains("can draw"), r.err());
        Path top = Files.writeString(tmp.resolve("top.yaml"), ParameterUncertaintyTest.BASE.replace(
                "models[cap].default.capitation.pmpm:", "modles[cap].default.capitation.pmpm:"));
        r = CliTest.payrisk("validate", top.toString());
        CliTest.assertBadInput(r, "unknown input path `modles[cap].default.capitation.pmpm`");
        assertTrue(r.err().contains("did you mean `models`?"), r.err());
    }

    @Test
    void aRepairedCorrelationMatrixIsWarnedAboutAndRecorded() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), CorrelatedInputsTest.BASE + String.join("\n",
                "correlations:",
                "  - between: [demand.cancellationRate, \"models[ffs].default.feeForService.denialRate\"]",
                "    rank: 0.9",
                "  - between: [\"models[ffs].default.feeForService.denialRate\", \"models[cap].default.capitation.pmpm\"]",
                "    rank: 0.9",
                "  - between: [demand.cancellationRate, \"models[cap].default.capitation.pmpm\"]",
                "    rank: -0.9",
                ""));
        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.payrisk("run", file.toString(), "--trials", "100", "--out", out.toString(), "--no-report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("payrisk: warning: the rank correlations in correlations: cannot all hold"), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.at("/correlations/repaired").asBoolean());
        assertTrue(s.at("/correlations/largestChange").asDouble() > 0);
        assertEquals(0.9, s.at("/correlations/rank/0/1").asDouble(), 0.0);
        assertEquals(3, s.at("/correlations/used").size());
    }

    @Test
    void theBriefGivesTheOneInTwentyFigureWithItsBandFromSummaryJson() throws Exception {
        Path file = Files.writeString(tmp.resolve("u.yaml"), ParameterUncertaintyTest.BASE);
        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.payrisk("run", file.toString(), "--outer", "4", "--trials", "120", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        String md = Files.readString(out.resolve("brief.md"));
        StringBuilder expected = new StringBuilder("Given what is not known about pmpm under cap, the 1-in-20 figure of "
                + "net income lies ");
        for (int m = 0; m < 2; m++) {
            JsonNode band = s.at("/models/" + m + "/uncertainty/p05");
            double lo = band.get("p05").asDouble();
            double hi = band.get("p95").asDouble();
            // beside a loss, a positive end says "a profit of" (a range from a loss to a gain reads as such)
            boolean loss = money(lo).startsWith("a loss") || money(hi).startsWith("a loss");
            expected.append(m == 0 ? "" : " and ").append("between ").append(signed(lo, loss))
                    .append(" and ").append(signed(hi, loss)).append(" under ")
                    .append(s.at("/models/" + m + "/name").asText());
        }
        expected.append(" (5th to 95th percentile across 4 outer draws).");
        assertTrue(md.contains(expected), "expected\n" + expected + "\nin\n" + md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"uncertainty\""), "the report's intervals table");
        assertTrue(Files.exists(out.resolve("charts/uncertainty.svg")), "the P5 band chart");
    }

    private static String signed(double v, boolean besideLoss) {
        String m = money(v);
        return besideLoss && !m.startsWith("a loss") && org.payrisk.report.render.PlainNumbers.roundDollars(v).signum() != 0
                ? "a profit of " + m : m;
    }

    private static String money(double v) {
        return v >= 0 || org.payrisk.report.render.PlainNumbers.roundDollars(v).signum() == 0
                ? org.payrisk.report.render.PlainNumbers.dollars(v)
                : "a loss of " + org.payrisk.report.render.PlainNumbers.dollars(-v);
    }
}
