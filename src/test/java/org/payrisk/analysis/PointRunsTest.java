package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialKernel;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioInput;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;

/**
 * Variants of a scenario that share one simulation of the practice get, column for column and bit
 * for bit, the outcomes of their separate runs: on every shipped scenario, for a term of one model
 * (the other models are simulated once for all variants), for the starting reserve (every model
 * changes), in memory batches of one and two variants, and for a practice field (no sharing).
 * Deterministic: exact comparison, no tolerance.
 */
class PointRunsTest {

    /** Two blocks, the second cut short: block merging and cutting are both exercised. */
    static final RunSettings SETTINGS = new RunSettings(1100, 20261127L, 2);
    /** Every shipped scenario: one block, to keep the test short. */
    static final RunSettings SHORT = new RunSettings(256, 20261127L, 2);

    static List<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void sharedPracticeGivesEveryVariantItsSeparateRunBitForBit() throws Exception {
        List<Path> files = shipped();
        assertTrue(files.size() >= 10, "the shipped scenarios: " + files);
        for (Path file : files) {
            Scenario base = ScenarioLoader.load(file);
            String term = firstModelTerm(base);
            List<Scenario> oneModel = variants(base, term);
            assertEquals(3, oneModel.size(), file + ": " + term);
            // A model that responds to its own terms simulates its own practice, and a copula knows each
            // variant's inputs by their own distributions: such points never share.
            boolean responsive = EngineInput.of(base).responsive() || !base.correlations().isEmpty();
            assertEquals(!responsive, PointRuns.sharePractice(oneModel), file + ": a payment term leaves the practice as "
                    + "it is unless some model responds to how it is paid or inputs are correlated");
            check(file + " " + term, oneModel, SHORT, Long.MAX_VALUE, responsive ? oneModel.size() : 1);

            List<Scenario> reserve = List.of(base.with("cash.startingReserve", 0), base.with("cash.startingReserve", 80_000));
            check(file + " cash.startingReserve", reserve, SHORT, Long.MAX_VALUE, responsive ? reserve.size() : 1);
        }
    }

    @Test
    void batchesSmallerThanTheVariantsGiveTheSameOutcomes() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        List<Scenario> v = variants(base, "models[capitation].default.capitation.pmpm");
        int inputs = new TrialKernel(EngineInput.of(base), SETTINGS.seed()).inputs().size();
        long one = TrialOutcomes.bytesNeeded(base.models().size(), inputs, SETTINGS.trials(), base.practice().horizonMonths());
        check("batches of one", v, SETTINGS, 0, 3);
        check("batches of two", v, SETTINGS, 2 * one + one / 2, 2);
    }

    @Test
    void aPracticeFieldIsNotShared() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        List<Scenario> v = List.of(base.with("practice.clinicians", 2), base.with("practice.clinicians", 3));
        assertFalse(PointRuns.sharePractice(v));
        check("practice.clinicians", v, SHORT, Long.MAX_VALUE, 2);
    }

    @Test
    void sameValueComparesRecordsArraysAndListsByValue() throws Exception {
        Scenario a = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        Scenario b = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        assertFalse(a.practice().equals(b.practice()), "records holding arrays are not equal by equals()");
        assertTrue(PointRuns.sameValue(a.practice(), b.practice()));
        assertTrue(PointRuns.sameValue(a.models(), b.models()));
        Scenario c = a.with("models[capitation].default.capitation.pmpm", 4.11);
        assertFalse(PointRuns.sameValue(a.models().get(1), c.models().get(1)));
        assertTrue(PointRuns.sameValue(a.models().get(0), c.models().get(0)));
        assertFalse(PointRuns.sameValue(new double[] {0.0}, new double[] {-0.0}));
        assertTrue(PointRuns.sameValue(new double[] {Double.NaN}, new double[] {Double.NaN}));
    }

    /** The first constant number of model 0 that can be scaled by 0.9 and 1.1 and stay valid. */
    static String firstModelTerm(Scenario base) {
        for (ScenarioInput in : base.inputs()) {
            if (!in.path().startsWith("models[0].") || in.isDefault()) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(in.value());
            } catch (NumberFormatException e) {
                continue;
            }
            if (v == 0 || variants(base, in.path()).size() != 3) {
                continue;
            }
            return in.path();
        }
        throw new AssertionError(base.name() + ": no numeric term of model 0");
    }

    /** The base scenario and the value at 0.9 and 1.1 times, those that are valid. */
    static List<Scenario> variants(Scenario base, String path) {
        List<Scenario> out = new ArrayList<>();
        out.add(base);
        for (double f : new double[] {0.9, 1.1}) {
            try {
                double v = Double.parseDouble(base.inputs().stream().filter(i -> i.path().equals(path)).findFirst()
                        .map(ScenarioInput::value).orElse("NaN"));
                out.add(base.with(path, Double.isNaN(v) ? f : v * f));
            } catch (ScenarioException | NumberFormatException e) {
                // not a valid value for this field: the variant is left out
            }
        }
        return out;
    }

    static void check(String what, List<Scenario> variants, RunSettings settings, long budget, int expectedRuns)
            throws Exception {
        List<TrialOutcomes> shared = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        int runs = PointRuns.run(variants, settings, new LocalEngine(), SimulationEngine.Progress.NONE, budget, i -> { },
                (i, o) -> {
                    order.add(i);
                    shared.add(o);
                });
        assertEquals(expectedRuns, runs, what + ": practice simulations");
        for (int i = 0; i < variants.size(); i++) {
            assertEquals(i, order.get(i), what + ": variants in order");
            TrialOutcomes alone = new LocalEngine().run(variants.get(i), settings, SimulationEngine.Progress.NONE);
            assertSame(what + " variant " + i, alone, shared.get(i));
        }
    }

    /** Every column, bit for bit. */
    static void assertSame(String what, TrialOutcomes a, TrialOutcomes b) {
        assertEquals(a.models(), b.models(), what);
        assertEquals(a.inputs(), b.inputs(), what);
        assertEquals(a.offset(), b.offset(), what);
        assertEquals(a.trials(), b.trials(), what);
        assertEquals(a.months(), b.months(), what);
        assertArrayEquals(a.costsColumn(), b.costsColumn(), 0.0, what + " costs");
        for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
            assertArrayEquals(a.activityColumn(k), b.activityColumn(k), 0.0, what + " " + TrialOutcomes.ACTIVITY.get(k));
        }
        for (int m = 0; m < a.models().size(); m++) {
            String model = what + " " + a.models().get(m);
            assertArrayEquals(bits(a.revenueColumn(m)), bits(b.revenueColumn(m)), model + " revenue");
            for (int month = 1; month <= a.months(); month++) {
                assertArrayEquals(bits(a.monthlyNetColumn(m, month)), bits(b.monthlyNetColumn(m, month)), model + " net " + month);
            }
            for (int month = 0; month <= a.months(); month++) {
                assertArrayEquals(bits(a.cashBalanceColumn(m, month)), bits(b.cashBalanceColumn(m, month)), model + " cash " + month);
            }
        }
        for (int k = 0; k < a.inputs().size(); k++) {
            assertArrayEquals(bits(a.inputColumn(k)), bits(b.inputColumn(k)), what + " " + a.inputs().get(k));
        }
    }

    static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
