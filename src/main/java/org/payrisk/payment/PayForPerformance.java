package org.payrisk.payment;

import java.util.List;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * A pay-for-performance bonus: when the year's quality score reaches the threshold, the payer adds
 * {@code rate} times the contract's payments for the year, paid at settlement.
 *
 * <p>Per trial: the quality score is drawn once (clamped to [0, 1]) from the claims stream of the field
 * {@code qualityScore} ({@link Overlay#QUALITY}), shared by every overlay of every model.
 *
 * @param rate bonus as a share of the base payments, &gt;= 0
 * @param qualityScore the year's quality score, drawn per trial, in [0, 1]
 * @param threshold score needed for the bonus, in [0, 1]
 * @param settlementMonth month the bonus is paid
 */
public record PayForPerformance(double rate, Distribution qualityScore, double threshold, int settlementMonth)
        implements Overlay {

    /** Checks ranges. */
    public PayForPerformance {
        TermChecks.amount("rate", rate);
        TermChecks.probability("qualityScore", qualityScore);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: expected a score in [0, 1], found " + threshold);
        }
        TermChecks.month("settlementMonth", settlementMonth, RuleTerms.MAX_SETTLEMENT_MONTH);
    }

    @Override
    public String kind() {
        return "payForPerformance";
    }

    @Override
    public List<DrawnInput> drawnInputs() {
        return !RandomInputs.isRandom(qualityScore) ? List.of() : List.of(new DrawnInput("payForPerformance.qualityScore",
                (y, c, k) -> PaymentRule.clamp(ClaimRandom.draw(k, QUALITY, qualityScore), 0, 1)));
    }

    @Override
    public void apply(PracticeYear year, Coverage covered, long claimsKey, double baseTotal,
                      double[] paidByMonth, double[] revenueByMonth, Settlements settlements) {
        final double score = PaymentRule.clamp(ClaimRandom.draw(claimsKey, QUALITY, qualityScore), 0, 1);
        settlements.add(settlementMonth, score >= threshold ? rate * baseTotal : 0);
    }
}
