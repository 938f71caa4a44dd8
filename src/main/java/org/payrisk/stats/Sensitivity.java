package org.payrisk.stats;

import java.util.List;

/**
 * What drives the risk: for every output (each model's annual net income, then each paired difference
 * A minus B in {@link RunSummary#comparisons()} order) and every recorded per-trial input, the rank
 * correlation and the output's mean in the low and high tenths of the input. Computed by
 * {@link RankSensitivity} from the merged, trial-ordered outcomes. Arrays are shared, not copied; treat
 * the record as immutable.
 *
 * @param method how the figures are defined, in words
 * @param stdErrorMethod how {@link Effect#spearmanStdError()} is estimated, in words
 * @param inputs paths of the recorded inputs, in the run's column order
 * @param outputs one per model, then one per paired comparison
 */
public record Sensitivity(String method, String stdErrorMethod, List<String> inputs, List<Output> outputs) {

    /** Number of groups of {@link Effect#deciles()}. */
    public static final int DECILES = 10;

    /** Canonical constructor; copies the lists. */
    public Sensitivity {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One output's sensitivities.
     *
     * @param model the model whose net income this is, or null for a paired difference
     * @param a for a paired difference, the model subtracted from (null for a model's net income)
     * @param b for a paired difference, the model subtracted (null for a model's net income)
     * @param mean the output's mean over all trials, dollars (the base the tornado bars swing around)
     * @param rankRSquared R² of the least-squares regression (with intercept) of the output's ranks on
     *                     the inputs' ranks, over the trials that drew every input: the share of the
     *                     output's rank variance the recorded inputs explain; NaN when the output is constant
     * @param effects one per input, in {@link Sensitivity#inputs()} order
     */
    public record Output(String model, String a, String b, double mean, double rankRSquared, List<Effect> effects) {

        /** Canonical constructor; copies the list. */
        public Output {
            effects = List.copyOf(effects);
        }

        /** @return whether this output is a paired difference (a minus b) rather than one model's net income */
        public boolean isDifference() {
            return model == null;
        }
    }

    /**
     * One input's effect on one output. Trials that did not draw the input (NaN, e.g. a case mean in a
     * year with no episode of that case) are left out of its figures.
     *
     * @param input the input's path
     * @param trials the trials that drew it
     * @param spearman Spearman's rank correlation with average ranks for ties; NaN when either side is
     *                 constant (or fewer than 2 trials)
     * @param spearmanStdError its standard error ({@link Sensitivity#stdErrorMethod()}); NaN when
     *                         spearman is NaN or fewer than 4 trials
     * @param contributionToVariance spearman² divided by the sum of spearman² over all inputs of the
     *                               output, signed like spearman (Crystal Ball's definition); NaN when
     *                               spearman is NaN or every spearman of the output is 0 or NaN
     * @param meanLowDecile the output's mean over the first ceil(n/10) trials ordered by (input value,
     *                      trial index), dollars
     * @param meanHighDecile the output's mean over the last ceil(n/10) trials in that order, dollars
     * @param deciles the output's mean in each tenth of that order, group k holding positions
     *                floor(k n / 10) to floor((k + 1) n / 10) - 1 ({@value #DECILES} values; NaN for an
     *                empty group)
     */
    public record Effect(String input, int trials, double spearman, double spearmanStdError,
                         double contributionToVariance, double meanLowDecile, double meanHighDecile,
                         double[] deciles) {

        /** @return meanHighDecile - meanLowDecile: the tornado bar's signed length, dollars */
        public double swing() {
            return meanHighDecile - meanLowDecile;
        }
    }
}
