package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/** Deterministic tier: the Medicare fee schedule rule against hand-computed values. */
class MedicareFeeForServiceTest {

    /** 2025 conversion factor (CMS-1807-F), dollars per RVU. */
    static final double CF_2025 = 32.3465;

    /**
     * 2025 national non-facility RVUs. Totals from DOMAIN.md's payments: 97530 $34.61 / CF = 1.07,
     * 97535 $32.02 / CF = 0.99 (1.07 x 32.3465 = 34.6108, 0.99 x 32.3465 = 32.0230). PE RVUs derived
     * from DOMAIN.md's worked MPPR example (before $101.24, after $82.65): before = (2 x 1.07 + 0.99) x CF
     * = 101.2445; the cut, 101.2445 - 82.65 = 18.59 (+/- 0.005), is 50% of the PE of the two reduced
     * units. If 97535 had the higher PE the reduced units would be the two 97530s: PE = 18.59 / CF =
     * 0.5747 RVU, not a two-decimal RVU, so 97530 has the higher PE and PE(97530) + PE(97535) = 2 x
     * 18.59 / CF = 1.1494-1.1497, i.e. 1.15 at the PPRRVU file's two decimals. 0.62 + 0.53 splits it
     * as work 0.44 + MP 0.01 for 97530 and work 0.45 + MP 0.01 for 97535 (the work RVUs of the VA fee
     * basis RVU table for these codes); only the sum and the order matter for the example.
     */
    static final double RVU_97530 = 1.07;
    static final double PE_97530 = 0.62;
    static final double RVU_97535 = 0.99;
    static final double PE_97535 = 0.53;

    @Test
    void eightMinuteRuleTable() {
        int[][] table = {{0, 0}, {7, 0}, {8, 1}, {22, 1}, {23, 2}, {37, 2}, {38, 3}, {52, 3}, {53, 4}, {67, 4}, {68, 5}, {-5, 0}};
        for (int[] row : table) {
            assertEquals(row[1], EightMinuteRule.units(row[0]), row[0] + " minutes");
        }
        for (int min = 8; min <= 300; min++) {
            assertEquals(Math.floorDiv(min + 7, 15), EightMinuteRule.units(min), min + " minutes");
        }
    }

    @Test
    void mpprWorkedExample2025() {
        FeeSchedule s = new FeeSchedule(List.of("97530", "97535"), new double[] {RVU_97530 * CF_2025, RVU_97535 * CF_2025},
                new double[] {PE_97530 * CF_2025, PE_97535 * CF_2025});
        int[] session = {0, 0, 1};
        assertEquals(101.24, cents(s.session(session, 0)), 1e-9, "before MPPR");
        assertEquals(82.65, cents(s.session(session, FeeSchedule.MPPR_RATE)), 1e-9, "after MPPR");
        // one unit: nothing to reduce
        assertEquals(cents(RVU_97535 * CF_2025), cents(s.session(new int[] {1}, FeeSchedule.MPPR_RATE)), 1e-9);
        // the highest-PE unit is paid in full whatever its position
        assertEquals(cents(s.session(new int[] {1, 0, 0}, 0.5)), cents(s.session(session, 0.5)), 1e-9);
    }

    @Test
    void workedClaimOfPaymentRulesDoc() {
        // docs/payment-rules.md: 97530, 97530, 97110 at 2026 fees (PE parts assumed as in the scenario)
        FeeSchedule s = new FeeSchedule(List.of("97530", "97110"), new double[] {35.07, 29.06}, new double[] {20.34, 16.85});
        double allowed = s.session(new int[] {0, 0, 1}, FeeSchedule.MPPR_RATE);
        assertEquals(80.605, allowed, 1e-9);
        assertEquals(76.90, cents(allowed * 0.8 * 0.98 + allowed * 0.2 * 0.85), 1e-9);
    }

