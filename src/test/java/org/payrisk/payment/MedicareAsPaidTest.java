package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Uniform;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.Practice;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;

/**
 * Deterministic tier: MIPS by final score, the Part B deductible, KX spending at other providers,
 * and the percentage-of-Medicare, workers' compensation and visit-limit contracts, against
 * hand-computed claims (fixtures of {@link MedicareFixtures}: 12 episodes, each an evaluation at
 * $100.60 and two 3-unit 97530 follow-ups at {@link MedicareFeeForServiceTest#FOLLOW_UP_3} = $83.777435).
 */
class MedicareAsPaidTest {

    static final double EVAL = 100.60;
    static final double FU = MedicareFeeForServiceTest.FOLLOW_UP_3;
    static final double EPISODE = EVAL + 2 * FU;
    static final Coverage ALL = MedicareFixtures.covers(true);

    static FeeSchedule schedule() {
        return new FeeSchedule(List.of("97165", "97530"), new double[] {EVAL, 1.07 * 32.3465}, new double[] {60, 0.62 * 32.3465});
    }

    static MedicareFeeForService medicare(double collected, MedicareFeeForService.Kx kx, Distribution mipsScore,
                                          MedicareFeeForService.Deductible deductible) {
        return new MedicareFeeForService(schedule(), 0, null, new double[] {0, 1}, Constant.of(0), 0.85, 0.5, 0.8, 0.02,
                Constant.of(collected), Constant.of(0), Constant.of(0), Constant.of(0), kx, mipsScore, deductible);
    }

    static PercentOfMedicare percent(String kind, double pct, Mppr mppr, double patientShare, double collected, VisitLimits limits) {
        return new PercentOfMedicare(kind, schedule(), 0, null, new double[] {0, 1}, Constant.of(0), 0.85, Constant.of(0),
                Constant.of(pct), mppr, 0.5, patientShare, Constant.of(collected), Constant.of(0), limits);
    }

    static double paid(PaymentRule rule, PracticeYear y) {
        double[] rev = new double[y.horizonMonths() + 1];
        rule.accrue(y, ALL, MedicareFixtures.rng(), rev);
        return MedicareFixtures.sum(rev);
    }

    // ---- MIPS ------------------------------------------------------------------------------------

    @Test
    void mipsScaleHitsThePublished2026PointsAndInterpolatesLinearly() {
        double[][] points = {{100, 0.0105}, {90, 0.0063}, {80, 0.0021}, {75, 0}, {60, -0.0173}, {20, -0.0636},
            {18.75, -0.09}, {10, -0.09}, {0, -0.09}, {120, 0.0105}};
        for (double[] p : points) {
            assertEquals(p[1], MipsScale.adjustment2026(p[0]), 1e-12, p[0] + " points");
        }
        assertEquals(0.0042, MipsScale.adjustment2026(85), 1e-12, "halfway between 80 and 90");
        assertEquals((-0.0636 - 0.0173) / 2, MipsScale.adjustment2026(40), 1e-12, "halfway between 20 and 60");
        assertEquals((-0.09 - 0.0636) / 2, MipsScale.adjustment2026(19.375), 1e-12, "halfway between 18.75 and 20");
        double last = -1;
        for (double s = 0; s <= 100; s += 0.25) {
            double a = MipsScale.adjustment2026(s);
            assertTrue(a >= last, "non-decreasing at " + s);
            last = a;
        }
    }

    @Test
    void mipsFinalScoreAdjustsThePayersPart() {
        PracticeYear y = MedicareFixtures.year();
        double expected = 12 * EPISODE * (0.8 * 0.98 * 1.0063 + 0.2);
        assertEquals(expected, paid(medicare(1, null, Constant.of(90), null), y), 1e-8);
        double penalised = 12 * EPISODE * (0.8 * 0.98 * 0.91 + 0.2);
        assertEquals(penalised, paid(medicare(1, null, Constant.of(10), null), y), 1e-8);
    }

    // ---- deductible ------------------------------------------------------------------------------

