package org.payrisk.spark;

import java.nio.file.Path;
import java.util.Objects;
import org.payrisk.engine.RunSettings;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;

/**
 * One run as it travels to the executors: the validated scenario's bytes and file name (the name
 * says YAML or JSON and names the file in any message), the trial count and the seed. Nothing else
 * of the driver's objects goes along; each executor re-reads the bytes with the scenario loader.
 *
 * @param fileName the scenario's file name, e.g. {@code ot-private-practice.yaml}
 * @param bytes the scenario file's bytes, as validated on the driver
 * @param trials trials, &gt;= 1
 * @param seed run seed
 */
public record ScenarioRun(String fileName, byte[] bytes, int trials, long seed) {

    /** Checks presence and the trial count; copies the bytes. */
    public ScenarioRun {
        Objects.requireNonNull(fileName, "fileName");
        bytes = bytes.clone();
        if (trials < 1) {
            throw new IllegalArgumentException("trials: expected at least 1, found " + trials);
        }
    }

    /**
     * @param scenario a validated scenario
     * @param settings trials and seed (threads do not apply on Spark: executors run one block per task)
     * @return the run of that scenario's bytes
     */
    public static ScenarioRun of(Scenario scenario, RunSettings settings) {
        return new ScenarioRun(scenario.source().path().getFileName().toString(), scenario.source().bytes(),
                settings.trials(), settings.seed());
    }

    /** @return a copy of the scenario bytes */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Re-reads the scenario from its bytes, as an executor does.
     *
     * @return the validated scenario
     * @throws ScenarioException when the bytes are not a valid scenario
     */
    public Scenario load() throws ScenarioException {
        return ScenarioLoader.parse(new ScenarioSource(Path.of(fileName), bytes));
    }
}
