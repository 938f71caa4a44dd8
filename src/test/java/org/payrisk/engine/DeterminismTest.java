package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.TrialStreams;
import org.payrisk.report.RunInfo;
import org.payrisk.report.SummaryJson;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.Summaries;
import org.payrisk.testing.Scenarios;

/** Deterministic tier: summary.json is byte-identical on 1, 2 and 8 threads, and changes with the seed. */
class DeterminismTest {

    static byte[] summary(Scenario s, int trials, long seed, int threads) {
        RunInfo info = new RunInfo(s.name(), "f.yaml", "0", seed, trials, s.practice().horizonMonths(),
                s.practice().warmUpMonths(), TrialStreams.GENERATOR);
        return SummaryJson.toBytes(info, Summaries.run(Scenarios.run(s, trials, seed, threads)));
    }

    @Test
    void shippedScenarioGivesTheSameBytesOnAnyThreadCount() throws ScenarioException, IOException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        byte[] one = summary(s, 1500, 20261127L, 1);
        assertArrayEquals(one, summary(s, 1500, 20261127L, 2));
        assertArrayEquals(one, summary(s, 1500, 20261127L, 8));
        assertFalse(Arrays.equals(one, summary(s, 1500, 20261128L, 2)), "another seed must give other numbers");
    }
}
