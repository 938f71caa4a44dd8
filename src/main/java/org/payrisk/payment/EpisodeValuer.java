package org.payrisk.payment;

import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.practice.PracticeYear;

/**
 * A fee-for-service rule that can also report what each episode cost the payer and patient (the
 * allowed amount of its paid claims): the "actual episode spend valued at a fee schedule" that an
 * episode program reconciles against its target price.
 */
public sealed interface EpisodeValuer extends PaymentRule permits FeeForService, MedicareFeeForService,
        PercentOfMedicare {

    /**
     * Pays one trial. Used alone (outside the engine), the claims key is the first long of
     * {@code rng}.
     */
    @Override
    default void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, double[] revenueByMonth) {
        accrueValued(year, covered, rng, rng.nextLong(), revenueByMonth, null);
    }

    /** Pays one trial from the trial's claims key; fee-for-service settles nothing later. */
    @Override
    default void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                        double[] revenueByMonth, Settlements settlements) {
        accrueValued(year, covered, rng, claimsKey, revenueByMonth, null);
    }

    /**
     * Pays the year exactly as {@link PaymentRule#accrue} does (same draws, same dollars) and also
     * adds each paid claim's allowed amount to its episode.
     *
     * @param year the simulated practice-year
     * @param covered the payers this contract covers (covered.covers(p) is true when payer p is paid under it)
     * @param rng this rule's stream
     * @param claimsKey the trial's claims key (see {@link PaymentRule#accrue(PracticeYear, Coverage,
     *                  UniformRandomProvider, long, double[], Settlements)})
     * @param revenueByMonth dollars by month, index 1..horizon
     * @param spendByEpisode allowed dollars by episode index, length &gt;= year.episodeCount(); added to
     */
    void accrueValued(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                      double[] revenueByMonth, double[] spendByEpisode);
}
