package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * An episode program with retrospective reconciliation (in the manner of CJR and TEAM): during the
 * year every claim is paid fee-for-service under {@code feeSchedule}; afterwards the episodes are
 * reconciled against a target price:
 * <pre>
 *   R = sum over reconciled episodes of [target x (1 - discount) - actual spend]
 *   quality: R &gt; 0 is multiplied by 1 - qualityWeight x (1 - score); R &lt; 0 by 1 - qualityWeight x score
 *   caps:    -stopLoss x sum of targets &lt;= R &lt;= stopGain x sum of targets
 *   the practice receives (or repays) participantShare x R in settlementMonth
 * </pre>
 * An episode's actual spend is the allowed amount of its paid claims (payer and patient parts).
 * Reconciled episodes are those of covered payers that start in month 1 or later and end within the
 * horizon, since only their whole spend is seen (an episode ends in month start + ceil((1 +
 * follow-ups) / visitsPerMonth) - 1; cancelled visits are not made up). Episodes still open at the
 * horizon's end belong to the next performance period.
 *
 * <p>Random numbers ({@link RandomInputs}: each from its own stream keyed by the trial, the field
 * and the names of the payers covered): the target prices ({@link CasePrices}: once from
 * {@code bundled.reconciliation.targetPrice} for one target, else per case from
 * {@code ...targetPrice.<case name>}); the
 * discount; the quality score (when given); then the fee schedule's own draws, which are those of
 * the same fee schedule outside the program.
 *
 * @param feeSchedule the fee-for-service rule that pays claims and values episodes
 * @param target target price per episode, dollars, one for all cases or one per case
 * @param discount share taken off the target, drawn per trial, in [0, 1]
 * @param qualityScore quality score in [0, 1], drawn per trial, or null (no quality adjustment)
 * @param qualityWeight largest quality adjustment of the reconciliation amount, in [0, 1]
 * @param stopGain largest gain as a share of the summed targets, &gt;= 0
 * @param stopLoss largest loss as a share of the summed targets, &gt;= 0 (0 = upside only)
 * @param participantShare share of the reconciliation amount that reaches the practice, in [0, 1]
 * @param settlementMonth month the reconciliation is paid
 * @param visitsPerMonthOfCase each case's visits per month, to find when an episode ends
 */
public record EpisodeProgram(EpisodeValuer feeSchedule, CasePrices target, Distribution discount,
                             Distribution qualityScore, double qualityWeight, double stopGain, double stopLoss,
                             double participantShare, int settlementMonth, int[] visitsPerMonthOfCase)
        implements PaymentRule {

    private static final String TARGET = "bundled.reconciliation.targetPrice";
    private static final long DISCOUNT = RandomInputs.fieldKey("bundled.reconciliation.discount");
    private static final long QUALITY = RandomInputs.fieldKey("bundled.reconciliation.qualityScore");

    /** Checks presence and sizes; copies. */
    public EpisodeProgram {
        Objects.requireNonNull(feeSchedule, "feeSchedule");
        Objects.requireNonNull(target, "target");
        target.check("targetPrice");
        TermChecks.probability("discount", discount);
        if (qualityScore != null) {
            TermChecks.probability("qualityScore", qualityScore);
        }
        TermChecks.share("qualityWeight", qualityWeight);
        TermChecks.amount("stopGain", stopGain);
        TermChecks.amount("stopLoss", stopLoss);
        TermChecks.share("participantShare", participantShare);
        TermChecks.month("settlementMonth", settlementMonth, RuleTerms.MAX_SETTLEMENT_MONTH);
        visitsPerMonthOfCase = visitsPerMonthOfCase.clone();
        if (target.size() != visitsPerMonthOfCase.length) {
            throw new IllegalArgumentException("targetPrice: expected one target per case");
        }
    }

    @Override
    public int[] visitsPerMonthOfCase() {
        return visitsPerMonthOfCase.clone();
    }

    @Override
    public String kind() {
        return "bundled";
    }

    /**
     * Books the reconciliation in the horizon's last month (as the engine does). Used alone, the
     * claims key is the first long of {@code rng}.
     */
    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, double[] revenueByMonth) {
        Settlements s = new Settlements();
        accrue(year, covered, rng, rng.nextLong(), revenueByMonth, s);
        revenueByMonth[year.horizonMonths()] += s.total();
    }

    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                       double[] revenueByMonth, Settlements settlements) {
        final double[] price = target.draw(TARGET, claimsKey, covered);
        final double disc = discount(claimsKey, covered);
        final double score = score(claimsKey, covered);
        final double[] spend = new double[year.episodeCount()];
        feeSchedule.accrueValued(year, covered, rng, claimsKey, revenueByMonth, spend);

        double targets = 0;
        double net = 0;
        for (int e = 0; e < year.episodeCount(); e++) {
            if (!reconciled(year, covered, e)) {
                continue;
            }
            double t = price[year.episodeCase(e)];
            targets += t;
            net += t * (1 - disc) - spend[e];
        }
        settlements.add(settlementMonth, participantShare * reconcile(net, targets, score));
    }

    private double discount(long claimsKey, Coverage covered) {
        return PaymentRule.clamp(RandomInputs.draw(claimsKey, covered, DISCOUNT, discount), 0, 1);
    }

    private double score(long claimsKey, Coverage covered) {
        return qualityScore == null ? Double.NaN
                : PaymentRule.clamp(RandomInputs.draw(claimsKey, covered, QUALITY, qualityScore), 0, 1);
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        target.addInputs(TARGET, out);
        if (RandomInputs.isRandom(discount)) {
            out.add(new DrawnInput("bundled.reconciliation.discount", (y, c, k) -> discount(k, c)));
        }
        if (RandomInputs.isRandom(qualityScore)) {
            out.add(new DrawnInput("bundled.reconciliation.qualityScore", (y, c, k) -> score(k, c)));
        }
        for (DrawnInput d : feeSchedule.drawnInputs(caseNames)) {
            out.add(d.under("bundled.reconciliation."));
        }
        return out;
    }

    /**
     * @param year the year
     * @param covered covered payers
     * @param e an episode
     * @return true when it is reconciled in this performance period
     */
    boolean reconciled(PracticeYear year, Coverage covered, int e) {
        int start = year.episodeStart(e);
        if (start < 1 || !covered.covers(year.episodePayer(e))) {
            return false;
        }
        int perMonth = visitsPerMonthOfCase[year.episodeCase(e)];
        int months = (1 + year.episodeFollowUps(e) + perMonth - 1) / perMonth;
        return start + months - 1 <= year.horizonMonths();
    }

    /**
     * The reconciliation amount before the participant share.
     *
     * @param net sum of target x (1 - discount) - actual spend, dollars
     * @param targets sum of target prices, dollars
     * @param score quality score in [0, 1], or NaN for no quality adjustment
     * @return the capped, quality-adjusted amount, positive to the practice
     */
    public double reconcile(double net, double targets, double score) {
        double r = net;
        if (!Double.isNaN(score)) {
            r *= r > 0 ? 1 - qualityWeight * (1 - score) : 1 - qualityWeight * score;
        }
        return Math.max(-stopLoss * targets, Math.min(stopGain * targets, r));
    }
}
