/**
 * Per-trial outcomes and the risk statistics computed from them.
 *
 * <p>{@link org.payrisk.stats.TrialOutcomes} stores every trial's results by trial index in
 * columnar primitive arrays; {@link org.payrisk.stats.Summaries} reduces them in index order (so
 * results never depend on thread scheduling) into records: {@link org.payrisk.stats.MetricSummary},
 * {@link org.payrisk.stats.PairedComparison}, {@link org.payrisk.stats.RunSummary}. Quantiles are
 * Hyndman-Fan type 7. This room knows nothing of scenarios, payments or reports.
 */
package org.payrisk.stats;
