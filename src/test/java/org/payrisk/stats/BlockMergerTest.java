package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic tier: block results merge in block order, whatever order they arrive in. */
class BlockMergerTest {

    private static TrialOutcomes block(int offset, int n) {
        TrialOutcomes b = new TrialOutcomes(List.of("a", "b"), List.of("x"), offset, n, 2);
        for (int r = 0; r < n; r++) {
            int t = offset + r;
            b.setCosts(r, t);
            b.setRevenue(0, r, 10.0 * t);
            b.setRevenue(1, r, 20.0 * t);
            b.setMonthlyNet(1, 2, r, -t);
            b.setCashBalance(0, 1, r, 0.5 * t);
            b.setActivity(3, r, 7L * t);
            b.setInput(0, r, t + 0.25);
        }
        return b;
    }

    @Test
    void blocksArrivingOutOfOrderAreMergedInBlockOrder() {
        List<Integer> order = new ArrayList<>();
        BlockMerger m = new BlockMerger(List.of("a", "b"), List.of("x"), 10, 2, b -> order.add(b.offset()));
        m.accept(block(8, 2));
        m.accept(block(4, 4));
        assertEquals(0, m.merged(), "nothing merges before block 0");
        m.accept(block(0, 4));
        assertEquals(List.of(0, 4, 8), order);
        TrialOutcomes all = m.result();
        for (int t = 0; t < 10; t++) {
            assertEquals(t, all.costs(t), 0);
            assertEquals(20.0 * t - t, all.netIncome(1, t), 0);
            assertEquals(-t, all.monthlyNetColumn(1, 2)[t], 0);
            assertEquals(0.5 * t, all.cashBalanceColumn(0, 1)[t], 0);
            assertEquals(7L * t, all.activity(3, t));
            assertEquals(t + 0.25, all.input(0, t), 0);
        }
    }

    @Test
    void mergeOfBlocksEqualsTheMergerAndRejectsGaps() {
        TrialOutcomes merged = TrialOutcomes.merge(List.of(block(0, 4), block(4, 4), block(8, 2)));
        BlockMerger m = new BlockMerger(List.of("a", "b"), List.of("x"), 10, 2, null);
        m.accept(block(0, 4));
        m.accept(block(4, 4));
        m.accept(block(8, 2));
        assertArrayEquals(merged.revenueColumn(1), m.result().revenueColumn(1));
        assertThrows(IllegalArgumentException.class, () -> TrialOutcomes.merge(List.of(block(0, 4), block(8, 2))));
        assertThrows(IllegalArgumentException.class, () -> TrialOutcomes.merge(List.of(block(4, 4), block(0, 4))));
    }

    @Test
    void aMissingOrRepeatedBlockIsAnError() {
        BlockMerger m = new BlockMerger(List.of("a", "b"), List.of("x"), 10, 2, null);
        m.accept(block(0, 4));
        assertThrows(IllegalArgumentException.class, () -> m.accept(block(0, 4)));
        assertThrows(IllegalStateException.class, m::result);
    }
}
