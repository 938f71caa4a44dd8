package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.payrisk.dist.TrialStreams;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: a simulator that keeps its samplers bound to one generator, set for each
 * trial, simulates every trial exactly as a new simulator with a new generator does, in any order of
 * trials.
 */
class PracticeSimulatorBindingTest {

    private static final long[] TRIALS = {5, 3, 5, 9, 0, 3};

    /** Tabulated arrivals and follow-ups (the samplers are kept bound), seasonality, two payers, two cases. */
    @Test
    void keptSamplersDrawWhatNewOnesDraw() {
        PracticeModel m = model("{ negativeBinomial: { mean: 30, dispersion: 8 } }", "{ negativeBinomial: { mean: 9, dispersion: 3 } }");
        assertTrue(new PracticeSimulator(m).keepsBound());
        sameYears(m);
    }

    /** A constant follow-up law is not tabulated: the samplers are bound again each trial. */
    @Test
    void samplersBoundEachTrialDrawWhatNewOnesDraw() {
        PracticeModel m = model("{ poisson: { mean: 30 } }", "6");
        assertFalse(new PracticeSimulator(m).keepsBound());
        sameYears(m);
    }

    private static void sameYears(PracticeModel m) {
        TrialStreams streams = new TrialStreams(20261128L);
        PracticeSimulator kept = new PracticeSimulator(m);
        PracticeSimulator freshGenerators = new PracticeSimulator(m);
        TrialStreams.Reseedable one = new TrialStreams.Reseedable();
        for (long trial : TRIALS) {
            PracticeYear reference = new PracticeYear(m.horizonMonths());
            new PracticeSimulator(m).simulate(streams.stream(trial, 0), reference);
            PracticeYear y = new PracticeYear(m.horizonMonths());
            kept.simulate(streams.stream(trial, 0, one), y);
            assertEquals(describe(reference), describe(y), "one generator set for trial " + trial);
            freshGenerators.simulate(streams.stream(trial, 0), y);
            assertEquals(describe(reference), describe(y), "a new generator for trial " + trial);
        }
    }

    private static PracticeModel model(String arrivals, String followUps) {
        return Scenarios.parse(String.join("\n",
                "name: binding",
                "horizonMonths: 12",
                "practice: { clinicians: 3, visitsPerClinicianDay: 11, workdaysPerMonth: 21,",
                "            costs: { fixedPerMonth: 28000, perAttendedVisit: 28 } }",
                "demand:",
                "  newEpisodesPerMonth: " + arrivals,
                "  seasonality: [0.92, 0.96, 1.04, 1.04, 1.02, 0.96, 0.86, 0.94, 1.04, 1.10, 1.06, 0.96]",
                "  cancellationRate: { beta: { mean: 0.11, sd: 0.03 } }",
                "  payers: { a: 0.6, b: 0.4 }",
                "  cases:",
                "    - { name: c1, share: 0.6, followUpVisits: " + followUps + ", visitsPerMonth: 8,",
                "        unitsPerVisit: { discrete: { values: [2, 3, 4], weights: [0.25, 0.5, 0.25] } } }",
                "    - { name: c2, share: 0.4, followUpVisits: { poisson: { mean: 12 } }, visitsPerMonth: 8, unitsPerVisit: 3 }",
                "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]",
                "")).practice();
    }

    /** Everything the year records, as text: months, episodes and visit groups. */
    private static String describe(PracticeYear y) {
        StringBuilder s = new StringBuilder();
        for (int month = 1; month <= y.horizonMonths(); month++) {
            s.append(month).append(':').append(y.newEpisodes(month)).append(',').append(y.refusedEpisodes(month)).append(',')
                    .append(y.attendedVisits(month)).append(',').append(y.units(month)).append(',').append(y.costs(month)).append(';');
        }
        s.append("\ncancellation ").append(y.cancellationRate());
        for (int e = 0; e < y.episodeCount(); e++) {
            s.append("\ne").append(e).append(' ').append(y.episodeStart(e)).append(',').append(y.episodePayer(e)).append(',')
                    .append(y.episodeCase(e)).append(',').append(y.episodeFollowUps(e));
        }
        for (int g = 0; g < y.groupCount(); g++) {
            s.append("\ng").append(g).append(' ').append(y.groupMonth(g)).append(',').append(y.groupEpisode(g)).append(',')
                    .append(y.groupPayer(g)).append(',').append(y.groupFirstOrdinal(g)).append(',').append(y.groupVisits(g))
                    .append(',').append(y.groupUnits(g));
        }
        return s.toString();
    }
}