    @Test
    void deductibleIsTheFirstAllowedDollarsOfTheYearCollectedAtTheCollectionRate() {
        PracticeYear y = MedicareFixtures.year();
        // $150 deductible, half of patient money collected: per episode the evaluation (100.60) and
        // 49.40 of the first follow-up are the patient's; the other 118.154870 split 80/20.
        double rest = EPISODE - 150;
        double perEpisode = (150 + 0.2 * rest) * 0.5 + rest * 0.8 * 0.98;
        MedicareFeeForService.Deductible d = new MedicareFeeForService.Deductible(150, Constant.of(0));
        assertEquals(12 * perEpisode, paid(medicare(0.5, null, null, d), y), 1e-8);
        // by hand: rest = 268.154870 - 150 = 118.154870; (150 + 23.630974) x 0.5 + 92.633418 = 179.448905
        assertEquals(179.448905, perEpisode, 1e-6);
        // everyone has met it already: as without a deductible
        MedicareFeeForService.Deductible met = new MedicareFeeForService.Deductible(150, Constant.of(1));
        assertEquals(12 * EPISODE * (0.8 * 0.98 + 0.2 * 0.5), paid(medicare(0.5, null, null, met), y), 1e-8);
        // half have met it: each episode pays one of the two amounts (drawn per episode)
        MedicareFeeForService.Deductible half = new MedicareFeeForService.Deductible(150, Constant.of(0.5));
        double total = paid(medicare(0.5, null, null, half), y);
        double unmet = perEpisode;
        double metAmount = EPISODE * (0.8 * 0.98 + 0.2 * 0.5);
        double k = (total - 12 * unmet) / (metAmount - unmet);
        assertEquals(Math.rint(k), k, 1e-6, "a whole number of episodes had met the deductible");
        assertTrue(k >= 0 && k <= 12);
    }

    /**
     * Statistical tier: the share of episodes that have met the deductible is {@code alreadyMet}.
     * 400 claims keys x 12 episodes = 4,800 Bernoulli(0.3) draws; the observed share is checked
     * within 4 standard errors (sqrt(0.3 x 0.7 / 4,800) = 0.0066), a false-failure rate of 6.3e-5
     * (two-sided normal tail) if the draws are right.
     */
    @Test
    void theAlreadyMetShareIsTheShareOfEpisodesThatOweNoDeductible() {
        PracticeYear y = MedicareFixtures.year();
        MedicareFeeForService rule = medicare(0.5, null, null, new MedicareFeeForService.Deductible(150, Constant.of(0.3)));
        double unmet = (150 + 0.2 * (EPISODE - 150)) * 0.5 + (EPISODE - 150) * 0.8 * 0.98;
        double met = EPISODE * (0.8 * 0.98 + 0.2 * 0.5);
        int keys = 400;
        double count = 0;
        for (long key = 1; key <= keys; key++) {
            double[] rev = new double[13];
            rule.accrueValued(y, ALL, MedicareFixtures.rng(), key * 0x9E3779B97F4A7C15L, rev, null);
            count += (MedicareFixtures.sum(rev) - 12 * unmet) / (met - unmet);
        }
        double share = count / (keys * 12.0);
        double se = Math.sqrt(0.3 * 0.7 / (keys * 12.0));
        assertEquals(0.3, share, 4 * se, "share of episodes with the deductible already met");
    }

