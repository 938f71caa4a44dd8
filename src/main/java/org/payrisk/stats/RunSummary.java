package org.payrisk.stats;

import java.util.List;
import java.util.Map;

/**
 * The deterministic result of a run: a pure function of the scenario, the seed and the trial count.
 *
 * @param trials trials run
 * @param horizonMonths counted months
 * @param models one summary per model, in scenario order
 * @param comparisons one per unordered pair of models, (i, j) with i &lt; j
 * @param activity per-trial activity counters by name, in insertion order
 */
public record RunSummary(int trials, int horizonMonths, List<ModelSummary> models,
                         List<PairedComparison> comparisons, Map<String, ActivitySummary> activity) {
}