    private static double cents(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** Evaluation code 97165 at $100.60 (PE $60, never reduced: billed alone), timed code 97530. */
    static MedicareFeeForService rule(Distribution minutes, double assistant, double cfChange, double mips,
                                      MedicareFeeForService.Kx kx) {
        FeeSchedule s = new FeeSchedule(List.of("97165", "97530"), new double[] {100.60, RVU_97530 * CF_2025},
                new double[] {60, PE_97530 * CF_2025});
        return new MedicareFeeForService(s, 0, minutes, new double[] {0, 1}, Constant.of(assistant), 0.85, 0.5, 0.8, 0.02,
                Constant.of(1), Constant.of(0), Constant.of(cfChange), Constant.of(mips), kx);
    }

    /** Allowed amount of a 3-unit 97530 follow-up: 3 x total - 0.5 x 2 x PE. */
    static final double FOLLOW_UP_3 = 3 * RVU_97530 * CF_2025 - 0.5 * 2 * PE_97530 * CF_2025;
    /** Share of the allowed amount received: 0.8 x (1 - 0.02) + 0.2 x 1. */
    static final double RECEIVED = 0.8 * 0.98 + 0.2;

    @Test
    void paysEvaluationsAndFollowUpsWithCoinsuranceAndSequestration() {
        PracticeYear y = MedicareFixtures.year();
        double[] rev = new double[13];
        rule(null, 0, 0, 0, null).accrue(y, MedicareFixtures.covers(true), MedicareFixtures.rng(), rev);
        double perMonth = (100.60 + 2 * FOLLOW_UP_3) * RECEIVED;
        for (int m = 1; m <= 12; m++) {
            assertEquals(perMonth, rev[m], 1e-9, "month " + m);
        }
        // by hand: 3 x 34.610755 - 0.5 x 2 x 20.05483 = 83.777435; (100.60 + 2 x 83.777435) x 0.984 = 263.864392
        assertEquals(83.777435, FOLLOW_UP_3, 1e-6);
        assertEquals(263.864392, rev[1], 1e-6);
    }

    @Test
    void minutesDriveUnitsByTheEightMinuteRule() {
        PracticeYear y = MedicareFixtures.year();
        double[] rev = new double[13];
        // 53 minutes = 4 units, whatever the practice-year's 3 units say
        rule(Constant.of(53), 0, 0, 0, null).accrue(y, MedicareFixtures.covers(true), MedicareFixtures.rng(), rev);
        double followUp4 = 4 * RVU_97530 * CF_2025 - 0.5 * 3 * PE_97530 * CF_2025;
        assertEquals(12 * (100.60 + 2 * followUp4) * RECEIVED, MedicareFixtures.sum(rev), 1e-8);
        // 7 minutes bill nothing: only the evaluations are paid
        double[] rev7 = new double[13];
        rule(Constant.of(7), 0, 0, 0, null).accrue(y, MedicareFixtures.covers(true), MedicareFixtures.rng(), rev7);
        assertEquals(12 * 100.60 * RECEIVED, MedicareFixtures.sum(rev7), 1e-8);
    }

    @Test
    void assistantConversionFactorAndMips() {
        PracticeYear y = MedicareFixtures.year();
        double[] rev = new double[13];
        // every follow-up by an assistant (85%), CF -2.5%, MIPS -4% on the payer's part
        rule(null, 1, -0.025, -0.04, null).accrue(y, MedicareFixtures.covers(true), MedicareFixtures.rng(), rev);
        double received = 0.8 * 0.98 * 0.96 + 0.2;
        double expected = 12 * (100.60 + 2 * FOLLOW_UP_3 * 0.85) * 0.975 * received;
        assertEquals(expected, MedicareFixtures.sum(rev), 1e-8);
        // MIPS beyond the +/-9% limit is refused when the rule is built, naming the field
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rule(null, 0, 0, 0.5, null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("mipsAdjustment: expected "), e.getMessage());
    }

    @Test
    void uncoveredPayersAreNotPaid() {
        double[] rev = new double[13];
        rule(null, 0, 0, 0, null).accrue(MedicareFixtures.year(), MedicareFixtures.covers(false), MedicareFixtures.rng(), rev);
        assertEquals(0, MedicareFixtures.sum(rev));
    }

    @Test
    void kxThresholdDeniesUndocumentedClaims() {
        // per episode: evaluation 100.60, then 184.38, then 268.15 allowed; threshold 150 with no
        // documentation: both follow-ups denied, the evaluation paid
        MedicareFeeForService.Kx kx = new MedicareFeeForService.Kx(150, Constant.of(0), 3000, Constant.of(0), Constant.of(0));
        double[] rev = new double[13];
        rule(null, 0, 0, 0, kx).accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), rev);
        assertEquals(12 * 100.60 * RECEIVED, MedicareFixtures.sum(rev), 1e-8);
        // documented always: everything paid
        MedicareFeeForService.Kx documented = new MedicareFeeForService.Kx(150, Constant.of(1), 3000, Constant.of(0), Constant.of(0));
        double[] all = new double[13];
        rule(null, 0, 0, 0, documented).accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), all);
        assertEquals(12 * (100.60 + 2 * FOLLOW_UP_3) * RECEIVED, MedicareFixtures.sum(all), 1e-8);
    }

    @Test
    void targetedReviewTakesBackAShareAboveTheReviewThreshold() {
        // review threshold 200: only the second follow-up (running total 268.15) is above; reviewed
        // always, half of the payer's part taken back
        MedicareFeeForService.Kx kx = new MedicareFeeForService.Kx(150, Constant.of(1), 200, Constant.of(1), Constant.of(0.5));
        double[] rev = new double[13];
        rule(null, 0, 0, 0, kx).accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), rev);
        double second = FOLLOW_UP_3 * (0.8 * 0.98 * 0.5 + 0.2);
        assertEquals(12 * ((100.60 + FOLLOW_UP_3) * RECEIVED + second), MedicareFixtures.sum(rev), 1e-8);
    }

    @Test
    void episodeSpendIsTheAllowedAmount() {
        double[] spend = new double[MedicareFixtures.EPISODES];
        rule(null, 0, 0, 0, null).accrueValued(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 5L,
                new double[13], spend);
        for (double s : spend) {
            assertEquals(100.60 + 2 * FOLLOW_UP_3, s, 1e-9);
        }
    }
}
