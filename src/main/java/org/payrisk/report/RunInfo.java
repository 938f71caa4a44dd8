package org.payrisk.report;

/**
 * The deterministic facts about a run that summary.json records beside its statistics.
 *
 * @param scenarioName the scenario's name
 * @param scenarioFile the scenario file's name (no directory: the same file gives the same summary
 *                     wherever it lies)
 * @param scenarioSha256 hex SHA-256 of the scenario bytes
 * @param seed run seed
 * @param trials trials
 * @param horizonMonths counted months
 * @param warmUpMonths warm-up months
 * @param generator random generator description
 */
public record RunInfo(String scenarioName, String scenarioFile, String scenarioSha256, long seed, int trials,
                      int horizonMonths, int warmUpMonths, String generator) {
}
