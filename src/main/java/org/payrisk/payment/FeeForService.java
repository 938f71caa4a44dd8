package org.payrisk.payment;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * Fee-for-service: a price per evaluation plus a price per billed unit of each attended follow-up.
 * Each attended visit's claim is denied (never paid) with probability {@code denialRate}.
 *
 * <p>Per trial: evaluation price, unit price and denial rate are drawn once (in that order); then
 * one {@code nextDouble} per attended visit of a covered payer decides its denial.
 *
 * @param evaluation dollars per evaluation, drawn once per trial, &gt;= 0
 * @param perUnit dollars per billed 15-minute unit, drawn once per trial, &gt;= 0
 * @param denialRate probability a claim is denied, drawn once per trial, in [0, 1]
 */
public record FeeForService(Distribution evaluation, Distribution perUnit, Distribution denialRate)
        implements PaymentRule, EpisodeValuer {

    /** Checks presence; ranges are validated where the scenario is read. */
    public FeeForService {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(perUnit, "perUnit");
        Objects.requireNonNull(denialRate, "denialRate");
    }

    @Override
    public String kind() {
        return "feeForService";
    }

    @Override
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, double[] revenueByMonth) {
        accrueValued(year, covered, rng, 0, revenueByMonth, null);
    }

    /**
     * {@inheritDoc} A claim's allowed amount is the price paid for it (this simple form has no
     * patient share). The claims key is not used: denials draw from the rule's stream, as always.
     */
    @Override
    public void accrueValued(PracticeYear year, boolean[] covered, UniformRandomProvider rng, long claimsKey,
                             double[] revenueByMonth, double[] spendByEpisode) {
        final double evalPrice = Math.max(0, evaluation.createSampler(rng).sample());
        final double unitPrice = Math.max(0, perUnit.createSampler(rng).sample());
        final double denial = PaymentRule.clamp(denialRate.createSampler(rng).sample(), 0, 1);
        final int n = year.visitCount();
        // Visits come in month order: sum a month in a register and add it once (no store-to-load
        // dependency per visit).
        int month = n > 0 ? year.visitMonth(0) : 0;
        double monthSum = 0;
        for (int v = 0; v < n; v++) {
            if (!covered[year.visitPayer(v)] || rng.nextDouble() < denial) {
                continue;
            }
            final double pay = year.isEvaluation(v) ? evalPrice : unitPrice * year.visitUnits(v);
            final int m = year.visitMonth(v);
            if (m != month) {
                revenueByMonth[month] += monthSum;
                month = m;
                monthSum = 0;
            }
            monthSum += pay;
            if (spendByEpisode != null) {
                spendByEpisode[year.visitEpisode(v)] += pay;
            }
        }
        if (n > 0) {
            revenueByMonth[month] += monthSum;
        }
    }
}