    /**
     * Horizon 24, warm-up 2, one new episode a month, each visited once a month: evaluation in its
     * start month s, follow-ups in s + 1 and s + 2. Episodes of months -1 and 0 (warm-up, last
     * calendar year) have visits in months 1 and 2.
     */
    static PracticeYear spanningYear() {
        double[] season = new double[12];
        Arrays.fill(season, 1);
        Demand d = new Demand(Constant.of(1), season, Constant.of(0), List.of("medicare"), new double[] {1},
                List.of(new CaseType("ortho", 1, Constant.of(2), 1, Constant.of(3))));
        PracticeYear y = new PracticeYear(24);
        new PracticeSimulator(new PracticeModel(new Practice(10, 20, 20, 1000, 10), d, 24, 2))
                .simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), y);
        return y;
    }

    @Test
    void theDeductibleStartsAgainInJanuaryForAnEpisodeRunningAcrossTheYearEnd() {
        PracticeYear y = spanningYear();
        // $90 deductible, nothing collected from patients: a claim pays 0.784 x (allowed - deductible part).
        MedicareFeeForService.Deductible d = new MedicareFeeForService.Deductible(90, Constant.of(0));
        double[] rev = new double[25];
        medicare(0, null, null, d).accrue(y, ALL, MedicareFixtures.rng(), rev);
        double p = 0.8 * 0.98;
        // month 12: follow-up 2 of the October episode and follow-up 1 of November's in full, December's
        // evaluation less the deductible
        assertEquals((2 * FU + EVAL - 90) * p, rev[12], 1e-9);
        // month 13 (January): the November and December episodes owe a new deductible, which takes each
        // follow-up whole (83.78 < 90); January's evaluation less the deductible
        assertEquals((EVAL - 90) * p, rev[13], 1e-9);
        // month 1: the warm-up episodes (started last year) owe this year's deductible too
        assertEquals((EVAL - 90) * p, rev[1], 1e-9);
    }

    // ---- KX across providers ---------------------------------------------------------------------

    @Test
    void kxCountsSpendingAtOtherProvidersInTheEpisodesStartYear() {
        PracticeYear y = MedicareFixtures.year();
        // $2,300 already spent elsewhere, threshold $2,480, never documented: the evaluation (2,400.60)
        // is paid, both follow-ups (2,484.38) are denied.
        MedicareFeeForService.Kx kx = new MedicareFeeForService.Kx(2480, Constant.of(0), 3000, Constant.of(0), Constant.of(0),
                Constant.of(2300));
        assertEquals(12 * EVAL * (0.8 * 0.98 + 0.2), paid(medicare(1, kx, null, null), y), 1e-8);
        // without spending elsewhere nothing reaches the threshold
        MedicareFeeForService.Kx none = new MedicareFeeForService.Kx(2480, Constant.of(0), 3000, Constant.of(0), Constant.of(0));
        assertEquals(12 * EPISODE * (0.8 * 0.98 + 0.2), paid(medicare(1, none, null, null), y), 1e-8);
    }

    @Test
    void spendingElsewhereBelongsToTheStartYearOnly() {
        PracticeYear y = spanningYear();
        // $2,450 elsewhere, threshold $2,480, never documented: in an episode's start year every claim
        // is denied; episodes running into a new year (warm-up ones in months 1-2, November and
        // December ones in months 13-14) start the new year at 0 and are paid there.
        MedicareFeeForService.Kx kx = new MedicareFeeForService.Kx(2480, Constant.of(0), 3000, Constant.of(0), Constant.of(0),
                Constant.of(2450));
        double[] rev = new double[25];
        medicare(1, kx, null, null).accrue(y, ALL, MedicareFixtures.rng(), rev);
        double r = 0.8 * 0.98 + 0.2;
        assertEquals(2 * FU * r, rev[1], 1e-9, "January: follow-ups of the two warm-up episodes");
        assertEquals(FU * r, rev[2], 1e-9, "February: the December-before episode's last follow-up");
        assertEquals(0, rev[3], 1e-9);
        assertEquals(0, rev[12], 1e-9);
        assertEquals(2 * FU * r, rev[13], 1e-9, "next January: November's and December's episodes start at 0");
        assertEquals(FU * r, rev[14], 1e-9);
    }

    // ---- percent of Medicare, workers' comp -------------------------------------------------------

    @Test
    void percentOfMedicarePaysAShareOfMedicaresAllowedAmount() {
        PracticeYear y = MedicareFixtures.year();
        // 95% of Medicare, patient owes 20% and pays half of it: 0.95 x (0.8 + 0.1) of the allowed
        assertEquals(12 * EPISODE * 0.95 * 0.9, paid(percent("percentOfMedicare", 0.95, Mppr.PRACTICE_EXPENSE, 0.2, 0.5, null), y),
                1e-8);
        // no MPPR: a follow-up is 3 whole fees
        double fullFu = 3 * 1.07 * 32.3465;
        assertEquals(12 * (EVAL + 2 * fullFu), paid(percent("percentOfMedicare", 1, Mppr.NONE, 0, 1, null), y), 1e-8);
        // whole-fee variant: one code line per follow-up, paid whole
        assertEquals(12 * (EVAL + 2 * fullFu), paid(percent("percentOfMedicare", 1, Mppr.WHOLE_FEE, 0, 1, null), y), 1e-8);
        // workers' comp at 1.5 x Medicare, no patient share
        assertEquals(12 * EPISODE * 1.5, paid(percent("workersComp", 1.5, Mppr.PRACTICE_EXPENSE, 0, 1, null), y), 1e-8);
    }

    @Test
    void wholeFeeVariantCutsEveryCodeLineAfterTheHighest() {
        // 2026 RVUs: 2 x 97530 + 97110. Lines: 97530 x 2 = 2.10 RVU = 70.141890, 97110 = 0.87 RVU = 29.058783.
        // Whole-fee: 70.141890 + 0.5 x 29.058783 = 84.671282; Medicare's PE rule gives 82.333219.
        FeeSchedule s = FeeSchedule.of(MedicarePfs.of(2026), List.of("97530", "97110"));
        int[] visit = {0, 0, 1};
        assertEquals(2.10 * 33.4009 + 0.5 * 0.87 * 33.4009, s.sessionWholeFee(visit, 0.5), 1e-9);
        assertEquals(84.67, Math.round(s.sessionWholeFee(visit, 0.5) * 100) / 100.0, 1e-9);
        assertEquals(s.sessionWholeFee(new int[] {1, 0, 0}, 0.5), s.sessionWholeFee(visit, 0.5), 1e-12, "order does not matter");
        assertEquals(2.97 * 33.4009, s.sessionWholeFee(visit, 0), 1e-9, "rate 0: no reduction");
        // docs/payment-rules.md: here the whole-fee cut (14.53) is below Medicare's PE cut (16.87) ...
        assertEquals(14.53, Math.round((s.session(visit, 0) - s.sessionWholeFee(visit, 0.5)) * 100) / 100.0, 1e-9);
        assertEquals(16.87, Math.round((s.session(visit, 0) - s.session(visit, 0.5)) * 100) / 100.0, 1e-9);
        // ... and for 97530 + 97110 + 97112 it is above: 0.5 x (0.87 + 0.98) RVU = 30.90 against 0.5 x (0.41 + 0.47) RVU = 14.70
        FeeSchedule three = FeeSchedule.of(MedicarePfs.of(2026), List.of("97530", "97110", "97112"));
        int[] mixed = {0, 1, 2};
        assertEquals(0.5 * (0.87 + 0.98) * 33.4009, three.session(mixed, 0) - three.sessionWholeFee(mixed, 0.5), 1e-9);
        assertEquals(0.5 * (0.41 + 0.47) * 33.4009, three.session(mixed, 0) - three.session(mixed, 0.5), 1e-9);
    }

    @Test
    void percentOfMedicareWorkedClaimOfTheDoc() {
        // docs/payment-rules.md: the 2026 visit 97530, 97530, 97110 (Medicare allows 82.333219) at 95%
        // of Medicare, patient share 20%, 85% collected: 82.333219 x 0.95 x (0.8 + 0.2 x 0.85) = 75.870061
        FeeSchedule s = FeeSchedule.of(MedicarePfs.of(2026), List.of("97530", "97110"));
        double medicareAllowed = s.session(new int[] {0, 0, 1}, FeeSchedule.MPPR_RATE);
        assertEquals(82.333219, medicareAllowed, 1e-6);
        assertEquals(75.87, Math.round(medicareAllowed * 0.95 * (0.8 + 0.2 * 0.85) * 100) / 100.0, 1e-9);
    }

    @Test
    void percentOfMedicareValuesExactlyTheClaimsMedicareWould() {
        // random minutes, codes, assistants and conversion factor: at 100% with no patient share and
        // Medicare's MPPR, each episode's allowed amount equals Medicare's, claim for claim
        PracticeYear y = MedicareFixtures.year();
        FeeSchedule s = FeeSchedule.of(MedicarePfs.of(2026), List.of("97165", "97530", "97110", "97112"));
        Distribution minutes = Uniform.of(5, 70);
        Distribution cf = Uniform.of(-0.05, 0.02);
        double[] mix = {0, 0.5, 0.3, 0.2};
        MedicareFeeForService m = new MedicareFeeForService(s, 0, minutes, mix, Constant.of(0.3), 0.85, 0.5, 0.8, 0.02,
                Constant.of(1), Constant.of(0), cf, Constant.of(0), null);
        PercentOfMedicare p = new PercentOfMedicare("percentOfMedicare", s, 0, minutes, mix, Constant.of(0.3), 0.85, cf,
                Constant.of(1), Mppr.PRACTICE_EXPENSE, 0.5, 0, Constant.of(1), Constant.of(0), null);
        for (long key = 1; key <= 5; key++) {
            double[] a = new double[12];
            double[] b = new double[12];
            m.accrueValued(y, ALL, MedicareFixtures.rng(), key, new double[13], a);
            p.accrueValued(y, ALL, MedicareFixtures.rng(), key, new double[13], b);
            assertArrayEquals(a, b, 0, "claims key " + key);
        }
    }

    @Test
    void percentOfMedicareDeniesExactlyTheClaimsFeeForServiceDeniesOnTheSamePayers() {
        // Both forms decide denials from the draws of the claims key mixed with the payers covered
        // (Denials; DenialReference works them out apart), so the same claims are denied. Every follow-up here has the same allowed
        // amount (one code, 3 units, no assistant) and so has every evaluation, so a month's revenue is
        // A_eval x (evaluations paid) + A_follow x (follow-ups paid); with the paid counts of the keyed
        // draws, the two amounts fitted over 12 months must reproduce every month exactly.
        PracticeYear y = MedicareFixtures.year();
        Coverage payer = MedicareFixtures.covers(true);
        double rate = 0.3;
        PercentOfMedicare p = new PercentOfMedicare("percentOfMedicare", schedule(), 0, null, new double[] {0, 1},
                Constant.of(0), 0.85, Constant.of(0), Constant.of(1), Mppr.NONE, 0.5, 0, Constant.of(1), Constant.of(rate), null);
        for (long claimsKey = 1; claimsKey <= 5; claimsKey++) {
            boolean[] deniedVisits = DenialReference.denied(y, payer, claimsKey, rate);
            double[] evaluations = new double[13];
            double[] followUps = new double[13];
            int denied = 0;
            for (int v = 0; v < y.visitCount(); v++) {
                if (!deniedVisits[v]) {
                    (y.isEvaluation(v) ? evaluations : followUps)[y.visitMonth(v)]++;
                } else {
                    denied++;
                }
            }
            assertTrue(denied > 0 && denied < y.visitCount(), "some claims denied, some paid");
            double[] revenue = new double[13];
            p.accrueValued(y, payer, MedicareFixtures.rng(), claimsKey, revenue, null);
            // least squares of revenue on (evaluations, follow-ups) over months 1..12, then exact residuals
            double see = 0, sef = 0, sff = 0, sey = 0, sfy = 0;
            for (int m = 1; m <= 12; m++) {
                see += evaluations[m] * evaluations[m];
                sef += evaluations[m] * followUps[m];
                sff += followUps[m] * followUps[m];
                sey += evaluations[m] * revenue[m];
                sfy += followUps[m] * revenue[m];
            }
            double det = see * sff - sef * sef;
            assertTrue(Math.abs(det) > 1e-9, "the paid counts identify both amounts");
            double amountEval = (sey * sff - sfy * sef) / det;
            double amountFollow = (sfy * see - sey * sef) / det;
            assertTrue(amountEval > 0 && amountFollow > 0, "positive allowed amounts");
            for (int m = 1; m <= 12; m++) {
                assertEquals(amountEval * evaluations[m] + amountFollow * followUps[m], revenue[m], 1e-6,
                        "claims key " + claimsKey + ", month " + m + ": the claims paid are those the keyed draws leave");
            }
        }
    }

    // ---- visit limits ----------------------------------------------------------------------------

    @Test
    void authorisationAndReauthorisationDenial() {
        PracticeYear y = MedicareFixtures.year();
        // one follow-up authorised; re-authorisation always denied: the second follow-up is unpaid
        VisitLimits denied = new VisitLimits(Constant.of(1), Constant.of(1), 0, true, 0);
        assertEquals(12 * (EVAL + FU), paid(percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, denied), y), 1e-8);
        // re-authorisation always granted: everything paid
        VisitLimits granted = new VisitLimits(Constant.of(1), Constant.of(0), 0, true, 0);
        assertEquals(12 * EPISODE, paid(percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, granted), y), 1e-8);
        // nothing authorised, re-authorisation denied: only evaluations (no authorisation needed)
        VisitLimits none = new VisitLimits(Constant.of(0), Constant.of(1), 0, true, 0);
        assertEquals(12 * EVAL, paid(percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, none), y), 1e-8);
    }

    @Test
    void yearlyVisitCapCountsTheEvaluationAndVisitsNotDeliveredSaveTheirCost() {
        PracticeYear y = MedicareFixtures.year();
        VisitLimits cap = new VisitLimits(null, null, 2, true, 0);
        assertEquals(12 * (EVAL + FU), paid(percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, cap), y), 1e-8);
        // the practice stops at the cap: the third visit is not delivered and saves $10 of cost
        VisitLimits stop = new VisitLimits(null, null, 2, false, 10);
        assertEquals(12 * (EVAL + FU + 10), paid(percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, stop), y), 1e-8);
    }

    @Test
    void theYearlyCapStartsAgainInJanuary() {
        PracticeYear y = spanningYear();
        // cap of 1 visit a year: the November episode is paid its evaluation (month 11) and, in the new
        // year, its second follow-up (month 13); December's its evaluation and its first follow-up (13).
        VisitLimits cap = new VisitLimits(null, null, 1, true, 0);
        double[] rev = new double[25];
        percent("percentOfMedicare", 1, Mppr.PRACTICE_EXPENSE, 0, 1, cap).accrue(y, ALL, MedicareFixtures.rng(), rev);
        assertEquals(EVAL, rev[12], 1e-9, "December: only December's evaluation");
        assertEquals(2 * FU + EVAL, rev[13], 1e-9, "January: one visit each for November's and December's episodes, and January's evaluation");
        assertEquals(2 * FU + EVAL, rev[1], 1e-9, "month 1: the two warm-up episodes' first visit of the year, January's evaluation");
    }
}
