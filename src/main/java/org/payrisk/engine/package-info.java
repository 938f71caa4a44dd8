/**
 * Engines that run the trials of a scenario: trial i draws its practice-year from its own random
 * stream (seed, i), every payment model is paid for that same year (common random numbers), and the
 * outcomes are stored by trial index. {@link org.payrisk.engine.LocalEngine} runs on this machine's
 * cores; other engines (Spark) implement the same {@link org.payrisk.engine.SimulationEngine}
 * interface with the same {@link org.payrisk.engine.TrialKernel}, so they produce the same numbers.
 */
package org.payrisk.engine;
