package org.payrisk.payment;

import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * One trial's drawer of Medicare-shaped claims: what a visit bills (units by the 8-minute rule, one
 * code per unit, whether an OT assistant furnished it) and its allowed amount under an MPPR variant.
 * Shared by {@link MedicareFeeForService} and {@link PercentOfMedicare}, so a contract priced as a
 * percentage of Medicare values exactly the claims Medicare would.
 *
 * <p>Draw order, from the claims stream reset for the visit ({@link ClaimRandom#visit}): for a
 * follow-up, the minutes draw (when {@code minutesPerVisit} is given), one code draw per unit, then one
 * {@code nextDouble} for the assistant; an evaluation draws nothing. Per trial the assistant share is
 * drawn by the caller (the {@code assistantShare} stream of the unkeyed claims key, as the Medicare form always has),
 * which also says whether a visit is its episode's evaluation (it walks the year's visit groups).
 *
 * <p>Per-trial scratch; not thread safe.
 */
final class ClaimShape {

    private final FeeSchedule schedule;
    private final int evaluationCode;
    private final ContinuousSampler minutes;
    private final int[] mixCodes;
    private final DiscreteSampler codeOf;
    private final double assistant;
    private final double assistantRate;
    private final ClaimRandom claim;
    private final double[] lineTotal;

    private double sumTotal;
    private double sumPe;
    private double maxPe;
    private boolean evaluation;
    private boolean byAssistant;

    ClaimShape(FeeSchedule schedule, int evaluationCode, Distribution minutesPerVisit, double[] codeMix,
               double assistant, double assistantRate, ClaimRandom claim) {
        this.schedule = schedule;
        this.evaluationCode = evaluationCode;
        this.minutes = minutesPerVisit == null ? null : minutesPerVisit.createSampler(claim);
        this.mixCodes = mixCodes(codeMix);
        this.codeOf = mixSampler(claim, codeMix, mixCodes);
        this.assistant = assistant;
        this.assistantRate = assistantRate;
        this.claim = claim;
        this.lineTotal = new double[mixCodes.length];
    }

    /**
     * Draws visit {@code v}'s claim.
     *
     * @param year the practice-year
     * @param v the visit
     * @param evaluation whether it is its episode's evaluation (the first visit of a group that
     *     {@link PracticeYear#groupHasEvaluation has one})
     * @param lines whether to keep the per-code line totals (needed by {@link Mppr#WHOLE_FEE} only)
     * @return false when the visit bills nothing (a follow-up under 8 timed minutes, or 0 units)
     */
    boolean draw(PracticeYear year, int v, boolean evaluation, boolean lines) {
        claim.visit(v);
        this.evaluation = evaluation;
        byAssistant = false;
        if (evaluation) {
            sumTotal = schedule.totalOf(evaluationCode);
            sumPe = schedule.peOf(evaluationCode);
            maxPe = sumPe;
            return true;
        }
        int units = minutes == null ? year.visitUnits(v)
                : EightMinuteRule.units((int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.rint(minutes.sample()))));
        if (units <= 0) {
            return false;
        }
        if (lines) {
            java.util.Arrays.fill(lineTotal, 0);
        }
        sumTotal = 0;
        sumPe = 0;
        maxPe = 0;
        for (int u = 0; u < units; u++) {
            int k = codeOf.sample();
            int c = mixCodes[k];
            double t = schedule.totalOf(c);
            sumTotal += t;
            if (lines) {
                lineTotal[k] += t;
            }
            double pe = schedule.peOf(c);
            sumPe += pe;
            if (pe > maxPe) {
                maxPe = pe;
            }
        }
        byAssistant = claim.nextDouble() < assistant;
        return true;
    }

    /**
     * The allowed amount of the last drawn claim at the fee schedule's prices (before any
     * conversion-factor change): after the MPPR variant, times the assistant rate for an assistant's
     * follow-up. An evaluation is billed alone, so no variant reduces it.
     *
     * @param mppr the multiple procedure reduction
     * @param rate its rate, e.g. 0.5
     * @return dollars
     */
    double allowed(Mppr mppr, double rate) {
        double a;
        if (evaluation) {
            a = sumTotal;
        } else {
            switch (mppr) {
                case PRACTICE_EXPENSE -> a = FeeSchedule.mppr(sumTotal, sumPe, maxPe, rate);
                case NONE -> a = sumTotal;
                default -> {
                    double maxLine = 0;
                    for (double l : lineTotal) {
                        maxLine = Math.max(maxLine, l);
                    }
                    a = FeeSchedule.wholeFee(sumTotal, maxLine, rate);
                }
            }
        }
        return byAssistant ? a * assistantRate : a;
    }

    private static int[] mixCodes(double[] codeMix) {
        int k = 0;
        for (double w : codeMix) {
            if (w > 0) {
                k++;
            }
        }
        int[] out = new int[k];
        k = 0;
        for (int c = 0; c < codeMix.length; c++) {
            if (codeMix[c] > 0) {
                out[k++] = c;
            }
        }
        return out;
    }

    private static DiscreteSampler mixSampler(ClaimRandom rng, double[] codeMix, int[] mixCodes) {
        if (mixCodes.length == 1) {
            return () -> 0;
        }
        double[] w = new double[mixCodes.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = codeMix[mixCodes[i]];
        }
        return AliasMethodDiscreteSampler.of(rng, w);
    }
}
