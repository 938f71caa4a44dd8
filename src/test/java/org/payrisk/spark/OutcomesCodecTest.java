package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.TrialKernel;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;

/** Deterministic tier: a block survives the trip to bytes and back bit for bit, in every column. */
class OutcomesCodecTest {

    @Test
    void aKernelBlockComesBackBitForBit() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        // block 2 of 2500 trials: a short last block starting at trial 2048
        TrialOutcomes block = new TrialKernel(EngineInput.of(s), 99L).runBlock(2, 2500);
        TrialOutcomes back = OutcomesCodec.decode(OutcomesCodec.encode(block));
        assertSameColumns(block, back);
    }

    @Test
    void recordedInputsAndOddValuesTravelToo() {
        TrialOutcomes block = new TrialOutcomes(List.of("a", "b"), List.of("demand.x", "practice.y"), 1024, 3, 2);
        double[] odd = {Double.NaN, -0.0, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 1e308, Math.PI};
        int k = 0;
        for (int t = 0; t < 3; t++) {
            block.setCosts(t, odd[k++ % odd.length]);
            block.setInput(0, t, odd[k++ % odd.length]);
            block.setInput(1, t, odd[k++ % odd.length]);
            block.setActivity(2, t, Long.MIN_VALUE + t);
            for (int m = 0; m < 2; m++) {
                block.setRevenue(m, t, odd[k++ % odd.length]);
                for (int month = 1; month <= 2; month++) {
                    block.setMonthlyNet(m, month, t, odd[k++ % odd.length]);
                }
                for (int month = 0; month <= 2; month++) {
                    block.setCashBalance(m, month, t, odd[k++ % odd.length]);
                }
            }
        }
        assertSameColumns(block, OutcomesCodec.decode(OutcomesCodec.encode(block)));
    }

    @Test
    void truncatedOrForeignBytesAreRefused() {
        TrialOutcomes block = new TrialOutcomes(List.of("a"), List.of(), 0, 5, 3);
        byte[] bytes = OutcomesCodec.encode(block);
        assertThrows(IllegalArgumentException.class, () -> OutcomesCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 8);
        assertThrows(IllegalArgumentException.class, () -> OutcomesCodec.decode(extra));
        byte[] foreign = bytes.clone();
        foreign[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> OutcomesCodec.decode(foreign));
    }

    @Test
    void aFailedBlockSaysOnlyItsNumber() {
        assertEquals(17, OutcomesCodec.failedBlock(OutcomesCodec.failed(17)));
        assertEquals(-1, OutcomesCodec.failedBlock(OutcomesCodec.encode(new TrialOutcomes(List.of("a"), List.of(), 0, 0, 1))));
    }

    static void assertSameColumns(TrialOutcomes a, TrialOutcomes b) {
        assertEquals(a.models(), b.models());
        assertEquals(a.inputs(), b.inputs());
        assertEquals(a.offset(), b.offset());
        assertEquals(a.trials(), b.trials());
        assertEquals(a.months(), b.months());
        assertBits(a.costsColumn(), b.costsColumn());
        for (int m = 0; m < a.models().size(); m++) {
            assertBits(a.revenueColumn(m), b.revenueColumn(m));
            for (int month = 1; month <= a.months(); month++) {
                assertBits(a.monthlyNetColumn(m, month), b.monthlyNetColumn(m, month));
            }
            for (int month = 0; month <= a.months(); month++) {
                assertBits(a.cashBalanceColumn(m, month), b.cashBalanceColumn(m, month));
            }
        }
        for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
            for (int t = 0; t < a.trials(); t++) {
                assertEquals(a.activity(k, t), b.activity(k, t));
            }
        }
        for (int k = 0; k < a.inputs().size(); k++) {
            assertBits(a.inputColumn(k), b.inputColumn(k));
        }
    }

    private static void assertBits(double[] a, double[] b) {
        assertArrayEquals(Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(b).mapToLong(Double::doubleToRawLongBits).toArray());
    }
}
