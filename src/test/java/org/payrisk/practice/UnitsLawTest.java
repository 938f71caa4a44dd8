package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Normal;

/**
 * The units sum of k follow-ups drawn in one step has the law of k independent per-visit draws, and
 * the units of j of them drawn given the sum have their conditional law.
 *
 * <p>Reference values are computed independently here, by enumerating every k-tuple of per-visit
 * units (no convolution): the deterministic tier compares the convolution table with them to 1e-13
 * and checks the inverse at the middle of each step. The
 * statistical tier draws N = 200,000 values per check with a fixed seed (20261127, not chosen to pass)
 * and applies a chi-square goodness-of-fit test against the enumerated law (consecutive values pooled
 * until a cell expects at least 5, and a tail that expects less joined to the last cell, so that every
 * cell expects at least 5), rejected above the 1 - 1e-5 quantile of the chi-square law (commons-math3
 * 3.6.1): false-failure rate 1e-5 per check, 8 checks, about 8e-5 for the class.
 */
class UnitsLawTest {

    static final int N = 200_000;
    /** A law with a gap (no 1, 2, 4..6) and a zero-weight value, to exercise the table's edges. */
    static final Discrete GAPPED = Discrete.of(new double[] {0, 3, 7, 9}, new double[] {0.2, 0.5, 0.3, 0});
    static final Discrete SHIPPED = Discrete.of(new double[] {2, 3, 4}, new double[] {0.25, 0.5, 0.25});

    @Test
    void onlySmallIntegerTablesAreTabulated() {
        assertNotNull(UnitsLaw.of(SHIPPED, 8));
        assertNotNull(UnitsLaw.of(Constant.of(3), 8));
        assertNull(UnitsLaw.of(Discrete.of(new double[] {2.5, 3}, new double[] {1, 1}), 8), "not integers");
        assertNull(UnitsLaw.of(Normal.of(3, 1), 8), "not a table");
        assertNull(UnitsLaw.of(Discrete.of(new double[] {0, 96}, new double[] {1, 1}), 1000), "too large a table");
    }

