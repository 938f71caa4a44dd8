package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link Denials}: denying a group's claims by one draw for the evaluation, one for how many
 * follow-ups, and ranks for which, is the law of denying each claim on its own, and is monotone in
 * the rate.
 *
 * <p>Statistical check: N = 200,000 groups of an evaluation and 5 follow-ups at a rate of 0.3, each
 * group on visit indices of its own (one fixed key, not chosen to pass). The 64 patterns of denied
 * and paid claims must have the frequencies of 6 independent Bernoulli(0.3) claims: a chi-square
 * test with 63 degrees of freedom, rejected above commons-math3 3.6.1's 1 - 1e-6 quantile (false
 * failure rate 1e-6; the least likely pattern is expected about 146 times). The large groups' test
 * (its own comment) adds a chi-square and z-tests at 1e-6 each, so the class fails falsely with a
 * probability of about 3e-6. The other checks are deterministic.
 */
class DenialsTest {

    static final int N = 200_000;
    static final double RATE = 0.3;
    static final int K = 5;

    @Test
    void deniesEachClaimOnItsOwnInDistribution() {
        Denials denials = new Denials(0x1234_5678_9ABCL, RATE);
        long[] observed = new long[1 << (K + 1)];
        for (int g = 0; g < N; g++) {
            int evaluation = 10 * g; // visit indices of this group only
            int first = evaluation + 1;
            int pattern = denials.evaluationDenied(evaluation) ? 1 : 0;
            denials.whichDenied(first, K, denials.deniedFollowUps(first, K));
            for (int i = 0; i < K; i++) {
                pattern |= denials.followUpDenied(first + i) ? 2 << i : 0;
            }
            observed[pattern]++;
        }
        double chi2 = 0;
        for (int pattern = 0; pattern < observed.length; pattern++) {
            int deniedClaims = Integer.bitCount(pattern);
            double expected = N * Math.pow(RATE, deniedClaims) * Math.pow(1 - RATE, K + 1 - deniedClaims);
            chi2 += (observed[pattern] - expected) * (observed[pattern] - expected) / expected;
        }
        double critical = new ChiSquaredDistribution(null, observed.length - 1).inverseCumulativeProbability(1 - 1e-6);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " over the 64 patterns (critical " + critical + ")");
    }

    /**
     * Statistical, for larger groups, where more than 8 follow-ups are often denied (so whichDenied
     * sorts): N = 20,000 groups of 30 follow-ups at a rate of 0.4 on one key. The number denied against
     * Binomial(30, 0.4) by chi-square (counts below 6 and above 18 pooled, so every cell expects more than
     * 100; 13 degrees of freedom, rejected above commons-math3 3.6.1's 1 - 1e-6 quantile), and each
     * position's denial frequency against 0.4 by a z-test at 1e-6 / 30 (|z| &lt; 5.52, two-sided; Bonferroni over
     * the 30 positions): false-failure rate about 2e-6 for the two.
     */
    @Test
    void largeGroupsDenyAsManyAsTheBinomialAndAnyFollowUpAlike() {
        int n = 20_000;
        int k = 30;
        double rate = 0.4;
        Denials denials = new Denials(0xFEED_5EEDL, rate);
        long[] byCount = new long[k + 1];
        long[] byPosition = new long[k];
        for (int g = 0; g < n; g++) {
            int first = 40 * g + 1;
            int count = denials.deniedFollowUps(first, k);
            byCount[count]++;
            denials.whichDenied(first, k, count);
            for (int i = 0; i < k; i++) {
                byPosition[i] += denials.followUpDenied(first + i) ? 1 : 0;
            }
        }
        org.apache.commons.math3.distribution.BinomialDistribution law =
                new org.apache.commons.math3.distribution.BinomialDistribution(null, k, rate);
        double chi2 = 0;
        int cells = 0;
        for (int lo = 0; lo <= k; ) {
            int hi = lo < 6 ? 5 : lo >= 18 ? k : lo; // cells: x <= 5, each of 6..17, x >= 18
            double expected = n * (law.cumulativeProbability(hi) - law.cumulativeProbability(lo - 1));
            long observed = 0;
            for (int x = lo; x <= hi; x++) {
                observed += byCount[x];
            }
            assertTrue(expected > 100, "cell " + lo + ".." + hi + " expects " + expected);
            chi2 += (observed - expected) * (observed - expected) / expected;
            cells++;
            lo = hi + 1;
        }
        double critical = new ChiSquaredDistribution(null, cells - 1).inverseCumulativeProbability(1 - 1e-6);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " of the counts over " + cells + " cells (critical " + critical + ")");
        for (int i = 0; i < k; i++) {
            double z = (byPosition[i] - n * rate) / Math.sqrt(n * rate * (1 - rate));
            assertTrue(Math.abs(z) < 5.52, "follow-up " + i + " denied " + byPosition[i] + " times in " + n + ": z = " + z);
        }
    }

    /**
     * Deterministic, over 5,000 groups of 1 to 40 follow-ups: at rates 0.1 and 0.4 on one key, every
     * claim denied at the lower rate is denied at the higher, and each group denies exactly as many
     * follow-ups as it counted (so the insertion of up to 8 smallest ranks and the sort above that
     * agree with the count and, through the nesting, with each other).
     */
    @Test
    void aHigherRateDeniesTheSameClaimsAndMore() {
        long key = 42;
        Denials low = new Denials(key, 0.1);
        Denials high = new Denials(key, 0.4);
        int more = 0;
        int sorted = 0;
        for (int g = 0; g < 5000; g++) {
            int first = 50 * g + 1;
            int k = 1 + g % 40; // up to 40: at 0.4 often more than 8 denied, which whichDenied sorts for
            assertTrue(!low.evaluationDenied(first - 1) || high.evaluationDenied(first - 1), "evaluation of group " + g);
            int a = low.deniedFollowUps(first, k);
            int b = high.deniedFollowUps(first, k);
            assertTrue(a <= b, "group " + g + ": " + a + " then " + b + " follow-ups denied");
            more += b > a ? 1 : 0;
            sorted += b > 8 && b < k ? 1 : 0;
            low.whichDenied(first, k, a);
            high.whichDenied(first, k, b);
            int countedLow = 0;
            int countedHigh = 0;
            for (int v = first; v < first + k; v++) {
                boolean d = low.followUpDenied(v);
                assertTrue(!d || high.followUpDenied(v), "group " + g + ", visit " + v);
                countedLow += d ? 1 : 0;
                countedHigh += high.followUpDenied(v) ? 1 : 0;
            }
            assertEquals(a, countedLow, "group " + g + ": as many denied as counted");
            assertEquals(b, countedHigh, "group " + g + ": as many denied as counted");
        }
        assertTrue(more > 500, "the higher rate denies more in many groups: " + more);
        assertTrue(sorted > 500, "many groups past the insertion's limit: " + sorted);
    }

    /**
     * Deterministic: at rate 0 no claim is denied, at rate 1 every claim is. Outcomes only: the draws
     * come from the key, not from a generator passed in, so whether any is made is not seen here.
     */
    @Test
    void noClaimDeniedAtRateZeroAndEveryClaimAtRateOne() {
        Denials none = new Denials(7, 0);
        Denials all = new Denials(7, 1);
        for (int first = 1; first < 200; first += 9) {
            assertFalse(none.evaluationDenied(first - 1));
            assertEquals(0, none.deniedFollowUps(first, 8));
            none.whichDenied(first, 8, 0);
            for (int v = first; v < first + 8; v++) {
                assertFalse(none.followUpDenied(v));
            }
            assertTrue(all.evaluationDenied(first - 1));
            assertEquals(8, all.deniedFollowUps(first, 8));
            all.whichDenied(first, 8, 8);
            for (int v = first; v < first + 8; v++) {
                assertTrue(all.followUpDenied(v));
            }
        }
    }
}
