package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Beta;
import org.payrisk.dist.Constant;
import org.payrisk.payment.Capitation;
import org.payrisk.payment.FeeForService;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/** Typed paths and {@link Scenario#with}: issue 8, build 1. */
class ScenarioPathTest {

    static Scenario base() throws ScenarioException {
        return ScenarioErrorsTest.parse(ScenarioErrorsTest.BASE);
    }

    @Test
    void pathsParseIntoFieldsAndListItems() {
        ScenarioPath p = ScenarioPath.parse("models[capitation].default.capitation.pmpm");
        assertEquals(List.of(new ScenarioPath.Segment("models", "capitation"), new ScenarioPath.Segment("default", null),
                new ScenarioPath.Segment("capitation", null), new ScenarioPath.Segment("pmpm", null)), p.segments());
        assertEquals("models[capitation].default.capitation.pmpm", p.toString());
        assertTrue(ScenarioPath.parse("demand.cases[0].followUpVisits").segments().get(1).byIndex());
        assertEquals(p, ScenarioPath.parse("models[capitation].default.capitation.pmpm"));
        for (String bad : List.of("", "models[", "a..b", "demand.cases[0]x", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> ScenarioPath.parse(bad), bad);
        }
    }

    @Test
    void withChangesOneNumberAndValidatesTheResult() throws ScenarioException {
        Scenario s = base();
        Scenario pmpm = s.with("models[cap].default.capitation.pmpm", 5.5);
        assertEquals(Constant.of(5.5), ((Capitation) pmpm.models().get(1).rules().get(0)).pmpm());
        assertEquals(Constant.of(6), ((Capitation) s.with("models[1].default.capitation.pmpm", 6).models().get(1).rules().get(0)).pmpm());
        Scenario beta = s.with("demand.cancellationRate.beta.mean", 0.2);
        assertEquals(Beta.of(0.2, 0.03), beta.practice().demand().cancellationRate());
        Scenario byName = s.with("demand.cases[neuro].followUpVisits", 14);
        assertEquals(Constant.of(14), byName.practice().demand().cases().get(1).followUpVisits());
        // the original is untouched, and changes chain
        assertEquals(Constant.of(4), ((Capitation) s.models().get(1).rules().get(0)).pmpm());
        Scenario both = pmpm.with("practice.clinicians", 3);
        assertEquals(3, both.practice().practice().clinicians());
        assertEquals(Constant.of(5.5), ((Capitation) both.models().get(1).rules().get(0)).pmpm());
    }

    @Test
    void theChangedSourceIsTheFileWithOnlyThatNumberReplaced() throws ScenarioException {
        Scenario shipped = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        String before = new String(shipped.source().bytes(), java.nio.charset.StandardCharsets.UTF_8);
        String after = new String(shipped.with("practice.clinicians", 4).source().bytes(), java.nio.charset.StandardCharsets.UTF_8);
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        assertEquals(a.length, b.length);
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed++;
                assertTrue(a[i].contains("clinicians:") && b[i].contains("clinicians: 4"), b[i]);
                assertEquals(a[i].substring(a[i].indexOf('#') < 0 ? a[i].length() : a[i].indexOf('#')),
                        b[i].substring(b[i].indexOf('#') < 0 ? b[i].length() : b[i].indexOf('#')), "the comment stays");
            }
        }
        assertEquals(1, changed);
    }

    @Test
    void fieldsLeftAtTheirDefaultCanBeSet() throws ScenarioException {
        Scenario s = base();
        assertEquals(50_000, s.with("cash.startingReserve", 50_000).models().get(0).cash().startingReserve());
        assertEquals(3, s.with("warmUpMonths", 3).practice().warmUpMonths());
        FeeForService commercial = (FeeForService) s.with("models[ffs].payers.commercial.feeForService.denialRate", 0.07)
                .models().get(0).rules().get(1);
        assertEquals(Constant.of(0.07), commercial.denialRate());
    }

    @Test
    void withWorksOnJsonToo() throws ScenarioException {
        Scenario json = ScenarioLoader.load(Path.of("src/test/resources/ot-private-practice.json"));
        assertEquals(Constant.of(4.5), ((Capitation) json.with("models[capitation].default.capitation.pmpm", 4.5)
                .models().get(1).rules().get(0)).pmpm());
        assertEquals(-20_000, json.with("cash.startingReserve", -20_000).models().get(0).cash().startingReserve());
    }

    @Test
    void withErrorsNameThePath() throws ScenarioException {
        Scenario s = base();
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> s.with("models[cap].default.capitation.pmmp", 5));
        assertEquals("models[1].default.capitation.pmmp", unknown.path());
        assertTrue(unknown.problem().startsWith("unknown field `pmmp`; did you mean `pmpm`?"), unknown.getMessage());
        ScenarioException item = assertThrows(ScenarioException.class, () -> s.with("models[capp].default.capitation.pmpm", 5));
        assertEquals("models[capp].default.capitation.pmpm", item.path());
        assertTrue(item.problem().startsWith("no item of `models` is named `capp`; did you mean `cap`?"), item.getMessage());
        assertEquals(java.util.Arrays.asList(ScenarioErrorsTest.BASE.split("\n")).indexOf("  - name: ffs") + 1, item.line());
        ScenarioException text = assertThrows(ScenarioException.class, () -> s.with("name", 5));
        assertEquals("expected a numeric field to set, found the text \"base\", not a number", text.problem());
        ScenarioException dist = assertThrows(ScenarioException.class, () -> s.with("demand.cancellationRate", 0.2));
        assertTrue(dist.problem().contains("a beta distribution; set one of its parameters, e.g. demand.cancellationRate.beta.mean"),
                dist.getMessage());
        ScenarioException deeper = assertThrows(ScenarioException.class,
                () -> s.with("demand.cases[neuro].followUpVisits.poisson.mean", 3));
        assertTrue(deeper.problem().contains("it is the constant 12: set `demand.cases[neuro].followUpVisits` itself"),
                deeper.getMessage());
        ScenarioException rule = assertThrows(ScenarioException.class, () -> s.with("demand.cases[hand].share", 1.5));
        assertEquals("demand.cases[0].share", rule.path());
        assertEquals(16, rule.line());
        assertEquals("expected a probability in [0, 1], found 1.5", rule.problem());
        ScenarioException index = assertThrows(ScenarioException.class, () -> s.with("models[7].name", 1));
        assertTrue(index.problem().startsWith("expected an index below 3 for `models`, found 7"), index.getMessage());
        ScenarioException malformed = assertThrows(ScenarioException.class, () -> s.with("models[", 1));
        assertEquals("models[", malformed.path());
        ScenarioException nan = assertThrows(ScenarioException.class, () -> s.with("practice.clinicians", Double.NaN));
        assertEquals("expected a finite number, found NaN", nan.problem());
    }

    /** A sweep in ten lines: capitation pays members x pmpm every month, so revenue is exact. */
    @Test
    void aSweepIsTenLines() throws ScenarioException {
        Scenario base = base();
        ScenarioPath pmpm = ScenarioPath.parse("models[cap].default.capitation.pmpm");
        for (double price = 2; price <= 6; price += 0.5) {
            Scenario s = base.with(pmpm, price);
            TrialOutcomes out = Scenarios.run(s, 20, 1, 1);
            for (int t = 0; t < out.trials(); t++) {
                assertEquals(12 * 10_000 * price, out.revenue(1, t), 1e-6 * price);
            }
        }
    }
}