    @Test
    void theSumOfKVisitsHasTheEnumeratedLaw() {
        for (Discrete law : new Discrete[] {SHIPPED, GAPPED}) {
            UnitsLaw t = UnitsLaw.of(law, 8);
            for (int k = 1; k <= 4; k++) {
                Map<Integer, Double> exact = sumLaw(law, k, -1, -1);
                for (int a = 0; a <= 40; a++) {
                    assertEquals(exact.getOrDefault(a, 0.0), t.probability(k, a), 1e-13, law + " k " + k + ": P(S = " + a + ")");
                }
                for (int a = 0; a <= 40; a++) {
                    // the inverse of the cumulative table at the cdf's steps gives each value with its probability
                    double p = exact.getOrDefault(a, 0.0);
                    double below = 0;
                    for (Map.Entry<Integer, Double> e : exact.entrySet()) {
                        below += e.getKey() < a ? e.getValue() : 0;
                    }
                    if (p > 0) {
                        assertEquals(a, t.sum(k, below + p / 2), law + " k " + k + " value " + a);
                    }
                }
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261127L);
        chiSquare(sumLaw(SHIPPED, 6, -1, -1), () -> UnitsLaw.of(SHIPPED, 8).sum(6, rng.nextDouble()), "shipped, k = 6");
        chiSquare(sumLaw(GAPPED, 5, -1, -1), () -> UnitsLaw.of(GAPPED, 8).sum(5, rng.nextDouble()), "gapped, k = 5");
    }

    @Test
    void theUnitsOfJOfKVisitsGivenTheirSumHaveTheConditionalLaw() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261127L);
        UnitsLaw shipped = UnitsLaw.of(SHIPPED, 8);
        chiSquare(sumLaw(SHIPPED, 6, 2, 19), () -> shipped.split(6, 2, 19, rng.nextDouble()), "shipped, 2 of 6 summing to 19");
        UnitsLaw gapped = UnitsLaw.of(GAPPED, 8);
        chiSquare(sumLaw(GAPPED, 5, 3, 20), () -> gapped.split(5, 3, 20, rng.nextDouble()), "gapped, 3 of 5 summing to 20");
        chiSquare(sumLaw(GAPPED, 4, 1, 13), () -> gapped.split(4, 1, 13, rng.nextDouble()), "gapped, 1 of 4 summing to 13");
        assertEquals(0, gapped.split(4, 0, 13, 0.5));
        assertEquals(13, gapped.split(4, 4, 13, 0.5));
        for (double u : new double[] {0, 1e-17, 0.5, Math.nextDown(1.0)}) {
            int a = gapped.split(4, 1, 13, u);
            assertTrue(sumLaw(GAPPED, 4, 1, 13).containsKey(a), "only values the law can take, u = " + u + " gave " + a);
        }
    }

    @Test
    void visitsWrittenOutFromGroupsBillIndependentUnitsOfTheCasesLaw() {
        PracticeModel model = org.payrisk.testing.Scenarios.practice(2, "{ poisson: { mean: 25 } }", "0.1", "{ a: 1 }",
                "{ name: k, share: 0.5, followUpVisits: { poisson: { mean: 12 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [0, 3, 7], weights: [0.2, 0.5, 0.3] } } }",
                "{ name: other, share: 0.5, followUpVisits: { poisson: { mean: 12 } }, visitsPerMonth: 6,"
                        + " unitsPerVisit: { discrete: { values: [1, 2], weights: [0.5, 0.5] } } }");
        PracticeSimulator sim = new PracticeSimulator(model);
        PracticeYear year = new PracticeYear(12);
        org.payrisk.dist.TrialStreams streams = new org.payrisk.dist.TrialStreams(20261127L);
        int[] single = new int[N];
        int[] last = new int[N];
        int[] pair = new int[N];
        int singles = 0;
        int lasts = 0;
        int pairs = 0;
        for (int t = 0; singles < N || lasts < N || pairs < N; t++) {
            sim.simulate(streams.stream(t, 0), year);
            for (int g = 0; g < year.groupCount(); g++) {
                if (year.episodeCase(year.groupEpisode(g)) != 0) {
                    continue; // only case k's law is tested; case other's visits must not be drawn from it
                }
                int v = year.groupFirstFollowUp(g);
                int end = year.groupFirstVisit(g) + year.groupVisits(g) - 1;
                if (year.groupFollowUps(g) >= 1 && singles < N) {
                    single[singles++] = year.visitUnits(v);
                }
                if (year.groupFollowUps(g) >= 3 && lasts < N) {
                    last[lasts++] = year.visitUnits(end);
                }
                if (year.groupFollowUps(g) >= 2 && pairs < N) {
                    pair[pairs++] = 10 * year.visitUnits(v) + year.visitUnits(v + 1);
                }
            }
        }
        Map<Integer, Double> law = Map.of(0, 0.2, 3, 0.5, 7, 0.3);
        Map<Integer, Double> pairLaw = new TreeMap<>();
        law.forEach((a, pa) -> law.forEach((b, pb) -> pairLaw.put(10 * a + b, pa * pb)));
        int[] at = {0, 0, 0};
        chiSquare(new TreeMap<>(law), () -> single[at[0]++], "a group's first follow-up");
        chiSquare(new TreeMap<>(law), () -> last[at[1]++], "a group's last follow-up (of 3 or more)");
        chiSquare(pairLaw, () -> pair[at[2]++], "a group's first two follow-ups, jointly");
    }

    /**
     * By enumeration of all k-tuples: the law of the sum of k visits' units, or with {@code j >= 0}
     * the law of the first j visits' sum given that all k sum to {@code total}.
     */
    static Map<Integer, Double> sumLaw(Discrete law, int k, int j, int total) {
        double[] v = law.values();
        double[] w = law.weights();
        double wSum = 0;
        for (double x : w) {
            wSum += x;
        }
        Map<Integer, Double> out = new TreeMap<>();
        int[] idx = new int[k];
        double mass = 0;
        while (true) {
            double p = 1;
            int sum = 0;
            int first = 0;
            for (int i = 0; i < k; i++) {
                p *= w[idx[i]] / wSum;
                sum += (int) v[idx[i]];
                first += i < j ? (int) v[idx[i]] : 0;
            }
            if (p > 0 && (j < 0 || sum == total)) {
                out.merge(j < 0 ? sum : first, p, Double::sum);
                mass += p;
            }
            int i = 0;
            while (i < k && ++idx[i] == v.length) {
                idx[i++] = 0;
            }
            if (i == k) {
                break;
            }
        }
        final double m = mass;
        out.replaceAll((a, p) -> p / m);
        return out;
    }

    static void chiSquare(Map<Integer, Double> exact, java.util.function.IntSupplier draw, String what) {
        Map<Integer, Long> observed = new TreeMap<>();
        for (int i = 0; i < N; i++) {
            int a = draw.getAsInt();
            assertTrue(exact.containsKey(a), what + ": drew " + a + ", which the law cannot take");
            observed.merge(a, 1L, Long::sum);
        }
        // cells of consecutive values, each closed once it expects 5; the tail left after the last, which
        // expects less, joins that last cell
        List<double[]> cellsOf = new ArrayList<>(); // {expected, observed}
        double expectedPool = 0;
        long observedPool = 0;
        for (Map.Entry<Integer, Double> e : exact.entrySet()) {
            expectedPool += N * e.getValue();
            observedPool += observed.getOrDefault(e.getKey(), 0L);
            if (expectedPool >= 5) {
                cellsOf.add(new double[] {expectedPool, observedPool});
                expectedPool = 0;
                observedPool = 0;
            }
        }
        if (expectedPool > 0 && !cellsOf.isEmpty()) {
            double[] last = cellsOf.get(cellsOf.size() - 1);
            last[0] += expectedPool;
            last[1] += observedPool;
        }
        double chi2 = 0;
        for (double[] c : cellsOf) { // each expects at least 5, by construction
            chi2 += (c[1] - c[0]) * (c[1] - c[0]) / c[0];
        }
        int cells = cellsOf.size();
        assertTrue(cells >= 3, what + ": too few cells to test");
        double critical = new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(1 - 1e-5);
        assertTrue(chi2 < critical, what + ": chi2 = " + chi2 + " over " + cells + " cells, critical " + critical);
    }
}
