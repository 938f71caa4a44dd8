/**
 * Scenario files (YAML or JSON) parsed and validated into immutable records.
 *
 * <p>{@link org.payrisk.scenario.ScenarioLoader} reads a file into a located tree
 * ({@link org.payrisk.scenario.SourceNode}: every value remembers its line, column and field path),
 * then builds the practice, demand and payment-model records, so every error a user can cause is a
 * {@link org.payrisk.scenario.ScenarioException} naming the file, line:column, the field path, what
 * was expected and what was found. Jackson stays inside this room: the engine sees only records.
 */
package org.payrisk.scenario;
