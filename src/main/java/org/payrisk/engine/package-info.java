/**
 * Engines that run the trials of a scenario. An engine sees only model records
 * ({@link org.payrisk.engine.EngineInput}: the practice and the payment models), cuts the run into
 * fixed numbered blocks ({@link org.payrisk.engine.TrialBlocks}), runs each block with a
 * {@link org.payrisk.engine.TrialKernel} and merges the block results in block order
 * ({@link org.payrisk.stats.BlockMerger}). Trial i draws every random input from a stream keyed by
 * (seed, i, what the input is); every payment model is paid for the same simulated year (common
 * random numbers). {@link org.payrisk.engine.LocalEngine} runs blocks on this machine's cores; other
 * engines (Spark) run the same blocks with the same kernel and merge, so they produce the same numbers.
 */
package org.payrisk.engine;
