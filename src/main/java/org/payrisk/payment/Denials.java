package org.payrisk.payment;

import java.util.Arrays;
import org.apache.commons.rng.core.util.NumberFactory;
import org.payrisk.dist.BinomialQuantiles;
import org.payrisk.dist.TrialStreams;

/**
 * One contract's claim denials in one trial: each claim is denied with probability {@code rate},
 * independently of the others, drawn group by group (a group is an episode's visits of one month)
 * from the contract's key. Every form that denies claims (fee-for-service, percentOfMedicare) decides
 * them here, from the same draws, so the same payers' denials coincide across the forms.
 *
 * <p>In a group:
 * <ul>
 *   <li>the evaluation, when the group has one, is denied when its draw of the key's denial sequence
 *       at its visit index is below the rate;</li>
 *   <li>the number of its k follow-ups denied is the Binomial(k, rate) quantile
 *       ({@link BinomialQuantiles}) of the denial sequence's draw at its first follow-up: one draw
 *       a group, not one a visit;</li>
 *   <li>which of them, where a form needs to know (visits that carry their own units; percentOfMedicare
 *       and workersComp, which price claim by claim), are those with the smallest draws of the key's
 *       rank sequence ({@link #rankDraw}, which never tie in a group). Fee-for-service on the sum
 *       path ({@link org.payrisk.practice.PracticeYear#unitsBySum}) needs only their number.</li>
 * </ul>
 * That is exactly the law of denying each claim on its own: the number of independent
 * Bernoulli(rate) denials among k claims is Binomial(k, rate), and given that number every set of
 * that many claims is equally likely, as the smallest ranks of independent draws are. It is also
 * monotone in the rate, so a sweep, a solve or a sensitivity run over the denial rate sees each
 * trial's denied claims (on the sum path, their number in each group) only grow with it: no draw
 * depends on the rate, the quantile does not decrease as the rate grows (to floating-point accuracy),
 * and the claims with the smallest ranks include those of any smaller number. Evaluations are drawn
 * on their own because a form may pay them differently.
 *
 * <p>The key's denial sequence: its draw at visit v is output v + 1 of the SplitMix64 sequence (Steele,
 * Lea and Flood 2014) of the {@link #denialSeed}, the top 53 bits as a double. It is written out in
 * {@link #evaluationDenied} and {@link #deniedFollowUps} rather than called through a helper, because
 * C1, the compiler of short runs, inlines the mix only two calls deep, and the rules' claim loops call
 * those methods (docs/performance.md, steps 8 and 25). The rank draws go through {@link #rankDraw}:
 * its caller, {@link #whichDenied}, is too large to be inlined into a claim loop, so the mix stays
 * within reach there.
 *
 * <p>Per-trial scratch, one per rule call; not thread safe.
 */
final class Denials {

    /** Salt of the denial draws' sequence: an arbitrary constant (about the fractional bits of sqrt(2)). */
    private static final long DENIAL_SALT = 0x6A09E667F3BCC909L;
    /** Salt of the rank draws' sequence: an arbitrary constant (about the fractional bits of sqrt(3)). */
    private static final long RANK_SALT = 0xBB67AE8584CAA73BL;
    /** Up to this many denied follow-ups, {@link #whichDenied} keeps the smallest ranks by insertion; above, it sorts. */
    private static final int SMALL = 8;

    private final double rate;
    private final long denialSeed;
    private final long rankSeed;
    private final BinomialQuantiles counts;
    /** the current group's follow-ups' ranks, and its smallest in order, for {@link #whichDenied} */
    private long[] ranks = new long[16];
    private long[] smallest = new long[16];
    /** deniedFollowUp[i]: whether follow-up i of the group {@link #whichDenied} last prepared is denied */
    private boolean[] deniedFollowUp = new boolean[16];
    /** the visit index of the first follow-up of the group {@link #whichDenied} last prepared */
    private int first;

    /**
     * @param key the trial's claims key XOR the contract's {@link Coverage#key}
     * @param rate the contract's denial rate for the trial, in [0, 1] (the rules make none at 0; at 0
     *     nothing is denied, as a draw in [0, 1) is never below it and Binomial(k, 0) is 0)
     */
    Denials(long key, double rate) {
        this.rate = rate;
        this.denialSeed = denialSeed(key);
        this.rankSeed = rankSeed(key);
        this.counts = new BinomialQuantiles(rate);
    }

