package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: a run is its fixed blocks merged in block order. Blocks run by separate
 * kernels, in reverse order, and merged give exactly the local engine's outcomes.
 */
class BlockEngineTest {

    @Test
    void blocksAreFixedAndIndependentOfThreads() {
        assertEquals(3, TrialBlocks.count(2 * TrialBlocks.SIZE + 1));
        assertEquals(2 * TrialBlocks.SIZE, TrialBlocks.start(2));
        assertEquals(1, TrialBlocks.size(2, 2 * TrialBlocks.SIZE + 1));
        assertEquals(0, TrialBlocks.count(0));
    }

    @Test
    void workersAreHeldBackOnlyWhenTheyTakeEveryCoreOfALongRun() {
        assertEquals(1, LocalEngine.heldBack(2, 2, LocalEngine.HOLD_BACK_MIN_BLOCKS));
        assertEquals(5, LocalEngine.heldBack(8, 4, 98), "enough to free one core");
        assertEquals(3, LocalEngine.heldBack(4, 1, 98), "one worker always starts");
        assertEquals(0, LocalEngine.heldBack(1, 1, 98), "a single worker is never held back");
        assertEquals(0, LocalEngine.heldBack(2, 4, 98), "a core is free for the compiler");
        assertEquals(0, LocalEngine.heldBack(2, 2, LocalEngine.HOLD_BACK_MIN_BLOCKS - 1), "a short run");
    }

