package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deterministic tier: an old run's scenario copy that this version's reader refuses still gives its
 * inputs to a report, through the parse-only path; text that is not YAML is refused, located.
 */
class LenientInputsTest {

    private static final String REFUSED = String.join("\n",
            "practice: { clinicians: 3, visitsPerClinicianDay: 9, workdaysPerMonth: 21 }",
            "retiredField: 7  # a field an older version read",
            "models:",
            "  - name: cap",
            "    default: { capitation: { pmpm: -4, members: 1200 } }  # negative: refused today",
            "");

    @Test
    void aCopyTheReaderRefusesStillListsItsInputs() {
        assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                new ScenarioSource(java.nio.file.Path.of("old.yaml"), REFUSED.getBytes(StandardCharsets.UTF_8))));
        List<ScenarioInput> in = assertDoesNotThrowInputs(REFUSED);
        ScenarioInput pmpm = in.stream().filter(i -> i.path().endsWith("capitation.pmpm")).findFirst().orElseThrow();
        assertEquals("-4", pmpm.value());
        assertEquals(5, pmpm.line());
        ScenarioInput members = in.stream().filter(i -> i.path().endsWith("capitation.members")).findFirst().orElseThrow();
        assertTrue(members.note().contains("negative: refused today"), "last input of its line: " + members.note());
        assertTrue(in.stream().anyMatch(i -> i.path().equals("retiredField") && i.value().equals("7")), in.toString());
    }

    @Test
    void textThatIsNotYamlIsRefusedLocated() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenario.inputsOf("old.yaml", "models: [\n  { name: x\n".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(e.getMessage().contains("old.yaml"), e.getMessage());
    }

    private static List<ScenarioInput> assertDoesNotThrowInputs(String text) {
        try {
            return Scenario.inputsOf("old.yaml", text.getBytes(StandardCharsets.UTF_8), false);
        } catch (ScenarioException e) {
            throw new AssertionError("the lenient path refused: " + e.getMessage(), e);
        }
    }
}
