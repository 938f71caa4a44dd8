package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.TrialStreams;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: the per-payer visit index that single-payer claim loops use lists exactly the
 * visits a filter over every visit finds, in the same order, and follows the year when it is reused.
 */
class PayerVisitIndexTest {

    @Test
    void eachPayersRunIsTheFilteredVisitsInVisitOrderTrialAfterTrial() {
        PracticeModel m = Scenarios.parse(String.join("\n",
                "name: index",
                "horizonMonths: 12",
                "warmUpMonths: 2",
                "practice: { clinicians: 2, visitsPerClinicianDay: 8, workdaysPerMonth: 20,",
                "            costs: { fixedPerMonth: 500, perAttendedVisit: 20 } }",
                "demand:",
                "  newEpisodesPerMonth: { poisson: { mean: 30 } }",
                "  cancellationRate: 0.1",
                "  payers: { a: 0.5, b: 0.3, c: 0.2 }",
                "  cases: [ { name: k, share: 1, followUpVisits: { poisson: { mean: 10 } }, visitsPerMonth: 4, unitsPerVisit: 3 } ]",
                "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]",
                "")).practice();
        PracticeSimulator sim = new PracticeSimulator(m);
        PracticeYear y = new PracticeYear(12);
        TrialStreams streams = new TrialStreams(7);
        for (int trial = 0; trial < 5; trial++) {
            sim.simulate(streams.stream(trial, 0), y);
            assertTrue(y.visitCount() > 0);
            int listed = 0;
            for (int p = 0; p < 3; p++) {
                final int payer = p;
                int[] expected = IntStream.range(0, y.visitCount()).filter(v -> y.visitPayer(v) == payer).toArray();
                int from = y.payerVisitsFrom(p);
                int to = y.payerVisitsFrom(p + 1);
                int[] actual = java.util.Arrays.copyOfRange(y.visitsOfPayer(), from, to);
                assertArrayEquals(expected, actual, "trial " + trial + ", payer " + p);
                listed += to - from;
            }
            assertEquals(y.visitCount(), listed, "every visit listed once, trial " + trial);
        }
    }
}
