package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * The JSON form of a scenario is the same model as its YAML form: the shipped scenario converted to
 * JSON (PyYAML 6 + Python's json module; src/test/resources/ot-private-practice.json) gives the same
 * outcomes, trial by trial.
 */
class JsonScenarioTest {

    @Test
    void jsonAndYamlDescribeTheSameScenario() throws ScenarioException {
        Scenario yaml = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        Scenario json = ScenarioLoader.load(Path.of("src/test/resources/ot-private-practice.json"));
        assertEquals(yaml.name(), json.name());
        assertEquals(yaml.modelNames(), json.modelNames());
        TrialOutcomes a = Scenarios.run(yaml, 300, 11L, 2);
        TrialOutcomes b = Scenarios.run(json, 300, 11L, 2);
        for (int m = 0; m < 3; m++) {
            for (int t = 0; t < 300; t++) {
                assertEquals(a.netIncome(m, t), b.netIncome(m, t), 0.0);
            }
        }
        assertEquals(Summaries.run(a).models().get(0).netIncome().mean(), Summaries.run(b).models().get(0).netIncome().mean(), 0.0);
    }
}
