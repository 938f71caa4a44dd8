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
 * and the payers covered): when one price serves every case (the same instance at every case
 * index) it is drawn once ({@code bundled.perEpisode}); otherwise each case's price is drawn from
 * its case's own stream ({@code bundled.perEpisode[c]}), so two cases with equal but separately
 * written prices draw independently; then the outlier price ({@code bundled.outlier.perVisit}). No
 * per-visit draws.
 *
 * @param perEpisodeByCase dollars per episode, one distribution per case index (the same instance
 *                         for every case when the scenario gives one price; separately written
 *                         prices are separate instances even when equal)
 * @param outlierAfterVisits visits of an episode covered by the bundle, &gt;= 0; ignored without an
 *                           outlier price
 * @param outlierPerVisit dollars per attended visit beyond {@code outlierAfterVisits}, or null for
 *                        no outlier payment
 */
public record Bundled(List<Distribution> perEpisodeByCase, int outlierAfterVisits, Distribution outlierPerVisit)
        implements PaymentRule {

    private static final long OUTLIER = RandomInputs.fieldKey("bundled.outlier.perVisit");

    /** Copies the list and checks presence. */
    public Bundled {
        perEpisodeByCase = List.copyOf(perEpisodeByCase);
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
        accrue(year, covered, rng, rng.nextLong(), revenueByMonth, null);
    }

    @Override
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, long claimsKey,
                       double[] revenueByMonth, Settlements settlements) {
        final double[] price = prices(claimsKey, covered);
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
        final double perVisit = outlierPrice(claimsKey, covered);
        final int n = year.visitCount();
        for (int v = 0; v < n; v++) {
            if (year.visitOrdinal(v) > outlierAfterVisits && covered[year.visitPayer(v)]) {
                revenueByMonth[year.visitMonth(v)] += perVisit;
            }
        }
    }

    /** @return each case's price for the trial, floored at 0 */
    private double[] prices(long claimsKey, boolean[] covered) {
        return perCase(perEpisodeByCase, "bundled.perEpisode", claimsKey, covered);
    }

    private double outlierPrice(long claimsKey, boolean[] covered) {
        return Math.max(0, RandomInputs.draw(claimsKey, covered, OUTLIER, outlierPerVisit));
    }

    /**
     * One draw per case from the case's own keyed stream ({@code field[c]}), or a single draw from
     * {@code field} when one instance serves every case.
     */
    static double[] perCase(List<Distribution> byCase, String field, long claimsKey, boolean[] covered) {
        final int nCases = byCase.size();
        final double[] out = new double[nCases];
        if (onePrice(byCase)) {
            java.util.Arrays.fill(out, Math.max(0, RandomInputs.draw(claimsKey, covered, RandomInputs.fieldKey(field), byCase.get(0))));
            return out;
        }
        for (int c = 0; c < nCases; c++) {
            out[c] = Math.max(0, RandomInputs.draw(claimsKey, covered, RandomInputs.fieldKey(field + "[" + c + "]"), byCase.get(c)));
        }
        return out;
    }

    /** @return true when one distribution instance serves every case (the scenario gave one price) */
    static boolean onePrice(List<Distribution> byCase) {
        for (Distribution d : byCase) {
            if (d != byCase.get(0)) {
                return false;
            }
        }
        return !byCase.isEmpty();
    }

    /** Recorded per-case inputs: {@code field.caseName}, or {@code field} for one price. */
    static void perCaseInputs(List<Distribution> byCase, String field, List<String> caseNames, List<DrawnInput> out) {
        if (onePrice(byCase)) {
            if (RandomInputs.isRandom(byCase.get(0))) {
                out.add(new DrawnInput(field, (y, c, k) -> perCase(byCase, field, k, c)[0]));
            }
            return;
        }
        for (int i = 0; i < byCase.size(); i++) {
            final int caseIndex = i;
            if (RandomInputs.isRandom(byCase.get(i))) {
                String name = i < caseNames.size() ? caseNames.get(i) : "[" + i + "]";
                out.add(new DrawnInput(field + "." + name, (y, c, k) -> perCase(byCase, field, k, c)[caseIndex]));
            }
        }
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        perCaseInputs(perEpisodeByCase, "bundled.perEpisode", caseNames, out);
        if (RandomInputs.isRandom(outlierPerVisit)) {
            out.add(new DrawnInput("bundled.outlier.perVisit", (y, c, k) -> outlierPrice(k, c)));
        }
        return out;
    }
}
