package org.payrisk.payment;

import java.util.List;
import org.payrisk.practice.PracticeYear;

/**
 * A value-based layer on top of one contract (its base rule): a quality withhold, a pay-for-performance
 * bonus or shared savings / losses. Overlays stack in scenario order; each sees the base rule's
 * payments for the horizon and adds lump sums that settle in a stated later month. Implementations are
 * immutable and thread safe.
 */
public sealed interface Overlay permits QualityWithhold, PayForPerformance, SharedSavings {

    /**
     * Key of the quality score on the trial's claims stream (field {@code qualityScore}, without the
     * payers): every overlay of every model draws its quality score from this stream, so one
     * practice has one quality level a year (different score distributions are comonotonic).
     */
    long QUALITY = RandomInputs.fieldKey("qualityScore");

    /** Key of the shared-savings benchmark on the trial's claims stream (without the payers). */
    long BENCHMARK = RandomInputs.fieldKey("sharedSavings.benchmarkPerEpisode");

    /** @return the overlay's name as written in a scenario file */
    String kind();

    /**
     * Applies the overlay for one trial.
     *
     * @param year the simulated practice-year
     * @param covered the payers this contract covers (covered.covers(p) is true when payer p is paid under it)
     * @param claimsKey the trial's claims key: overlays draw their per-trial terms from its streams keyed by field
     *                  ({@link #QUALITY}, {@link #BENCHMARK}), the same in every model
     * @param baseTotal the base rule's payments over the horizon, dollars (before any overlay)
     * @param paidByMonth the contract's payments by service month, 1..horizon; an overlay that holds
     *                    money back lowers it
     * @param revenueByMonth the model's revenue by month, 1..horizon; lowered by the same amounts
     * @param settlements where lump sums are added
     */
    void apply(PracticeYear year, Coverage covered, long claimsKey, double baseTotal, double[] paidByMonth,
               double[] revenueByMonth, Settlements settlements);

    /**
     * The overlay's random inputs whose per-trial values are recorded, with paths relative to the
     * overlay ({@code qualityWithhold.qualityScore}).
     *
     * @return the inputs; empty by default
     */
    default List<DrawnInput> drawnInputs() {
        return List.of();
    }

    /**
     * @param year the year
     * @param covered covered payers
     * @return episodes of covered payers that started in months 1..horizon
     */
    static int episodesStarted(PracticeYear year, Coverage covered) {
        int n = 0;
        for (int e = 0; e < year.episodeCount(); e++) {
            if (year.episodeStart(e) >= 1 && covered.covers(year.episodePayer(e))) {
                n++;
            }
        }
        return n;
    }
}
