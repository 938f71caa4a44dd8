package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic tier: the cash summary of hand-filled balances. */
class CashSummaryTest {

    @Test
    void probabilitiesMinimaRunwayAndBands() {
        // 4 trials, 3 months, reserve 100; costs 300 a trial (100 a month)
        double[][] balances = {
            {100, 50, -20, 10},     // dips below zero in month 2: min -20
            {100, 80, 60, 40},      // min 40
            {100, 120, 140, 160},   // min 120
            {100, -10, -30, 5}};    // min -30
        TrialOutcomes out = new TrialOutcomes(List.of("m"), 4, 3);
        for (int t = 0; t < 4; t++) {
            out.setCosts(t, 300);
            for (int month = 0; month <= 3; month++) {
                out.setCashBalance(0, month, t, balances[t][month]);
            }
        }
        CashSummary c = CashSummary.of(out, 0);
        assertEquals(0.5, c.probNegativeAnyMonth());
        assertEquals(Math.sqrt(0.25 / 4), c.probNegativeAnyMonthStdError(), 1e-15);
        assertEquals((-20 + 40 + 120 - 30) / 4.0, c.minBalance().mean(), 1e-12);
        assertEquals(-30, c.minBalance().min());
        assertEquals(0.5, c.minBalance().probLoss());
        assertEquals((10 + 40 + 160 + 5) / 4.0, c.endBalance().mean(), 1e-12);
        // runway = min balance / 100 a month
        assertEquals((-0.2 + 0.4 + 1.2 - 0.3) / 4, c.runwayMonths().mean(), 1e-12);
        assertEquals(4, c.monthlyBalance().size());
        assertEquals(0, c.monthlyBalance().get(0).month());
        assertEquals(100, c.monthlyBalance().get(0).p05());
        assertEquals(100, c.monthlyBalance().get(0).p95());
        // month 2: values -30, -20, 60, 140; type-7 median = (-20 + 60) / 2
        assertEquals(20, c.monthlyBalance().get(2).p50(), 1e-12);
        assertEquals(37.5, c.monthlyBalance().get(2).mean(), 1e-12);
    }
}
