package org.payrisk.payment;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.payrisk.practice.PracticeYear;

/**
 * The claims a contract denies in a practice-year, worked out for tests from the rule {@link Denials}
 * documents, apart from its code: the keyed draws themselves ({@link #denialDraw}, written here from
 * the class comment's definition, and {@link Denials#rankDraw}), the number of follow-ups denied by commons-math3 3.6.1's binomial
 * inverse cdf (not payrisk's {@link org.payrisk.dist.BinomialQuantiles}), and which ones by sorting
 * the group's ranks.
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
        long denialSeed = Denials.denialSeed(key);
        long rankSeed = Denials.rankSeed(key);
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
                ranks[i] = Denials.rankDraw(rankSeed, first + i);
            }
            long[] sorted = ranks.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < k; i++) {
                denied[first + i] = count > 0 && ranks[i] <= sorted[count - 1];
            }
        }
        return denied;
    }

    /**
     * Output v + 1 of the SplitMix64 sequence of {@code seed} (Steele, Lea and Flood 2014), its top 53
     * bits as a double in [0, 1): the denial sequence's draw at visit v, as {@link Denials} defines it.
     *
     * @param seed {@link Denials#denialSeed} of a contract's key
     * @param v a visit index
     * @return the draw
     */
    static double denialDraw(long seed, int v) {
        long z = seed + 0x9E3779B97F4A7C15L * (v + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
