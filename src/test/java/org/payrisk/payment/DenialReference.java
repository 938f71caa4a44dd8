package org.payrisk.payment;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.payrisk.practice.PracticeYear;

/**
 * The claims a contract denies in a practice-year, worked out for tests from the rule {@link Denials}
 * documents, apart from its code: the keyed draws written here from its definitions (the seeds, the
 * denial and rank sequences: salts and SplitMix64 copied, not called), the number of follow-ups
 * denied by commons-math3 3.6.1's binomial inverse cdf (not payrisk's
 * {@link org.payrisk.dist.BinomialQuantiles}), and which ones by sorting the group's ranks.
 */
final class DenialReference {

    private DenialReference() {
    }

    /**
     * @param year a practice-year
     * @param covered the contract's payers
     * @param claimsKey the trial's claims key
     * @param rate the denial rate, in (0, 1)
     * @return denied[v] for every visit v of the year (false for visits of payers not covered)
     */
    static boolean[] denied(PracticeYear year, Coverage covered, long claimsKey, double rate) {
        long key = claimsKey ^ covered.key();
        long denialSeed = mix(key ^ 0x6A09E667F3BCC909L); // the denial sequence's salt
        long rankSeed = mix(key ^ 0xBB67AE8584CAA73BL); // the rank sequence's salt
        boolean[] denied = new boolean[year.visitCount()];
        for (int g = 0; g < year.groupCount(); g++) {
            if (!covered.covers(year.groupPayer(g)) || year.groupVisits(g) == 0) {
                continue;
            }
            int first = year.groupFirstVisit(g);
            if (year.groupHasEvaluation(g)) {
                denied[first] = denialDraw(denialSeed, first) < rate;
                first++;
            }
            int k = year.groupFollowUps(g);
            if (k == 0) {
                continue;
            }
            // commons-math3: the smallest x with P(X <= x) >= u (the same as payrisk's smallest x with
            // u < P(X <= x) except where u is a value of the cdf)
            int count = new BinomialDistribution(null, k, rate).inverseCumulativeProbability(
                    denialDraw(denialSeed, first));
            long[] ranks = new long[k];
            for (int i = 0; i < k; i++) {
                ranks[i] = mix(rankSeed + GOLDEN * (first + i + 1L));
            }
            long[] sorted = ranks.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < k; i++) {
                denied[first + i] = count > 0 && ranks[i] <= sorted[count - 1];
            }
        }
        return denied;
    }

    /** SplitMix64's increment (Steele, Lea and Flood 2014). */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * Output v + 1 of the SplitMix64 sequence of {@code seed}, its top 53 bits as a double in [0, 1): the
     * denial sequence's draw at visit v, as {@link Denials} defines it.
     *
     * @param seed the denial sequence's seed
     * @param v a visit index
     * @return the draw
     */
    static double denialDraw(long seed, int v) {
        return (mix(seed + GOLDEN * (v + 1L)) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
