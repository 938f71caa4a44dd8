package org.payrisk.dist;

import java.util.List;

/**
 * Rank correlations between per-trial inputs (a scenario's {@code correlations:} block), resolved to
 * the distribution each input is drawn from: a Gaussian copula over those inputs, each marginal kept
 * exactly and drawn by its inverse CDF. Immutable and thread safe.
 *
 * @param paths the correlated inputs' paths, as trials.csv names them (e.g. {@code demand.cancellationRate})
 * @param marginals the distribution each input is drawn from, in the order of {@code paths}; the very
 *                  instances the model records hold, so {@link CopulaDraws} can recognise their draws
 * @param copula the copula over the inputs, in the same order; null when there are none
 */
public record InputCopula(List<String> paths, List<Distribution> marginals, GaussianCopula copula) {

    /** No correlated inputs: every input is drawn independently from its own stream. */
    public static final InputCopula NONE = new InputCopula(List.of(), List.of(), null);

    /** Copies the lists and checks that they match the copula's size. */
    public InputCopula {
        paths = List.copyOf(paths);
        marginals = List.copyOf(marginals);
        if (paths.size() != marginals.size() || (copula == null ? !paths.isEmpty() : copula.size() != paths.size())) {
            throw new IllegalArgumentException("expected one path and one marginal per copula dimension, found "
                    + paths.size() + " paths, " + marginals.size() + " marginals and a copula of "
                    + (copula == null ? 0 : copula.size()));
        }
    }

    /** @return true when no input is correlated */
    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
