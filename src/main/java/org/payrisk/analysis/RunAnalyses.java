package org.payrisk.analysis;

/**
 * What summary.json adds to a run's statistics from the analyses of this room; each part is null when
 * the run did not compute it (older runs, runs without the option).
 *
 * @param certaintyEquivalents risk preferences: certainty equivalents and preference flips
 * @param stopping how a precision-targeted run stopped (null for a run of a fixed trial count)
 * @param correlations the correlated inputs and any repair of their matrix (null without a
 *                     {@code correlations:} block)
 * @param uncertainty figures across the outer draws of parameter uncertainty (null without an
 *                    {@code uncertainty:} block)
 */
public record RunAnalyses(CertaintyEquivalents.Result certaintyEquivalents, Stopping stopping,
                          InputCorrelations correlations, ParameterUncertainty.Result uncertainty) {

    /** Nothing added. */
    public static final RunAnalyses NONE = new RunAnalyses(null, null);

    /**
     * Analyses of a run without correlated inputs or parameter uncertainty.
     *
     * @param certaintyEquivalents risk preferences
     * @param stopping how a precision-targeted run stopped, or null
     */
    public RunAnalyses(CertaintyEquivalents.Result certaintyEquivalents, Stopping stopping) {
        this(certaintyEquivalents, stopping, null, null);
    }

    /**
     * @param s how the run stopped
     * @return these analyses with that stopping record
     */
    public RunAnalyses withStopping(Stopping s) {
        return new RunAnalyses(certaintyEquivalents, s, correlations, uncertainty);
    }

    /**
     * @param c the correlated inputs, or null
     * @param u the uncertainty intervals, or null
     * @return these analyses with those parts
     */
    public RunAnalyses with(InputCorrelations c, ParameterUncertainty.Result u) {
        return new RunAnalyses(certaintyEquivalents, stopping, c, u);
    }
}