    /**
     * @param v the evaluation's visit index
     * @return whether the evaluation's claim is denied: its denial draw is below the rate
     */
    boolean evaluationDenied(int v) {
        return NumberFactory.makeDouble(TrialStreams.mix(denialSeed + ClaimRandom.GOLDEN * (v + 1L))) < rate;
    }

    /**
     * @param first the visit index of the group's first follow-up
     * @param k the group's follow-ups, &gt;= 0
     * @return how many of them are denied, 0..k
     */
    int deniedFollowUps(int first, int k) {
        if (k == 0) {
            return 0; // no draw for a group of an evaluation alone
        }
        return counts.quantile(k,
                NumberFactory.makeDouble(TrialStreams.mix(denialSeed + ClaimRandom.GOLDEN * (first + 1L))));
    }

    /**
     * Prepares {@link #followUpDenied} for a group: its {@code count} follow-ups with the smallest
     * ranks are denied. Reads the ranks only when some but not all are denied.
     *
     * @param first the visit index of the group's first follow-up
     * @param k the group's follow-ups, &gt;= 0
     * @param count {@link #deniedFollowUps} of the group
     */
    void whichDenied(int first, int k, int count) {
        this.first = first;
        if (ranks.length < k) {
            ranks = new long[Math.max(k, 2 * ranks.length)];
            smallest = new long[ranks.length];
            deniedFollowUp = new boolean[ranks.length];
        }
        if (count == 0 || count == k) {
            for (int i = 0; i < k; i++) {
                deniedFollowUp[i] = count > 0;
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            ranks[i] = rankDraw(rankSeed, first + i);
        }
        final long threshold = count <= SMALL ? countSmallest(k, count) : sortedCopy(k)[count - 1];
        for (int i = 0; i < k; i++) {
            deniedFollowUp[i] = ranks[i] <= threshold;
        }
    }

    /**
     * The {@code count}-th smallest of the first k ranks, keeping the smallest in order as they come
     * (insertion): no sort for the common case of one or two denied.
     */
    private long countSmallest(int k, int count) {
        int kept = 0;
        for (int i = 0; i < k; i++) {
            final long r = ranks[i];
            if (kept < count || r < smallest[count - 1]) {
                int j = Math.min(kept, count - 1); // past the last kept, or over the largest when full
                while (j > 0 && smallest[j - 1] > r) {
                    smallest[j] = smallest[j - 1];
                    j--;
                }
                smallest[j] = r;
                kept = Math.min(kept + 1, count);
            }
        }
        return smallest[count - 1];
    }

    /** The first k ranks, sorted, in {@link #smallest}. */
    private long[] sortedCopy(int k) {
        System.arraycopy(ranks, 0, smallest, 0, k);
        Arrays.sort(smallest, 0, k);
        return smallest;
    }

    /**
     * @param v the visit index of one of the follow-ups of the group {@link #whichDenied} last prepared
     * @return whether that follow-up's claim is denied
     */
    boolean followUpDenied(int v) {
        return deniedFollowUp[v - first]; // small enough for C1 to inline into a claim loop
    }

    /**
     * The seed of a key's denial sequence (see the class comment): the key mixed with a salt of its
     * own, so the draws are independent of every visit's stream ({@link ClaimRandom#visit}) on the same
     * key.
     *
     * @param key the trial's claims key XOR a {@link Coverage#key}
     * @return the seed
     */
    static long denialSeed(long key) {
        return TrialStreams.mix(key ^ DENIAL_SALT);
    }

    /**
     * The seed of a key's rank draws ({@link #rankDraw}): the key mixed with a salt of its own, apart
     * from its denial draws and its visits' streams.
     *
     * @param key the trial's claims key XOR a {@link Coverage#key}
     * @return the seed
     */
    static long rankSeed(long key) {
        return TrialStreams.mix(key ^ RANK_SALT);
    }

    /**
     * Visit {@code v}'s rank among its group's follow-ups, for choosing which of them are denied
     * ({@link #whichDenied}): output v + 1 of the SplitMix64 sequence of {@code seed}, all 64 bits.
     * Distinct for distinct visits of one seed, since SplitMix64's mix is a bijection and
     * seed + golden (v + 1) takes a different value for each v (the golden gamma,
     * {@link ClaimRandom#GOLDEN}, is odd), so a group's ranks never tie.
     *
     * @param seed {@link #rankSeed} of the contract's key
     * @param v the visit, &gt;= 0
     * @return the rank draw
     */
    static long rankDraw(long seed, int v) {
        return TrialStreams.mix(seed + ClaimRandom.GOLDEN * (v + 1L));
    }
}
