package org.payrisk.analysis;

/**
 * What summary.json adds to a run's statistics from the analyses of this room; each part is null when
 * the run did not compute it (older runs, runs without the option).
 *
 * @param certaintyEquivalents risk preferences: certainty equivalents and preference flips
 * @param stopping how a precision-targeted run stopped (null for a run of a fixed trial count)
 */
public record RunAnalyses(CertaintyEquivalents.Result certaintyEquivalents, Stopping stopping) {

    /** Nothing added. */
    public static final RunAnalyses NONE = new RunAnalyses(null, null);

    /**
     * @param s how the run stopped
     * @return these analyses with that stopping record
     */
    public RunAnalyses withStopping(Stopping s) {
        return new RunAnalyses(certaintyEquivalents, s);
    }
}
