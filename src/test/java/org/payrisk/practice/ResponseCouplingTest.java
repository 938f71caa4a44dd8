package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Poisson;
import org.payrisk.dist.TrialStreams;

/**
 * The coupling {@link Response} states: on the same patients, a visit kept at a smaller scale is kept
 * at a larger one, an episode accepted at a smaller share is accepted at a larger one, and a visit
 * attended at a higher cancellation rate is attended at a lower one. Deterministic tier, except
 * {@link #scaleKeepsItsShareOnAverage}, which states its false-failure rate.
 */
class ResponseCouplingTest {

    static PracticeModel model(double cancellation) {
        Practice practice = new Practice(100, 100, 20, 1000, 28);
        Demand demand = new Demand(Poisson.of(30), new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, Constant.of(cancellation),
                List.of("medicare"), new double[] {1},
                List.of(new CaseType("a", 0.5, Poisson.of(9), 6, Discrete.of(new double[] {2, 3, 4}, new double[] {1, 2, 1})),
                        new CaseType("b", 0.5, Constant.of(12), 4, Constant.of(3))));
        return new PracticeModel(practice, demand, 12, 3);
    }

    static Response response(double scale, double change, double acceptB) {
        return new Response(Constant.of(scale), Constant.of(change), new double[] {1, acceptB}, null, new double[0]);
    }

    @Test
    void aVisitKeptAtASmallerScaleIsKeptAtALargerOne() {
        PracticeSimulator plain = new PracticeSimulator(model(0));
        CommonPatients p = new CommonPatients(plain);
        TrialStreams streams = new TrialStreams(42);
        double[] scales = {0, 0.3, 0.8, 0.9, 1, 1.2, 1.7, 3};
        for (int trial = 0; trial < 50; trial++) {
            p.draw(streams.stream(trial, 7));
            for (int i = 0; i < p.count; i++) {
                int previous = -1;
                for (double r : scales) {
                    int f = ResponseSimulator.scaled(p, i, p.followUps[i], r);
                    assertTrue(f >= previous, "scale " + r + " lost a visit of patient " + i);
                    if (r == 1) {
                        assertEquals(p.followUps[i], f, "scale 1 is the identity");
                    }
                    if (r == 0) {
                        assertEquals(0, f);
                    }
                    previous = f;
                }
                // the kept visits at 0.8 are a subset of those at 0.9, visit by visit
                for (int j = 1; j <= p.followUps[i]; j++) {
                    boolean at08 = p.uniform(i, j, CommonPatients.KEEP) < 0.8;
                    boolean at09 = p.uniform(i, j, CommonPatients.KEEP) < 0.9;
                    assertTrue(!at08 || at09);
                }
            }
        }
    }

    @Test
    void attendanceAndAcceptanceAreMonotoneOnTheSamePatients() {
        PracticeSimulator plain = new PracticeSimulator(model(0.15));
        CommonPatients p = new CommonPatients(plain);
        ResponseSimulator sim = new ResponseSimulator(plain);
        PracticeYear lower = new PracticeYear(12);
        PracticeYear higher = new PracticeYear(12);
        TrialStreams streams = new TrialStreams(43);
        for (int trial = 0; trial < 50; trial++) {
            p.draw(streams.stream(trial, 7));
            sim.simulate(p, response(1, -0.05, 1), Nudge.NONE, lower);
            sim.simulate(p, response(1, 0, 1), Nudge.NONE, higher);
            assertTrue(lower.totalAttendedVisits() >= higher.totalAttendedVisits());
            assertEquals(lower.totalNewEpisodes(), higher.totalNewEpisodes(), "ample capacity: the same episodes");
            sim.simulate(p, response(0.8, 0, 0.6), Nudge.NONE, lower);
            sim.simulate(p, response(0.9, 0, 0.8), Nudge.NONE, higher);
            assertTrue(lower.totalNewEpisodes() <= higher.totalNewEpisodes());
            assertTrue(lower.totalDeclinedEpisodes() >= higher.totalDeclinedEpisodes());
            assertEquals(lower.totalNewEpisodes() + lower.totalDeclinedEpisodes(), higher.totalNewEpisodes() + higher.totalDeclinedEpisodes(),
                    "every arrival is accepted or declined (ample capacity)");
            assertTrue(lower.totalAttendedVisits() <= higher.totalAttendedVisits());
            assertTrue(lower.totalUnits() <= higher.totalUnits());
        }
    }

    /**
     * E[F'] = r F for r &lt;= 1 (binomial thinning) and for r &gt; 1 (F + floor((r - 1) F + V)). Over the
     * patients of 200 trials, the kept share of planned visits is checked against r within z = 4.5
     * standard errors of a binomial share (thinning) or of the rounding (extension, variance at most
     * 1/4 per episode). Each of the 2 checks fails falsely with probability about 6.8e-6.
     */
    @Test
    void scaleKeepsItsShareOnAverage() {
        PracticeSimulator plain = new PracticeSimulator(model(0));
        CommonPatients p = new CommonPatients(plain);
        TrialStreams streams = new TrialStreams(44);
        long planned = 0;
        long kept = 0;
        long extended = 0;
        long episodes = 0;
        for (int trial = 0; trial < 200; trial++) {
            p.draw(streams.stream(trial, 7));
            for (int i = 0; i < p.count; i++) {
                planned += p.followUps[i];
                kept += ResponseSimulator.scaled(p, i, p.followUps[i], 0.7);
                extended += ResponseSimulator.scaled(p, i, p.followUps[i], 1.35);
                episodes++;
            }
        }
        double share = (double) kept / planned;
        assertEquals(0.7, share, 4.5 * Math.sqrt(0.7 * 0.3 / planned));
        assertEquals(1.35 * planned, extended, 4.5 * Math.sqrt(0.25 * episodes));
    }
}
