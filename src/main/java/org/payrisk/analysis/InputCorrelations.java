package org.payrisk.analysis;

import java.util.List;
import org.payrisk.dist.InputCopula;

/**
 * What summary.json and the report say about a run's correlated inputs: the rank correlations asked
 * for, the normal correlations they imply, those used after any repair, and how far the repair moved
 * them. Immutable.
 *
 * @param inputs the correlated inputs' paths, in matrix order
 * @param rank the Spearman rank correlations asked for (unit diagonal; 0 for a pair not listed)
 * @param normal the normal correlations they imply, 2 sin(pi r / 6)
 * @param used the normal correlations sampled from: {@code normal}, or its nearest correlation matrix
 *             when {@code normal} is not positive definite
 * @param repaired whether {@code used} differs from {@code normal}
 * @param largestChange the largest absolute change the repair made to an entry (0 when none)
 */
public record InputCorrelations(List<String> inputs, double[][] rank, double[][] normal, double[][] used,
                                boolean repaired, double largestChange) {

    /** Copies the list. */
    public InputCorrelations {
        inputs = List.copyOf(inputs);
    }

    /**
     * @param c a scenario's correlated inputs
     * @return their record, or null when there are none
     */
    public static InputCorrelations of(InputCopula c) {
        if (c == null || c.isEmpty()) {
            return null;
        }
        return new InputCorrelations(c.paths(), c.copula().spearman(), c.copula().normalCorrelations(),
                c.copula().repairedCorrelations(), c.copula().repaired(), c.copula().largestChange());
    }

    /** @return the warning a run prints on stderr when the matrix was repaired */
    public String warning() {
        return String.format(java.util.Locale.ROOT, "the rank correlations in correlations: cannot all hold at once "
                + "(their normal correlation matrix is not positive definite); payrisk uses the nearest correlation "
                + "matrix (Higham 2002) instead, which changes an entry by up to %.3f. The requested and the repaired "
                + "matrices are in summary.json (correlations) and the report.", largestChange);
    }
}