    /**
     * In a process's first long run on as many workers as cores, the held-back workers finish no block
     * before the first block is reported (the first report is slowed down on purpose, so that workers
     * running from the start would finish theirs meanwhile); the outcomes are those of one worker; and
     * a first block that fails ends the run with its error.
     */
    @Test
    void heldBackWorkersWaitForTheFirstBlockAndChangeNothing() throws Exception {
        Scenario s = Scenarios.parse(CommonRandomNumbersTest.PRACTICE + String.join("\n",
                "  - name: cap",
                "    default: { capitation: { pmpm: 5, members: 4000 } }",
                ""));
        EngineInput input = EngineInput.of(s);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(2, cores);
        int trials = Math.max(LocalEngine.HOLD_BACK_MIN_BLOCKS, threads) * TrialBlocks.SIZE + 3;
        int held = LocalEngine.heldBack(threads, cores, TrialBlocks.count(trials));
        assertTrue(held >= 1, "this run holds workers back");

        java.util.Set<Thread> finishedDuringFirst = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger reports = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean firstOpen = new java.util.concurrent.atomic.AtomicBoolean();
        SimulationEngine.Progress slowFirst = n -> {
            if (reports.getAndIncrement() == 0) {
                firstOpen.set(true);
                finishedDuringFirst.add(Thread.currentThread());
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstOpen.set(false);
            } else if (firstOpen.get()) {
                finishedDuringFirst.add(Thread.currentThread());
            }
        };
        TrialOutcomes one = new LocalEngine().run(input, new RunSettings(trials, 9L, 1), SimulationEngine.Progress.NONE);
        LocalEngine.forgetBlocksDone(); // as the process's first run
        TrialOutcomes many = new LocalEngine().run(input, new RunSettings(trials, 9L, threads), slowFirst);
        assertTrue(finishedDuringFirst.size() <= threads - held,
                finishedDuringFirst.size() + " workers finished a block before the first was reported; " + held
                        + " of " + threads + " should have been waiting");
        assertArrayEquals(one.netIncomeColumn(0), many.netIncomeColumn(0));
        assertArrayEquals(one.cashBalanceColumn(0, 12), many.cashBalanceColumn(0, 12));

        org.payrisk.payment.PaymentModel bad = new org.payrisk.payment.PaymentModel("huge", List.of(
                org.payrisk.payment.UncheckedTerms.build(() -> new org.payrisk.payment.Capitation(
                        org.payrisk.dist.Constant.of(1e308), org.payrisk.dist.Constant.of(1000)))), new int[] {0, 0});
        EngineInput failing = new EngineInput(s.practice(), List.of(s.models().get(0), bad));
        LocalEngine.forgetBlocksDone();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> assertThrows(NonFiniteOutcomeException.class,
                () -> new LocalEngine().run(failing, new RunSettings(trials, 9L, threads), SimulationEngine.Progress.NONE)));
    }

    @Test
    void blocksRunSeparatelyAndMergedEqualTheEngine() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/hand-therapy-capitated.yaml"));
        EngineInput input = EngineInput.of(s);
        int trials = 2 * TrialBlocks.SIZE + 37;
        TrialOutcomes engine = Scenarios.run(s, trials, 5L, 2);
        List<TrialOutcomes> blocks = new ArrayList<>();
        for (int b = TrialBlocks.count(trials) - 1; b >= 0; b--) {
            TrialOutcomes block = new TrialKernel(input, 5L).runBlock(b, trials);
            assertEquals(TrialBlocks.start(b), block.offset());
            blocks.add(0, block);
        }
        TrialOutcomes merged = TrialOutcomes.merge(blocks);
        assertEquals(trials, merged.trials());
        assertEquals(engine.inputs(), merged.inputs());
        for (int m = 0; m < input.models().size(); m++) {
            assertArrayEquals(engine.netIncomeColumn(m), merged.netIncomeColumn(m), input.modelNames().get(m));
            assertArrayEquals(engine.cashBalanceColumn(m, 12), merged.cashBalanceColumn(m, 12));
        }
        for (int k = 0; k < engine.inputs().size(); k++) {
            assertArrayEquals(engine.inputColumn(k), merged.inputColumn(k), engine.inputs().get(k));
        }
    }

    /**
     * The seam for memory that does not grow with trials: a consumer that reduces each block as it
     * arrives, in block order, and keeps nothing else gets the same bits as the summary of the whole
     * store (the mean is a sum in trial order either way; P(loss) is a count).
     */
    @Test
    void aStreamingReductionOfBlocksInOrderEqualsTheSummaryOfAllTrials() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/pediatric-medicaid.yaml"));
        EngineInput input = EngineInput.of(s);
        int trials = 3 * TrialBlocks.SIZE + 5;
        int models = input.models().size();
        double[] sum = new double[models];
        long[] losses = new long[models];
        List<Integer> offsets = new ArrayList<>();
        new LocalEngine().runBlocks(input, new RunSettings(trials, 9L, 2), SimulationEngine.Progress.NONE, block -> {
            offsets.add(block.offset());
            for (int m = 0; m < models; m++) {
                for (int r = 0; r < block.trials(); r++) {
                    double net = block.netIncome(m, r);
                    sum[m] += net;
                    losses[m] += net < 0 ? 1 : 0;
                }
            }
        });
        assertEquals(List.of(0, TrialBlocks.SIZE, 2 * TrialBlocks.SIZE, 3 * TrialBlocks.SIZE), offsets, "blocks arrive in block order");
        RunSummary all = Summaries.run(Scenarios.run(s, trials, 9L, 2));
        for (int m = 0; m < models; m++) {
            assertEquals(all.models().get(m).netIncome().mean(), sum[m] / trials, 0, "bit for bit");
            assertEquals(all.models().get(m).netIncome().probLoss(), (double) losses[m] / trials, 0);
        }
    }

    /** Only the scenario's bytes need travel: rebuilt from them, the input gives the same blocks. */
    @Test
    void anInputRebuiltFromTheScenarioBytesRunsTheSameBlocks() throws Exception {
        Path file = Path.of("scenarios/team-episode-downstream.yaml");
        EngineInput loaded = EngineInput.of(ScenarioLoader.load(file));
        EngineInput shipped = EngineInput.fromScenarioBytes(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
        TrialOutcomes a = new TrialKernel(loaded, 4L).runBlock(1, TrialBlocks.SIZE + 100);
        TrialOutcomes b = new TrialKernel(shipped, 4L).runBlock(1, TrialBlocks.SIZE + 100);
        assertEquals(100, a.trials());
        for (int m = 0; m < loaded.models().size(); m++) {
            assertArrayEquals(a.netIncomeColumn(m), b.netIncomeColumn(m));
        }
    }
}
