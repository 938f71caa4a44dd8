package org.payrisk.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * What a responsive run says beyond the plain summary: each model's practice outcomes, its behaviour
 * effect, each paired difference split into a payment and a behaviour part, and, with incentives,
 * what one more of each thing is worth under each model. Every estimate carries its Monte Carlo
 * standard error; all are reduced in trial order, so they are bit-identical on any thread count.
 *
 * <p>Decomposition: write N_m(Y) for model m's net income on practice-year Y, Y_m for the year under
 * m's response and Y_0 for the baseline (the same patients, the practice behaving as the demand says).
 * Then N_a(Y_a) - N_b(Y_b) = [N_a(Y_0) - N_b(Y_0)] (payment: the same behaviour, different terms)
 * + [(N_a(Y_a) - N_a(Y_0)) - (N_b(Y_b) - N_b(Y_0))] (behaviour), exactly, trial by trial.
 *
 * <p>Incentives: per model, the ratio of mean changes (Δ mean net income ÷ Δ mean of the nudged
 * quantity) between a pass with the nudge and the model's own year, over the same patients; its
 * standard error by the delta method, sqrt(var(ΔN - R ΔD) / n) / |mean ΔD|.
 *
 * @param practice the per-model practice counter names ({@link ResponseLayout#PRACTICE})
 * @param models one per model, in scenario order
 * @param comparisons one per unordered pair (i, j), i &lt; j
 */
public record ResponseSummary(List<String> practice, List<Model> models, List<Decomposition> comparisons) {

    /**
     * A mean with its Monte Carlo standard error.
     *
     * @param mean the estimate
     * @param stdError its Monte Carlo standard error (NaN below 2 trials)
     */
    public record Estimate(double mean, double stdError) { }

    /**
     * The worth of one more of something under one model.
     *
     * @param name what is added: {@code followUpVisit}, {@code unitPerVisit}, {@code avoidedCancellation},
     *             {@code acceptedEpisode:CASE}
     * @param perUnit Δ mean net income ÷ Δ mean of the added quantity, dollars; NaN when the nudge added nothing
     * @param stdError its Monte Carlo standard error
     * @param netIncomeChange Δ mean net income over the horizon, dollars
     * @param quantityChange Δ mean of the added quantity over the horizon
     */
    public record Incentive(String name, double perUnit, double stdError, double netIncomeChange, double quantityChange) { }

    /**
     * One model's practice and behaviour.
     *
     * @param name model name
     * @param practice means of the practice counters under the model's response, in {@link #practice()} order
     * @param practiceStdError their Monte Carlo standard errors
     * @param behaviour N_m(Y_m) - N_m(Y_0): what the model's response adds to its net income
     * @param incentives the incentive table, empty when not asked for
     */
    public record Model(String name, double[] practice, double[] practiceStdError, Estimate behaviour, List<Incentive> incentives) { }

    /**
     * A paired difference of net income (a minus b) split into its two parts.
     *
     * @param a first model
     * @param b second model
     * @param payment the same (baseline) behaviour, different terms
     * @param behaviour the same terms, each model's response
     */
    public record Decomposition(String a, String b, Estimate payment, Estimate behaviour) { }

    /** Accumulates a responsive run's blocks in block order. */
    public static final class Accumulator implements java.util.function.Consumer<TrialOutcomes> {
        private final List<String> names;
        private ResponseLayout layout;
        private Moments[][] practice;
        private Moments[] behaviour;
        private Moments[][] incentives;
        private Moments[] payment;
        private Moments[] behaviourDiff;

        /** @param models model names */
        public Accumulator(List<String> models) {
            this.names = List.copyOf(models);
        }

        @Override
        public void accept(TrialOutcomes block) {
            if (block.layout() == null) {
                return;
            }
            if (layout == null) {
                start(block.layout());
            }
            int nm = names.size();
            int ni = layout.incentiveNames().size();
            for (int t = 0; t < block.trials(); t++) {
                for (int m = 0; m < nm; m++) {
                    for (int k = 0; k < ResponseLayout.PRACTICE.size(); k++) {
                        practice[m][k].add(block.extra(layout.practice(m, k), t), 0);
                    }
                    behaviour[m].add(block.netIncome(m, t) - block.extra(layout.baselineNet(m), t), 0);
                    for (int i = 0; i < ni; i++) {
                        incentives[m][i].add(block.extra(layout.incentiveNet(m, i), t), block.extra(layout.incentiveDenominator(m, i), t));
                    }
                }
                int p = 0;
                for (int i = 0; i < nm; i++) {
                    for (int j = i + 1; j < nm; j++, p++) {
                        double bi = block.extra(layout.baselineNet(i), t);
                        double bj = block.extra(layout.baselineNet(j), t);
                        payment[p].add(bi - bj, 0);
                        behaviourDiff[p].add((block.netIncome(i, t) - bi) - (block.netIncome(j, t) - bj), 0);
                    }
                }
            }
        }

        private void start(ResponseLayout l) {
            layout = l;
            int nm = names.size();
            int ni = l.incentiveNames().size();
            practice = new Moments[nm][ResponseLayout.PRACTICE.size()];
            behaviour = new Moments[nm];
            incentives = new Moments[nm][ni];
            for (int m = 0; m < nm; m++) {
                for (int k = 0; k < practice[m].length; k++) {
                    practice[m][k] = new Moments();
                }
                behaviour[m] = new Moments();
                for (int i = 0; i < ni; i++) {
                    incentives[m][i] = new Moments();
                }
            }
            int pairs = nm * (nm - 1) / 2;
            payment = new Moments[pairs];
            behaviourDiff = new Moments[pairs];
            for (int p = 0; p < pairs; p++) {
                payment[p] = new Moments();
                behaviourDiff[p] = new Moments();
            }
        }

        /** @return the summary, or null when the run was not responsive */
        public ResponseSummary result() {
            if (layout == null) {
                return null;
            }
            List<Model> models = new ArrayList<>();
            List<String> incentiveNames = layout.incentiveNames();
            for (int m = 0; m < names.size(); m++) {
                double[] means = new double[practice[m].length];
                double[] se = new double[means.length];
                for (int k = 0; k < means.length; k++) {
                    means[k] = practice[m][k].meanX;
                    se[k] = practice[m][k].stdErrorX();
                }
                List<Incentive> inc = new ArrayList<>();
                for (int i = 0; i < incentiveNames.size(); i++) {
                    Moments x = incentives[m][i];
                    inc.add(new Incentive(incentiveNames.get(i), x.ratio(), x.ratioStdError(), x.meanX, x.meanY));
                }
                models.add(new Model(names.get(m), means, se, behaviour[m].estimate(), inc));
            }
            List<Decomposition> comparisons = new ArrayList<>();
            int p = 0;
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++, p++) {
                    comparisons.add(new Decomposition(names.get(i), names.get(j), payment[p].estimate(), behaviourDiff[p].estimate()));
                }
            }
            return new ResponseSummary(ResponseLayout.PRACTICE, models, comparisons);
        }
    }

    /**
     * @param outcomes a whole run's outcomes
     * @return its response summary, or null when the run was not responsive
     */
    public static ResponseSummary of(TrialOutcomes outcomes) {
        Accumulator a = new Accumulator(outcomes.models());
        a.accept(outcomes);
        return a.result();
    }

    /** Running means and co-moments of pairs (x, y) (Welford), in the order added. */
    static final class Moments {
        long n;
        double meanX;
        double meanY;
        double sxx;
        double syy;
        double sxy;

        void add(double x, double y) {
            n++;
            double dx = x - meanX;
            double dy = y - meanY;
            meanX += dx / n;
            meanY += dy / n;
            sxx += dx * (x - meanX);
            syy += dy * (y - meanY);
            sxy += dx * (y - meanY);
        }

        double stdErrorX() {
            return n < 2 ? Double.NaN : Math.sqrt(sxx / (n - 1) / n);
        }

        Estimate estimate() {
            return new Estimate(meanX, stdErrorX());
        }

        double ratio() {
            return meanY == 0 ? Double.NaN : meanX / meanY;
        }

        double ratioStdError() {
            double r = ratio();
            if (Double.isNaN(r) || n < 2) {
                return Double.NaN;
            }
            double v = Math.max(0, (sxx - 2 * r * sxy + r * r * syy) / (n - 1));
            return Math.sqrt(v / n) / Math.abs(meanY);
        }
    }
}
