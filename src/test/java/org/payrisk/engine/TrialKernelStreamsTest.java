package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.CommonPatients;
import org.payrisk.practice.Nudge;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.practice.Response;
import org.payrisk.practice.ResponseSimulator;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;

/**
 * Deterministic tier: the kernel simulates trial {@code t}'s practice-year from the documented
 * stream, {@code TrialStreams(seed).stream(t, 0)} (DESIGN.md's common-random-numbers contract), with
 * correlated inputs bound from the trial's copula stream ({@code TrialKernel.COPULA_PURPOSE}), even
 * though it keeps one generator and sets it again for each trial. A kernel that drew from another
 * purpose, or carried a generator's state from one trial into the next, would still be deterministic
 * and pass the determinism tests; it fails here.
 */
class TrialKernelStreamsTest {

    private static final long SEED = 20261129L;
    private static final int[] TRIALS = {4, 1, 4, 0, 7, 1}; // out of order, with repeats
    private static final TrialStreams STREAMS = new TrialStreams(SEED);

    /** The year the kernel should record for trial {@code t}, simulated independently of it. */
    private interface ReferenceYear {
        PracticeYear of(EngineInput input, int t);
    }

    @Test
    void eachTrialSimulatesTheYearOfItsOwnPracticeStream() throws Exception {
        sameYears(load("scenarios/ot-private-practice.yaml"), TrialKernelStreamsTest::plainYear);
    }

    /**
     * With correlated inputs the kernel first draws the trial's copula from its own purpose and binds
     * it; the practice-year is still simulated from {@code stream(t, 0)}, with the bound values.
     */
    @Test
    void withCorrelatedInputsTheYearIsThatOfTheBoundCopulaAndThePracticeStream() throws Exception {
        Scenario s = load("scenarios/solo-practice-how-sure.yaml");
        assertFalse(EngineInput.of(s).correlations().isEmpty(), "a scenario with correlations");
        sameYears(s, TrialKernelStreamsTest::plainYear);
    }

    /**
     * A practice that responds to how it is paid draws its common patients from their own purpose
     * ({@code ResponsiveTrial.PATIENTS_PURPOSE}); the activity recorded is the baseline year's, the
     * patients simulated without a response.
     */
    @Test
    void aResponsivePracticeRecordsTheBaselineYearOfItsCommonPatients() throws Exception {
        Scenario s = load("scenarios/ot-private-practice-incentives.yaml");
        assertTrue(EngineInput.of(s).responsive(), "a scenario whose practice responds");
        sameYears(s, (input, t) -> {
            PracticeSimulator plain = new PracticeSimulator(input.practice());
            CommonPatients patients = new CommonPatients(plain);
            patients.draw(STREAMS.stream(t, ResponsiveTrial.PATIENTS_PURPOSE));
            PracticeYear y = new PracticeYear(input.practice().horizonMonths());
            new ResponseSimulator(plain).simulate(patients, Response.IDENTITY, Nudge.NONE, y);
            return y;
        });
    }

    /** Units drawn visit by visit (a Poisson law, not tabulated as sums): the same stream. */
    @Test
    void withUnitsDrawnVisitByVisitTheSameStream() throws Exception {
        Scenario s = CashFlowTest.scenario("""
                name: units visit by visit
                horizonMonths: 12
                practice: { clinicians: 3, visitsPerClinicianDay: 11, workdaysPerMonth: 21,
                            costs: { fixedPerMonth: 28000, perAttendedVisit: 28 } }
                demand:
                  newEpisodesPerMonth: { poisson: { mean: 30 } }
                  cancellationRate: { beta: { mean: 0.11, sd: 0.03 } }
                  payers: { a: 0.6, b: 0.4 }
                  cases: [ { name: c, share: 1, followUpVisits: { poisson: { mean: 9 } }, visitsPerMonth: 8,
                             unitsPerVisit: { poisson: { mean: 3 } } } ]
                models: [ { name: m, default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: 0.1 } } } ]
                """);
        assertFalse(plainYear(EngineInput.of(s), 0).unitsBySum(), "units drawn visit by visit");
        sameYears(s, TrialKernelStreamsTest::plainYear);
    }

    /** The plain path's year: the copula, if any, from its own purpose and bound; the practice from purpose 0. */
    private static PracticeYear plainYear(EngineInput input, int t) {
        PracticeYear y = new PracticeYear(input.practice().horizonMonths());
        if (!input.correlations().isEmpty()) {
            CopulaDraws copula = new CopulaDraws(input.correlations());
            copula.draw(STREAMS.stream(t, TrialKernel.COPULA_PURPOSE));
            copula.bind();
        }
        try {
            new PracticeSimulator(input.practice()).simulate(STREAMS.stream(t, 0), y);
        } finally {
            CopulaDraws.unbind();
        }
        return y;
    }

    /** Runs the kernel on {@link #TRIALS} and checks each trial's recorded activity and costs against {@code reference}. */
    private static void sameYears(Scenario s, ReferenceYear reference) {
        EngineInput input = EngineInput.of(s);
        TrialKernel kernel = new TrialKernel(input, SEED);
        TrialOutcomes out = new TrialOutcomes(s.modelNames(), kernel.inputs(), 0, 8, s.practice().horizonMonths(), kernel.layout());
        for (int t : TRIALS) {
            kernel.run(t, out);
            PracticeYear y = reference.of(input, t);
            String trial = s.name() + ", trial " + t;
            assertEquals(y.totalNewEpisodes(), out.activity(0, t), trial + ": new episodes");
            assertEquals(y.totalRefusedEpisodes(), out.activity(1, t), trial + ": refused episodes");
            assertEquals(y.totalAttendedVisits(), out.activity(2, t), trial + ": attended visits");
            assertEquals(y.totalUnits(), out.activity(3, t), trial + ": units");
            assertEquals(kernel.costs(y, t), out.costs(t), 0.0, trial + ": costs");
        }
        assertNotEquals(out.activity(2, 0), out.activity(2, 1), s.name() + ": trials differ (else the check above proves little)");
    }

    private static Scenario load(String file) throws Exception {
        return ScenarioLoader.load(Path.of(file));
    }
}
