package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.TrialStreams;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: the per-payer group index that single-payer claim loops use lists exactly the
 * visit groups a filter over every group finds, in the same order, and follows the year when it is
 * reused; and the groups partition the visits (each group's visits are its episode's visits of its
 * month, consecutive, with consecutive ordinals); and a visit's units, drawn on their first read, do
 * not depend on when that read comes.
 */
class PayerGroupIndexTest {

    @Test
    void eachPayersRunIsTheFilteredVisitsInVisitOrderTrialAfterTrial() {
        PracticeModel m = model();
        PracticeSimulator sim = new PracticeSimulator(m);
        PracticeYear y = new PracticeYear(12);
        TrialStreams streams = new TrialStreams(7);
        for (int trial = 0; trial < 5; trial++) {
            sim.simulate(streams.stream(trial, 0), y);
            assertTrue(y.visitCount() > 0);
            int listed = 0;
            for (int p = 0; p < 3; p++) {
                final int payer = p;
                int[] expected = IntStream.range(0, y.groupCount()).filter(g -> y.groupPayer(g) == payer).toArray();
                int from = y.payerGroupsFrom(p);
                int to = y.payerGroupsFrom(p + 1);
                int[] actual = java.util.Arrays.copyOfRange(y.groupsOfPayer(), from, to);
                assertArrayEquals(expected, actual, "trial " + trial + ", payer " + p);
                listed += to - from;
            }
            assertEquals(y.groupCount(), listed, "every group listed once, trial " + trial);
            int v = 0;
            for (int g = 0; g < y.groupCount(); g++) {
                assertEquals(v, y.groupFirstVisit(g), "groups follow one another, trial " + trial);
                long units = 0;
                for (int i = 0; i < y.groupVisits(g); i++, v++) {
                    assertEquals(y.groupMonth(g), y.visitMonth(v));
                    assertEquals(y.groupEpisode(g), y.visitEpisode(v));
                    assertEquals(y.groupPayer(g), y.visitPayer(v));
                    assertEquals(y.groupFirstOrdinal(g) + i, y.visitOrdinal(v));
                    assertEquals(i == 0 && y.groupHasEvaluation(g), y.isEvaluation(v));
                    units += y.visitUnits(v);
                }
                assertEquals(y.groupUnits(g), units, "a group's visits' units add up to its sum, trial " + trial);
            }
            assertEquals(y.visitCount(), v, "every visit in one group, trial " + trial);
        }
    }

    @Test
    void aVisitsUnitsDoNotDependOnWhenTheyAreFirstRead() {
        // The sum path draws the visits' units on the first read of any visit's units (a
        // Medicare form that draws its own minutes never reads them): reading them first, or after
        // every other per-visit field, or never in the trial before (the arrays hold that trial's
        // stale values), must give the same units.
        PracticeSimulator sim = new PracticeSimulator(model());
        PracticeYear unitsFirst = new PracticeYear(12);
        PracticeYear unitsLast = new PracticeYear(12);
        TrialStreams streams = new TrialStreams(11);
        for (int trial = 0; trial < 6; trial++) {
            sim.simulate(streams.stream(trial, 0), unitsFirst);
            int[] first = unitsOf(unitsFirst);
            sim.simulate(streams.stream(trial, 0), unitsLast);
            assertEquals(first.length, unitsLast.visitCount());
            assertArrayEquals(ordinalsOf(unitsFirst), ordinalsOf(unitsLast),
                    "visits written out before any units are read, trial " + trial);
            if (trial % 2 == 0) { // odd trials' units are never read by unitsLast
                assertArrayEquals(first, unitsOf(unitsLast), "trial " + trial);
            }
        }
    }

    /** Every visit's units, in visit order. */
    private static int[] unitsOf(PracticeYear y) {
        return IntStream.range(0, y.visitCount()).map(y::visitUnits).toArray();
    }

    /** Every visit's ordinal, in visit order. */
    private static int[] ordinalsOf(PracticeYear y) {
        return IntStream.range(0, y.visitCount()).map(y::visitOrdinal).toArray();
    }

    private static PracticeModel model() {
        return Scenarios.parse(String.join("\n",
                "name: index",
                "horizonMonths: 12",
                "warmUpMonths: 2",
                "practice: { clinicians: 2, visitsPerClinicianDay: 8, workdaysPerMonth: 20,",
                "            costs: { fixedPerMonth: 500, perAttendedVisit: 20 } }",
                "demand:",
                "  newEpisodesPerMonth: { poisson: { mean: 30 } }",
                "  cancellationRate: 0.1",
                "  payers: { a: 0.5, b: 0.3, c: 0.2 }",
                "  cases: [ { name: k, share: 1, followUpVisits: { poisson: { mean: 10 } }, visitsPerMonth: 4, unitsPerVisit: { discrete: { values: [2, 3, 5], weights: [0.3, 0.5, 0.2] } } } ]",
                "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]",
                "")).practice();
    }
}
