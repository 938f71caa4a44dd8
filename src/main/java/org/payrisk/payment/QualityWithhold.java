package org.payrisk.payment;

import java.util.List;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * A quality withhold: the payer holds back {@code rate} of every payment of the contract and, at
 * settlement, returns the share of the withheld total given by the quality score.
 *
 * <p>Per trial: the quality score is drawn once (clamped to [0, 1]) from the claims stream of the field
 * {@code qualityScore} ({@link Overlay#QUALITY}), shared by every overlay of every model.
 *
 * @param rate share of each payment withheld, in [0, 1]
 * @param qualityScore share of the withheld money returned, drawn per trial, in [0, 1]
 * @param settlementMonth month the returned money is paid (e.g. 18 = June of the following year)
 */
public record QualityWithhold(double rate, Distribution qualityScore, int settlementMonth) implements Overlay {

    /** Checks ranges. */
    public QualityWithhold {
        TermChecks.share("rate", rate);
        TermChecks.probability("qualityScore", qualityScore);
        TermChecks.month("settlementMonth", settlementMonth, RuleTerms.MAX_SETTLEMENT_MONTH);
    }

    @Override
    public String kind() {
        return "qualityWithhold";
    }

    @Override
    public List<DrawnInput> drawnInputs() {
        return !RandomInputs.isRandom(qualityScore) ? List.of() : List.of(new DrawnInput("qualityWithhold.qualityScore",
                (y, c, k) -> PaymentRule.clamp(ClaimRandom.draw(k, QUALITY, qualityScore), 0, 1)));
    }

    @Override
    public void apply(PracticeYear year, Coverage covered, long claimsKey, double baseTotal,
                      double[] paidByMonth, double[] revenueByMonth, Settlements settlements) {
        final double score = PaymentRule.clamp(ClaimRandom.draw(claimsKey, QUALITY, qualityScore), 0, 1);
        double withheld = 0;
        for (int m = 1; m <= year.horizonMonths(); m++) {
            double cut = rate * paidByMonth[m];
            paidByMonth[m] -= cut;
            revenueByMonth[m] -= cut;
            withheld += cut;
        }
        settlements.add(settlementMonth, withheld * score);
    }
}
