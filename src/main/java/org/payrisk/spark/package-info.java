/**
 * The Spark engine: the local engine's numbered blocks as Spark tasks, one partition per block, run
 * on executors with the same {@link org.payrisk.engine.TrialKernel} and merged on the driver in
 * block order, so results are byte-identical to the local engine's. Only scenario bytes, seeds and
 * trial counts go out ({@link org.payrisk.spark.ScenarioRun}); block outcomes come back as bytes
 * ({@link org.payrisk.spark.OutcomesCodec}). Spark is a provided dependency: nothing outside this
 * room uses a Spark type, and {@link org.payrisk.spark.SparkEngines} is the one door the command
 * line opens.
 */
package org.payrisk.spark;
