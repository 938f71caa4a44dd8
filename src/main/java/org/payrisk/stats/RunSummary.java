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
 * @param sensitivity what drives each model's net income and each paired difference; null when the
 *                    summary has none (read from a summary.json written before it existed)
 * @param responses per-model practice outcomes, decomposition and incentives of a run where the
 *                  practice responds to how it is paid; null for a plain run
 */
public record RunSummary(int trials, int horizonMonths, List<ModelSummary> models,
                         List<PairedComparison> comparisons, Map<String, ActivitySummary> activity,
                         Sensitivity sensitivity, ResponseSummary responses) {

    /**
     * A summary of a plain run (no response block).
     *
     * @param trials trials run
     * @param horizonMonths counted months
     * @param models one summary per model
     * @param comparisons one per unordered pair of models
     * @param activity per-trial activity counters
     * @param sensitivity what drives net income, or null
     */
    public RunSummary(int trials, int horizonMonths, List<ModelSummary> models, List<PairedComparison> comparisons,
                      Map<String, ActivitySummary> activity, Sensitivity sensitivity) {
        this(trials, horizonMonths, models, comparisons, activity, sensitivity, null);
    }

    /**
     * A summary without sensitivities.
     *
     * @param trials trials run
     * @param horizonMonths counted months
     * @param models one summary per model
     * @param comparisons one per unordered pair of models
     * @param activity per-trial activity counters
     */
    public RunSummary(int trials, int horizonMonths, List<ModelSummary> models,
                      List<PairedComparison> comparisons, Map<String, ActivitySummary> activity) {
        this(trials, horizonMonths, models, comparisons, activity, null, null);
    }
}
