package org.payrisk.payment;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.practice.PracticeYear;

/**
 * One payment contract. Implementations are immutable and thread safe; all per-trial state lives in
 * local variables of {@link #accrue}.
 */
public sealed interface PaymentRule permits EpisodeValuer, Capitation, Bundled, EpisodeProgram {

    /** @return the rule's name as written in a scenario file, e.g. {@code "feeForService"} */
    String kind();

    /**
     * Adds this contract's payments for one trial to {@code revenueByMonth}.
     *
     * @param year the simulated practice-year
     * @param covered the payers this contract covers (covered.covers(p) is true when payer p is paid under it)
     * @param rng a stream for this trial; rules keyed by the claims key take its first long as the
     *            claims key (see {@link RandomInputs})
     * @param revenueByMonth dollars by month, index 1..horizon (index 0 unused)
     */
    void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, double[] revenueByMonth);

    /**
     * Adds this contract's payments for one trial and the lump sums it settles later (episode
     * reconciliation, risk corridor, stop-loss). Rules without settlements pay exactly as
     * {@link #accrue(PracticeYear, Coverage, UniformRandomProvider, double[])}.
     *
     * @param year the simulated practice-year
     * @param covered the payers this contract covers (covered.covers(p) is true when payer p is paid under it)
     * @param rng unused by the built-in rules (kept for rules that need a private stream)
     * @param claimsKey the trial's claims key, the same for every model: every random input draws
     *                  from a stream keyed by it, the input's field and the payers covered
     *                  ({@link RandomInputs}), so equal contracts draw equal values
     * @param revenueByMonth dollars by month of service, index 1..horizon
     * @param settlements where lump sums and their payment months are added
     */
    default void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                        double[] revenueByMonth, Settlements settlements) {
        accrue(year, covered, rng, revenueByMonth);
    }

    /**
     * The contract's random inputs whose per-trial values are recorded (only those that can take
     * more than one value), with paths relative to the contract ({@code capitation.pmpm}).
     *
     * @param caseNames the demand's case names, by case index (for per-case inputs)
     * @return the inputs, in a fixed order; empty by default
     */
    default List<DrawnInput> drawnInputs(List<String> caseNames) {
        return List.of();
    }

    /**
     * A draw clamped to [lo, hi]: used for rates and prices given as distributions whose support is
     * wider than the quantity allows (e.g. a normal price); validation keeps the clamped mass tiny.
     */
    static double clamp(double x, double lo, double hi) {
        return Math.min(hi, Math.max(lo, x));
    }
}
