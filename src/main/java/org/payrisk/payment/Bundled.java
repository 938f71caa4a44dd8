package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * Bundled (episode) payment: one price per episode of care, earned in the episode's start month;
 * optionally an outlier payment per attended visit beyond {@code outlierAfterVisits} in an episode
 * (the evaluation counts as one visit). Episodes that started before month 1 (warm-up) were paid
 * before the horizon and earn only their outlier visits inside it.
 *
 * <p>Random numbers ({@link RandomInputs}: each from its own stream keyed by the trial, the field
 * and the names of the payers covered): the episode prices ({@link CasePrices}: one draw from
 * {@code bundled.perEpisode} for one price, else one per case from {@code bundled.perEpisode.<case
 * name>}), then the outlier price ({@code bundled.outlier.perVisit}). No per-visit draws.
 *
 * @param perEpisode dollars per episode, one price for all cases or one per case
 * @param outlierAfterVisits visits of an episode covered by the bundle, &gt;= 0; ignored without an
 *                           outlier price
 * @param outlierPerVisit dollars per attended visit beyond {@code outlierAfterVisits}, or null for
 *                        no outlier payment
 */
public record Bundled(CasePrices perEpisode, int outlierAfterVisits, Distribution outlierPerVisit)
        implements PaymentRule {

    private static final String PER_EPISODE = "bundled.perEpisode";
    private static final long OUTLIER = RandomInputs.fieldKey("bundled.outlier.perVisit");

    /** Checks presence. */
    public Bundled {
        java.util.Objects.requireNonNull(perEpisode, "perEpisode");
        perEpisode.check("perEpisode");
        if (outlierPerVisit != null) {
            TermChecks.amount("perVisit", outlierPerVisit);
        }
        if (outlierAfterVisits < 0) {
            throw new IllegalArgumentException("afterVisits: expected a whole number >= 0, found " + outlierAfterVisits);
        }
    }

    @Override
    public String kind() {
        return "bundled";
    }

    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, double[] revenueByMonth) {
        accrue(year, covered, rng, rng.nextLong(), revenueByMonth, null);
    }

    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                       double[] revenueByMonth, Settlements settlements) {
        final double[] price = prices(claimsKey, covered);
        final int episodes = year.episodeCount();
        for (int e = 0; e < episodes; e++) {
            int start = year.episodeStart(e);
            if (start >= 1 && covered.covers(year.episodePayer(e))) {
                revenueByMonth[start] += price[year.episodeCase(e)];
            }
        }
        if (outlierPerVisit == null) {
            return;
        }
        final double perVisit = outlierPrice(claimsKey, covered);
        final boolean[] covers = covered.flags();
        final int n = year.groupCount();
        for (int g = 0; g < n; g++) {
            // the group's visits have ordinals first .. last; those beyond outlierAfterVisits are paid
            final int last = year.groupFirstOrdinal(g) + year.groupVisits(g) - 1;
            final int beyond = last - Math.max(outlierAfterVisits, year.groupFirstOrdinal(g) - 1);
            if (beyond > 0 && covers[year.groupPayer(g)]) {
                revenueByMonth[year.groupMonth(g)] += beyond * perVisit;
            }
        }
    }

    /** @return each case's price for the trial, floored at 0 */
    private double[] prices(long claimsKey, Coverage covered) {
        return perEpisode.draw(PER_EPISODE, claimsKey, covered);
    }

    private double outlierPrice(long claimsKey, Coverage covered) {
        return Math.max(0, RandomInputs.draw(claimsKey, covered, OUTLIER, outlierPerVisit));
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        perEpisode.addInputs(PER_EPISODE, out);
        if (RandomInputs.isRandom(outlierPerVisit)) {
            out.add(new DrawnInput("bundled.outlier.perVisit", (y, c, k) -> outlierPrice(k, c)));
        }
        return out;
    }
}
