/**
 * What builds on many runs or on the inputs a run recorded: sensitivity of outputs to inputs,
 * sweeps of a parameter, break-even solving, precision-targeted runs, parameter uncertainty and
 * populations of practices. It drives the engine and reads the stats records; it never renders
 * (that is {@code report}) and never parses a scenario file (it derives changed scenarios with
 * {@code Scenario.with}).
 */
package org.payrisk.analysis;
