package org.payrisk.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How a precision-targeted run ({@link PrecisionRun}) stopped, and its convergence trace.
 *
 * @param rule the stopping rule, in words
 * @param precision REL: the target, as a share of |mean net income|, in (0, 1]
 * @param batch trials between two checks (a whole number of engine blocks)
 * @param trials trials run
 * @param reached true when the rule held at {@code trials}; false when the run stopped at the cap
 * @param convergence one checkpoint per batch boundary, in trial order
 */
public record Stopping(String rule, double precision, int batch, int trials, boolean reached,
                       List<Checkpoint> convergence) {

    /** Checks presence; copies the list. */
    public Stopping {
        Objects.requireNonNull(rule, "rule");
        convergence = List.copyOf(convergence);
    }

    /**
     * The running estimates after the first {@code trials} trials.
     *
     * @param trials trials so far
     * @param models per model in scenario order
     */
    public record Checkpoint(int trials, List<Estimate> models) {
        /** Copies the list. */
        public Checkpoint {
            models = List.copyOf(models);
        }
    }

    /**
     * One model's running net-income estimates (the values summary.json would hold for this many trials).
     *
     * @param mean mean net income
     * @param meanStdError its standard error
     * @param p05 5th percentile
     * @param p05Mcse its batch-means standard error (NaN below 200 trials)
     */
    public record Estimate(double mean, double meanStdError, double p05, double p05Mcse) {
    }
}
