package org.payrisk.payment;

import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Limits;
import org.payrisk.practice.PracticeYear;

/**
 * Bundled (episode) payment: one price per episode of care, earned in the episode's start month;
 * optionally an outlier payment per attended visit beyond {@code outlierAfterVisits} in an episode
 * (the evaluation counts as one visit). Episodes that started before month 1 (warm-up) were paid
 * before the horizon and earn only their outlier visits inside it.
 *
 * <p>Per trial: one price draw per entry of {@code perEpisodeByCase} in case order (when one
 * distribution serves every case it is drawn once), then the outlier price; no per-visit draws.
 *
 * @param perEpisodeByCase dollars per episode, one distribution per case index (the same instance
 *                         for every case when the scenario gives one price)
 * @param outlierAfterVisits visits of an episode covered by the bundle, &gt;= 0; ignored without an
 *                           outlier price
 * @param outlierPerVisit dollars per attended visit beyond {@code outlierAfterVisits}, or null for
 *                        no outlier payment
 */
public record Bundled(List<Distribution> perEpisodeByCase, int outlierAfterVisits, Distribution outlierPerVisit)
        implements PaymentRule {

    /** Copies the list and checks presence. */
    public Bundled {
        perEpisodeByCase = List.copyOf(perEpisodeByCase);
        for (Distribution d : perEpisodeByCase) {
            Limits.amount("perEpisode", d);
        }
        if (outlierPerVisit != null) {
            Limits.amount("perVisit", outlierPerVisit);
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
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, double[] revenueByMonth) {
        final int nCases = perEpisodeByCase.size();
        final double[] price = new double[nCases];
        for (int c = 0; c < nCases; c++) {
            Distribution d = perEpisodeByCase.get(c);
            int first = perEpisodeByCase.indexOf(d);
            price[c] = first < c ? price[first] : Math.max(0, d.createSampler(rng).sample());
        }
        final int episodes = year.episodeCount();
        for (int e = 0; e < episodes; e++) {
            int start = year.episodeStart(e);
            if (start >= 1 && covered[year.episodePayer(e)]) {
                revenueByMonth[start] += price[year.episodeCase(e)];
            }
        }
        if (outlierPerVisit == null) {
            return;
        }
        final double perVisit = Math.max(0, outlierPerVisit.createSampler(rng).sample());
        final int n = year.visitCount();
        for (int v = 0; v < n; v++) {
            if (year.visitOrdinal(v) > outlierAfterVisits && covered[year.visitPayer(v)]) {
                revenueByMonth[year.visitMonth(v)] += perVisit;
            }
        }
    }
}
