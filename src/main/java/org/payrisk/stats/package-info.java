/**
 * Per-trial outcomes and the risk statistics computed from them.
 *
 * <p>{@link org.payrisk.stats.TrialOutcomes} stores a block of trials' results and drawn inputs
 * by row (trial index minus the block's offset) in columnar primitive arrays; block results merge in
 * block order ({@link org.payrisk.stats.TrialOutcomes#merge}, {@link org.payrisk.stats.BlockMerger}); {@link org.payrisk.stats.Summaries} reduces them in index order (so
 * results never depend on thread scheduling) into records: {@link org.payrisk.stats.MetricSummary},
 * {@link org.payrisk.stats.PairedComparison}, {@link org.payrisk.stats.RunSummary}. Quantiles are
 * Hyndman-Fan type 7. This room knows nothing of scenarios, payments or reports.
 */
package org.payrisk.stats;
