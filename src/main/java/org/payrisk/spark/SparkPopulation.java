package org.payrisk.spark;

import java.util.ArrayList;
import java.util.List;
import org.payrisk.analysis.Population;
import org.payrisk.engine.RunSettings;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;

/**
 * Runs a population's chunks of practices on Spark: each chunk is one Spark job holding every block of
 * every practice in it ({@link SparkEngine#runAll}), so the cluster works on many practices at once.
 * Each practice's outcomes are those of the local engine (same blocks, same streams, merged in block
 * order), so population.json is byte-identical on either engine.
 */
public final class SparkPopulation {

    private SparkPopulation() {
    }

    /**
     * @param engine a started Spark engine
     * @return a runner that sends each chunk's scenario bytes to Spark as one job
     */
    public static Population.Runner runner(SparkEngine engine) {
        return (scenarios, settings, progress) -> {
            List<ScenarioRun> runs = new ArrayList<>(scenarios.size());
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                RunSettings r = settings.get(i);
                runs.add(ScenarioRun.of(s, r));
            }
            try {
                return engine.runAll(runs, progress);
            } catch (ScenarioException e) {
                throw new IllegalStateException("a validated practice scenario failed to load again from its own bytes: "
                        + e.getMessage(), e);
            }
        };
    }
}
