package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialBlocks;
import org.payrisk.report.RunPipeline;
import org.payrisk.report.SummaryJson;
import org.payrisk.scenario.Scenario;
import org.payrisk.testing.Scenarios;

/**
 * Precision-targeted runs: the run stops at the first batch boundary where the rule holds (or at the
 * cap), its summary.json is byte for byte that of a fixed run of the same trial count apart from the
 * {@code stopping} object, and neither depends on the thread count.
 */
public class PrecisionRunTest {

    /** A small, fast practice (few visits per trial) with two models of different risk. */
    public static final String SMALL = String.join("\n",
            "name: small",
            "warmUpMonths: 2",
            "practice:",
            "  clinicians: 1",
            "  visitsPerClinicianDay: 4",
            "  workdaysPerMonth: 10",
            "  costs: { fixedPerMonth: 500, perAttendedVisit: 10 }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 3 } }",
            "  cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }",
            "  payers: { medicare: 1 }",
            "  cases:",
            "    - name: hand",
            "      share: 1",
            "      followUpVisits: { negativeBinomial: { mean: 4, dispersion: 3 } }",
            "      visitsPerMonth: 4",
            "      unitsPerVisit: 3",
            "models:",
            "  - name: ffs",
            "    default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: { uniform: { min: 0, max: 0.2 } } } }",
            "  - name: cap",
            "    default: { capitation: { pmpm: { uniform: { min: 1.5, max: 2.5 } }, members: 1000 } }",
            "");

    @TempDir
    Path tmp;

    @Test
    void aCappedRunIsTheFixedRunOfItsTrialCountPlusTheStoppingObjectOnAnyThreadCount() throws Exception {
        Scenario s = Scenarios.parse(SMALL);
        int cap = 2 * PrecisionRun.BATCH + 500; // three batches, the last one cut inside a block
        RunPipeline.Simulated one = RunPipeline.simulateToPrecision(s, 7, 1, 1e-9, cap, new LocalEngine(),
                SimulationEngine.Progress.NONE);
        RunPipeline.Simulated two = RunPipeline.simulateToPrecision(s, 7, 2, 1e-9, cap, new LocalEngine(),
                SimulationEngine.Progress.NONE);
        Stopping stop = one.analyses().stopping();
        assertFalse(stop.reached(), "a precision of 1e-9 is not reached in " + cap + " trials");
        assertEquals(cap, stop.trials());
        assertEquals(3, stop.convergence().size());
        assertEquals(PrecisionRun.BATCH, stop.convergence().get(0).trials());
        assertEquals(PrecisionRun.BATCH % TrialBlocks.SIZE, 0, "a batch is a whole number of engine blocks");

        byte[] precise1 = write(one, "p1");
        byte[] precise2 = write(two, "p2");
        assertArrayEquals(precise1, precise2, "the stopping point and summary do not depend on the thread count");

        RunPipeline.Simulated fixed = RunPipeline.simulate(s, new RunSettings(cap, 7, 2), new LocalEngine(),
                SimulationEngine.Progress.NONE);
        byte[] plain = write(fixed, "fixed");
        String text = new String(precise1, StandardCharsets.UTF_8);
        int at = text.indexOf(",\n  \"stopping\" : {");
        assertTrue(at > 0 && text.endsWith("}\n}\n"), "the stopping object is the file's last member");
        assertEquals(new String(plain, StandardCharsets.UTF_8), text.substring(0, at) + "\n}\n",
                "summary.json without its stopping object is that of --trials " + cap);
    }

    @Test
    void theRunStopsAtTheFirstBoundaryWhereEveryModelMeetsTheRule() throws Exception {
        Scenario s = Scenarios.parse(SMALL);
        // loose enough to be met within a few batches, tight enough not to be met at the first
        double rel = 0.004;
        RunPipeline.Simulated run = RunPipeline.simulateToPrecision(s, 3, 2, rel, 20 * PrecisionRun.BATCH,
                new LocalEngine(), SimulationEngine.Progress.NONE);
        Stopping stop = run.analyses().stopping();
        assertTrue(stop.reached(), "reached within the cap");
        assertTrue(stop.convergence().size() >= 2, "needs more than one batch at " + rel + ": "
                + stop.convergence().size());
        for (int k = 0; k < stop.convergence().size(); k++) {
            Stopping.Checkpoint c = stop.convergence().get(k);
            assertEquals((k + 1) * PrecisionRun.BATCH, c.trials());
            boolean met = c.models().stream().allMatch(e -> e.meanStdError() <= rel * Math.abs(e.mean())
                    && e.p05Mcse() <= rel * Math.abs(e.mean()));
            assertEquals(k == stop.convergence().size() - 1, met, "rule met at checkpoint " + k + " only if it is the last");
        }
        // the final checkpoint holds exactly the figures summary.json reports
        Stopping.Checkpoint last = stop.convergence().get(stop.convergence().size() - 1);
        for (int m = 0; m < 2; m++) {
            var ni = run.summary().models().get(m).netIncome();
            assertEquals(ni.mean(), last.models().get(m).mean(), 0.0);
            assertEquals(ni.meanStdError(), last.models().get(m).meanStdError(), 0.0);
            assertEquals(ni.percentile(5), last.models().get(m).p05(), 0.0);
        }
        assertEquals(stop.trials(), run.summary().trials());
    }

    @Test
    void theStoppingObjectReadsBackAndWritesTheSameBytes() throws Exception {
        Scenario s = Scenarios.parse(SMALL);
        RunPipeline.Simulated run = RunPipeline.simulateToPrecision(s, 5, 2, 1.0, 1000, new LocalEngine(),
                SimulationEngine.Progress.NONE);
        assertTrue(run.analyses().stopping().reached(), "a precision of 1 is met at the first check");
        assertEquals(1000, run.analyses().stopping().trials(), "the cap cuts the first batch");
        byte[] bytes = write(run, "rt");
        SummaryJson.Document read = SummaryJson.read(tmp.resolve("rt").resolve("summary.json"));
        assertEquals(run.analyses().stopping().convergence().size(), read.analyses().stopping().convergence().size());
        assertArrayEquals(bytes, SummaryJson.toBytes(read));
    }

    private byte[] write(RunPipeline.Simulated run, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        RunPipeline.write(run, dir, false, null);
        return Files.readAllBytes(dir.resolve("summary.json"));
    }
}
