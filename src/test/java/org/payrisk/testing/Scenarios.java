package org.payrisk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;
import org.payrisk.stats.TrialOutcomes;

/** Test helpers: scenarios from inline YAML, and runs on the local engine. */
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * @param yaml scenario text
     * @return the parsed scenario (file name {@code test.yaml})
     */
    public static Scenario parse(String yaml) {
        try {
            return ScenarioLoader.parse(new ScenarioSource(Path.of("test.yaml"), yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario invalid: " + e.getMessage(), e);
        }
    }

    /**
     * @param s scenario
     * @param trials trials
     * @param seed seed
     * @param threads threads
     * @return outcomes
     */
    public static TrialOutcomes run(Scenario s, int trials, long seed, int threads) {
        try {
            return new LocalEngine().run(s, new RunSettings(trials, seed, threads), SimulationEngine.Progress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
