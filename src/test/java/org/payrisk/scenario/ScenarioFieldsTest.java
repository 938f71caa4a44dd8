package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The typed paths the report's brief uses name real fields: each is set through
 * {@link Scenario#with} on a shipped scenario, which the reader refuses for any field it does not
 * know. Renaming a field in the reader therefore fails here instead of dropping a brief line.
 */
class ScenarioFieldsTest {

    @Test
    void everyBriefPathIsAFieldTheReaderKnows() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        for (ScenarioPath p : ScenarioFields.briefPaths()) {
            String text = p.toString();
            try {
                s.with(p, 0.5);
            } catch (ScenarioException e) {
                // a rule may refuse the value (0.5 clinicians is fine, 0.5 of a distribution's field may not be),
                // but never the field itself
                assertTrue(!e.problem().startsWith("unknown field"), text + ": " + e.getMessage());
            }
        }
        // the structural paths lead where the brief expects
        java.util.Map<ScenarioPath, Double> mix = new java.util.LinkedHashMap<>();
        mix.put(ScenarioPath.parse(ScenarioFields.PAYERS + ".medicare"), 0.45);
        mix.put(ScenarioPath.parse(ScenarioFields.PAYERS + ".medicaid"), 0.2);
        Scenario changed = s.with(mix);
        assertEquals(0.2, changed.practice().demand().payerShares()[2]);
        assertEquals("capitation", s.with(ScenarioFields.MODELS + "[capitation].default.capitation.pmpm", 4).modelNames().get(1));
    }

    @Test
    void unitsAndDrawsAreDeclaredForTheFieldsTheReaderReads() {
        assertEquals("$ per member per month", ScenarioFields.unit("pmpm", "capitation"));
        assertEquals("$ per beneficiary per year", ScenarioFields.unit("threshold", "kx"));
        assertEquals("quality score (0 to 1)", ScenarioFields.unit("threshold", "payForPerformance"));
        assertEquals("share of new episodes", ScenarioFields.unit("medicare", "payers"));
        assertEquals(ScenarioFields.Drawn.PER_VISIT, ScenarioFields.drawn("unitsPerVisit"));
        assertEquals(DistributionReader.FAMILIES.keySet(), ScenarioFields.families());
    }

    @Test
    void inputsCarryValueUnitDrawLineAndNoteWithDefaultsLast() throws ScenarioException {
        String text = ScenarioErrorsTest.BASE.replace("  clinicians: 2\n", "  # payroll, March 2026\n  clinicians: 2\n")
                .replace("perAttendedVisit: 10 }", "perAttendedVisit: 10 }   # MGMA 2024");
        java.util.List<ScenarioInput> in = ScenarioErrorsTest.parse(text).inputs();
        java.util.Map<String, ScenarioInput> by = new java.util.HashMap<>();
        in.forEach(i -> by.put(i.path(), i));
        String[] lines = text.split("\n");
        ScenarioInput clinicians = by.get("practice.clinicians");
        assertEquals(new ScenarioInput("practice.clinicians", "2", "full-time clinicians", ScenarioFields.Drawn.FIXED,
                java.util.Arrays.asList(lines).indexOf("  clinicians: 2") + 1, "payroll, March 2026"), clinicians);
        assertEquals("", by.get("practice.costs.fixedPerMonth").note(), "the first input of the line has no comment above");
        assertEquals("MGMA 2024", by.get("practice.costs.perAttendedVisit").note());
        ScenarioInput cancel = by.get("demand.cancellationRate");
        assertEquals("beta(mean 0.1, sd 0.03)", cancel.value());
        assertEquals(ScenarioFields.Drawn.PER_TRIAL, cancel.drawn());
        assertEquals("probability per scheduled visit", cancel.unit());
        assertEquals(ScenarioFields.Drawn.PER_MONTH, by.get("demand.newEpisodesPerMonth").drawn());
        assertEquals("$ per member per month", by.get("models[1].default.capitation.pmpm").unit());
        assertEquals("1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1", by.get("demand.seasonality").value());
        ScenarioInput warmUp = by.get("warmUpMonths");
        assertTrue(warmUp.isDefault());
        assertEquals("6", warmUp.value());
        assertEquals("0", by.get("cash.startingReserve").value());
        assertTrue(in.indexOf(warmUp) > in.indexOf(by.get("models[2].default.bundled.outlier.perVisit")), "defaults come last");
    }
}
