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
}
