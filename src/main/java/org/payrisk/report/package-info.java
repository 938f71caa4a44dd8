/**
 * Everything a run writes: the run directory (staged and renamed into place atomically),
 * {@code summary.json} (deterministic), {@code run.json} (provenance and timing),
 * {@code trials.csv}; and, in {@link org.payrisk.report.render}, the charts, the HTML report and the
 * plain-language brief, which are rendered from those files alone.
 */
package org.payrisk.report;
