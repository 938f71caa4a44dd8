package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;

/**
 * Deterministic tier: the kernel simulates trial {@code t}'s practice-year from the documented
 * stream, {@code TrialStreams(seed).stream(t, 0)} (DESIGN.md's common-random-numbers contract), even
 * though it keeps one generator and sets it again for each trial. A kernel that drew from another
 * purpose, or carried a generator's state from one trial into the next, would still be deterministic
 * and pass the determinism tests; it fails here.
 */
class TrialKernelStreamsTest {

    private static final long SEED = 20261129L;
    private static final int[] TRIALS = {4, 1, 4, 0, 7, 1}; // out of order, with repeats

    @Test
    void eachTrialSimulatesTheYearOfItsOwnPracticeStream() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        EngineInput input = EngineInput.of(s);
        TrialKernel kernel = new TrialKernel(input, SEED);
        TrialOutcomes out = new TrialOutcomes(s.modelNames(), kernel.inputs(), 0, 8, s.practice().horizonMonths());
        TrialStreams streams = new TrialStreams(SEED);
        for (int t : TRIALS) {
            kernel.run(t, out);
            PracticeYear y = new PracticeYear(s.practice().horizonMonths());
            new PracticeSimulator(input.practice()).simulate(streams.stream(t, 0), y);
            String trial = "trial " + t;
            assertEquals(y.totalNewEpisodes(), out.activity(0, t), trial + ": new episodes");
            assertEquals(y.totalRefusedEpisodes(), out.activity(1, t), trial + ": refused episodes");
            assertEquals(y.totalAttendedVisits(), out.activity(2, t), trial + ": attended visits");
            assertEquals(y.totalUnits(), out.activity(3, t), trial + ": units");
            assertEquals(kernel.costs(y, t), out.costs(t), 0.0, trial + ": costs");
        }
        assertNotEquals(out.activity(2, 0), out.activity(2, 1), "trials differ (else the check above proves little)");
    }
}
