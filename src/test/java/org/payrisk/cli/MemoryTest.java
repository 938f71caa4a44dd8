package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.payrisk.stats.Summaries;

/** The up-front estimate follows the two paths: growing with trials up to the exact limit, flat beyond. */
class MemoryTest {

    private static final int MODELS = 3;
    private static final int MONTHS = 12;
    private static final int INPUTS = 10;

    @Test
    void beyondTheExactLimitTheEstimateDoesNotGrowWithTrials() {
        long justBeyond = Memory.bytesNeeded(MODELS, INPUTS, Summaries.EXACT_LIMIT + 1L, MONTHS, 2, 1 << 20);
        long hundredMillion = Memory.bytesNeeded(MODELS, INPUTS, 100_000_000L, MONTHS, 2, 1 << 20);
        assertEquals(justBeyond, hundredMillion);
        // the targets: 2,000,000 trials in -Xmx256m, 100,000,000 in the default heap
        assertTrue(Memory.MARGIN * (256L << 20) > Memory.bytesNeeded(MODELS, INPUTS, 2_000_000L, MONTHS, 2, 1 << 20));
    }

    @Test
    void upToTheExactLimitEveryTrialIsCounted() {
        long atLimit = Memory.bytesNeeded(MODELS, INPUTS, Summaries.EXACT_LIMIT, MONTHS, 2, 1 << 20);
        long half = Memory.bytesNeeded(MODELS, INPUTS, Summaries.EXACT_LIMIT / 2, MONTHS, 2, 1 << 20);
        // 8 bytes a value: costs, revenue and net columns, 2 x 12 + 1 monthly columns a model, activity, inputs
        long perTrialAtLeast = 8L * (1 + MODELS * (2 + 2 * MONTHS) + 4 + INPUTS);
        assertTrue(atLimit - half >= perTrialAtLeast * (Summaries.EXACT_LIMIT / 2));
        assertTrue(atLimit > Memory.bytesNeeded(MODELS, INPUTS, Summaries.EXACT_LIMIT + 1L, MONTHS, 2, 1 << 20),
                "an exact run of 1,000,000 trials holds more than any streamed run");
    }
}
