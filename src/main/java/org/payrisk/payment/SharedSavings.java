package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * Shared savings (and, optionally, shared losses) against a benchmark spend per episode, in the manner
 * of the Medicare Shared Savings Program: benchmark = benchmarkPerEpisode x the covered episodes that
 * started in the horizon; actual spend = the contract's base payments over the horizon; savings =
 * benchmark - spend. When savings reach {@code minimumSavingsRate} of the benchmark the practice earns
 * {@code sharingRate} x savings (x the quality score, when one is given), at most {@code stopGain} x
 * benchmark. When losses reach {@code minimumLossRate} of the benchmark it owes
 * {@code lossSharingRate} x losses, at most {@code stopLoss} x benchmark (0 = upside only). Paid at
 * settlement.
 *
 * <p>Per trial: the benchmark per episode and the quality score (when given), each from its field's stream of
 * the claims stream, shared by every model.
 *
 * @param benchmarkPerEpisode expected spend per episode, dollars, drawn per trial
 * @param minimumSavingsRate savings below this share of the benchmark earn nothing, in [0, 1]
 * @param sharingRate share of savings paid to the practice, in [0, 1]
 * @param minimumLossRate losses below this share of the benchmark cost nothing, in [0, 1]
 * @param lossSharingRate share of losses owed by the practice, in [0, 1] (0 = one-sided)
 * @param stopGain largest gain as a share of the benchmark, &gt;= 0
 * @param stopLoss largest loss as a share of the benchmark, &gt;= 0
 * @param qualityScore multiplies the shared savings, drawn per trial, or null for none
 * @param settlementMonth month the amount is paid
 */
public record SharedSavings(Distribution benchmarkPerEpisode, double minimumSavingsRate, double sharingRate,
                            double minimumLossRate, double lossSharingRate, double stopGain, double stopLoss,
                            Distribution qualityScore, int settlementMonth) implements Overlay {

    /** Checks presence and ranges ({@link TermChecks}). */
    public SharedSavings {
        TermChecks.amount("benchmarkPerEpisode", benchmarkPerEpisode);
        TermChecks.share("minimumSavingsRate", minimumSavingsRate);
        TermChecks.share("sharingRate", sharingRate);
        TermChecks.share("minimumLossRate", minimumLossRate);
        TermChecks.share("lossSharingRate", lossSharingRate);
        TermChecks.amountOrUnlimited("stopGain", stopGain);
        TermChecks.amountOrUnlimited("stopLoss", stopLoss);
        if (qualityScore != null) {
            TermChecks.probability("qualityScore", qualityScore);
        }
        TermChecks.month("settlementMonth", settlementMonth, RuleTerms.MAX_SETTLEMENT_MONTH);
    }

    @Override
    public String kind() {
        return "sharedSavings";
    }

    @Override
    public List<DrawnInput> drawnInputs() {
        List<DrawnInput> out = new ArrayList<>();
        if (RandomInputs.isRandom(benchmarkPerEpisode)) {
            out.add(new DrawnInput("sharedSavings.benchmarkPerEpisode",
                    (y, c, k) -> Math.max(0, ClaimRandom.draw(k, BENCHMARK, benchmarkPerEpisode))));
        }
        if (RandomInputs.isRandom(qualityScore)) {
            out.add(new DrawnInput("sharedSavings.qualityScore",
                    (y, c, k) -> PaymentRule.clamp(ClaimRandom.draw(k, QUALITY, qualityScore), 0, 1)));
        }
        return out;
    }

    @Override
    public void apply(PracticeYear year, Coverage covered, long claimsKey, double baseTotal,
                      double[] paidByMonth, double[] revenueByMonth, Settlements settlements) {
        final double perEpisode = Math.max(0, ClaimRandom.draw(claimsKey, BENCHMARK, benchmarkPerEpisode));
        final double quality = qualityScore == null ? 1
                : PaymentRule.clamp(ClaimRandom.draw(claimsKey, QUALITY, qualityScore), 0, 1);
        settlements.add(settlementMonth, amount(perEpisode * Overlay.episodesStarted(year, covered), baseTotal, quality));
    }

    /**
     * @param benchmark benchmark spend, dollars
     * @param spend actual spend, dollars
     * @param quality quality score in [0, 1] multiplying shared savings
     * @return the settlement, positive to the practice
     */
    public double amount(double benchmark, double spend, double quality) {
        if (!(benchmark > 0)) {
            return 0;
        }
        double savings = benchmark - spend;
        if (savings > 0 && savings >= minimumSavingsRate * benchmark) {
            return Math.min(sharingRate * savings * quality, stopGain * benchmark);
        }
        if (savings < 0 && -savings >= minimumLossRate * benchmark) {
            return -Math.min(lossSharingRate * -savings, stopLoss * benchmark);
        }
        return 0;
    }
}
