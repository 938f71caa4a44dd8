package org.payrisk.spark;

import java.util.Map;
import org.payrisk.engine.SimulationEngine;

/**
 * Opens the Spark engine for the command line without making anything else depend on Spark: this
 * class uses no Spark type, so the plain jar loads and runs the local engine without Spark on the
 * class path, and {@code --engine spark} without Spark fails with a message (the command line adds
 * how to get Spark) instead of a {@link NoClassDefFoundError}.
 */
public final class SparkEngines {

    private SparkEngines() {
    }

    /** @return whether Spark's core classes can be loaded */
    public static boolean onClassPath() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts the Spark engine; close it (it is {@link AutoCloseable}) to stop Spark.
     *
     * @param master master URL, or null for spark-submit's (else {@value SparkEngine#DEFAULT_MASTER})
     * @return the engine
     * @throws SparkUnavailableException when Spark is not on the class path or cannot start
     */
    public static SimulationEngine open(String master) {
        if (!onClassPath()) {
            throw new SparkUnavailableException("--engine spark needs Apache Spark 4.1 (spark-core_2.13) on the class path, "
                    + "and it is not there", null);
        }
        return new SparkEngine(master, Map.of());
    }

    /**
     * The population runner for an engine {@link #open} returned: its chunks of practices go to Spark
     * as one job each ({@link SparkPopulation}).
     *
     * @param engine the engine {@link #open} returned
     * @return the runner
     */
    public static org.payrisk.analysis.Population.Runner populationRunner(SimulationEngine engine) {
        return SparkPopulation.runner((SparkEngine) engine);
    }
}
