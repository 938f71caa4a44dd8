package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.analysis.PrecisionRunTest;

/** {@code --precision}, {@code --max-trials} and {@code simulation.precision} through the command line. */
class PrecisionCliTest {

    @TempDir
    Path tmp;

    private Path scenario(String extraSimulation) throws Exception {
        String text = PrecisionRunTest.SMALL.replace("name: small\n", "name: small\n" + extraSimulation);
        return Files.writeString(tmp.resolve("small.yaml"), text);
    }

    @Test
    void aRunStoppedAtTheCapSaysSoOnStdoutAndInSummaryJson() throws Exception {
        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.payrisk("run", scenario("").toString(), "--precision", "1e-9", "--max-trials", "300",
                "--seed", "4", "--threads", "2", "--out", out.toString(), "--no-report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("precision 0.000000001 NOT reached: stopped at the cap of 300 trials"), r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(300, s.get("trials").asInt());
        assertFalse(s.at("/stopping/reached").asBoolean());
        assertEquals(300, s.at("/stopping/trials").asInt());
        assertEquals(1e-9, s.at("/stopping/precision").asDouble(), 0.0);
    }

    @Test
    void theScenariosPrecisionIsUsedAndAReachedTargetIsReported() throws Exception {
        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.payrisk("run", scenario("simulation: { precision: 1 }\n").toString(), "--max-trials",
                "500", "--out", out.toString(), "--no-report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("precision 1 reached after 500 trials"), r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.at("/stopping/reached").asBoolean());
        // --trials overrides the scenario's precision: a fixed run, without a stopping object
        Path fixed = tmp.resolve("fixed");
        r = CliTest.payrisk("run", scenario("simulation: { precision: 1 }\n").toString(), "--trials", "50", "--out",
                fixed.toString(), "--no-report");
        assertEquals(0, r.status(), r.err());
        assertFalse(new ObjectMapper().readTree(fixed.resolve("summary.json").toFile()).has("stopping"));
    }

    @Test
    void badFlagsAreRefusedWithTheirRange() throws Exception {
        String file = scenario("").toString();
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "0"), "--precision");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "0"), "expected a number in (0, 1], e.g. 0.01, found 0");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "1.5"), "found 1.5");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "NaN"), "found 'NaN'");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "0x1p-3"), "found '0x1p-3'");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "0.01", "--max-trials", "0"),
                "expected a whole number in [1, 100000000], found 0");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--precision", "0.01", "--trials", "100"),
                "--precision and --trials: expected one of them");
        CliTest.assertBadInput(CliTest.payrisk("run", file, "--max-trials", "100"),
                "--max-trials: caps a precision-targeted run; expected --precision REL or simulation.precision");
    }
}
