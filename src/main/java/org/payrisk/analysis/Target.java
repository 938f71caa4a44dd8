package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * What {@code payrisk solve} solves for: {@code LHS op RHS}, each side {@code <model>.<metric>.<stat>}
 * or a number, op one of {@code =}, {@code <=}, {@code >=}. metric is {@code netIncome} or
 * {@code revenue} (stats {@value #METRIC_STATS_TEXT}) or {@code cash} (stat
 * {@code probNegativeAnyMonth}); every stat is the summary.json field of that name.
 *
 * <p>The solved function is the difference LHS - RHS. Its Monte Carlo standard error, used for the
 * root's interval: two means over the same trials, the paired standard error sd(a - b)/sqrt(n); a
 * share (probLoss, probNegativeAnyMonth), the binomial sqrt(p (1 - p) / n); a percentile or
 * worst5Mean, the run's batch-means MCSE; two statistics that are not both means, the square root of
 * the sum of their squared standard errors (as if independent; common random numbers correlate them
 * positively, so this overstates the error). Immutable, thread safe.
 *
 * @param text the target as written
 * @param lhs left side
 * @param op the relation
 * @param rhs right side
 */
public record Target(String text, Operand lhs, Op op, Operand rhs) {

    /** Stats of netIncome and revenue that have a Monte Carlo standard error. */
    public static final List<String> METRIC_STATS = stats();
    private static final String METRIC_STATS_TEXT = "mean, p01 ... p99, worst5Mean, probLoss";
    /** Metrics a side may name. */
    public static final List<String> METRICS = List.of("netIncome", "revenue", "cash");
    /** Stats of the cash metric. */
    public static final List<String> CASH_STATS = List.of("probNegativeAnyMonth");

    private static List<String> stats() {
        List<String> s = new ArrayList<>();
        s.add("mean");
        for (int p : Summaries.PERCENTILES) {
            s.add(String.format(Locale.ROOT, "p%02d", p));
        }
        s.add("worst5Mean");
        s.add("probLoss");
        return List.copyOf(s);
    }

    /** The relation between the two sides. */
    public enum Op {
        /** LHS = RHS: the root of LHS - RHS. */
        EQ("="),
        /** LHS &lt;= RHS: the edge of the region where it holds. */
        LE("<="),
        /** LHS &gt;= RHS: the edge of the region where it holds. */
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** @return {@code =}, {@code <=} or {@code >=} */
        public String symbol() {
            return symbol;
        }

        /**
         * @param difference LHS - RHS
         * @return whether the relation holds
         */
        public boolean holds(double difference) {
            return switch (this) {
                case EQ -> difference == 0;
                case LE -> difference <= 0;
                case GE -> difference >= 0;
            };
        }
    }

    /**
     * One side: a model's statistic, or a number.
     *
     * @param model model name, or null for a number
     * @param metric netIncome, revenue or cash (null for a number)
     * @param stat the summary.json field (null for a number)
     * @param constant the number (NaN for a statistic)
     * @param modelIndex the model's index in the scenario, -1 for a number
     */
    public record Operand(String model, String metric, String stat, double constant, int modelIndex) {

        /** @return whether this side is a number */
        public boolean isConstant() {
            return model == null;
        }

        @Override
        public String toString() {
            return isConstant() ? VarySpec.format(constant) : model + "." + metric + "." + stat;
        }
    }

    /**
     * The two sides evaluated on one run.
     *
     * @param lhs left side
     * @param rhs right side
     * @param differenceStdError Monte Carlo standard error of lhs - rhs (NaN when the run is too short
     *                           for a batch-means error)
     */
    public record Value(double lhs, double rhs, double differenceStdError) {
        /** @return lhs - rhs */
        public double difference() {
            return lhs - rhs;
        }
    }

    /**
     * Parses a target against a scenario's models.
     *
     * @param text e.g. {@code capitation.netIncome.mean = fee-for-service.netIncome.mean}
     * @param models the scenario's model names
     * @return the target
     * @throws AnalysisInputException naming the part that is wrong, with "did you mean"
     */
    public static Target parse(String text, List<String> models) throws AnalysisInputException {
        String t = text == null ? "" : text.trim();
        Op op = null;
        int at = -1;
        int len = 0;
        for (String sym : new String[] {"<=", ">=", "=="}) {
            int i = t.indexOf(sym);
            if (i >= 0) {
                op = sym.equals("<=") ? Op.LE : sym.equals(">=") ? Op.GE : Op.EQ;
                at = i;
                len = 2;
                break;
            }
        }
        if (op == null) {
            at = t.indexOf('=');
            op = Op.EQ;
            len = 1;
        }
        if (at < 0 || t.indexOf('<') >= 0 && op != Op.LE || t.indexOf('>') >= 0 && op != Op.GE
                || t.indexOf('=', at + len) >= 0) {
            throw new AnalysisInputException("--target \"" + t + "\": expected \"LHS = RHS\", \"LHS <= RHS\" or \"LHS >= RHS\" "
                    + "with one operator, each side <model>.<metric>.<stat> or a number, e.g. "
                    + "\"capitation.netIncome.mean = fee-for-service.netIncome.mean\"");
        }
        Operand lhs = operand(t, t.substring(0, at).trim(), models);
        Operand rhs = operand(t, t.substring(at + len).trim(), models);
        if (lhs.isConstant() && rhs.isConstant()) {
            throw new AnalysisInputException("--target \"" + t + "\": expected at least one side to be a model's statistic "
                    + "(<model>.<metric>.<stat>), found two numbers");
        }
        return new Target(t, lhs, op, rhs);
    }

    private static Operand operand(String target, String side, List<String> models) throws AnalysisInputException {
        String where = "--target \"" + target + "\": ";
        if (side.isEmpty()) {
            throw new AnalysisInputException(where + "expected a side on both sides of the operator, found nothing");
        }
        if (side.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            double v = Double.parseDouble(side);
            if (!Double.isFinite(v)) {
                throw new AnalysisInputException(where + "expected a finite number, found `" + side + "`");
            }
            return new Operand(null, null, null, v, -1);
        }
        int s2 = side.lastIndexOf('.');
        int s1 = s2 <= 0 ? -1 : side.lastIndexOf('.', s2 - 1);
        if (s1 <= 0) {
            throw new AnalysisInputException(where + "expected `" + side + "` to be <model>.<metric>.<stat> (e.g. "
                    + "capitation.netIncome.mean) or a number");
        }
        String model = side.substring(0, s1);
        String metric = side.substring(s1 + 1, s2);
        String stat = side.substring(s2 + 1);
        int index = models.indexOf(model);
        if (index < 0) {
            String near = Nearest.of(model, models);
            throw new AnalysisInputException(where + "no model is named `" + model + "`" + (near != null
                    ? "; did you mean `" + near + "`?" : "") + " Models: " + String.join(", ", models) + ".");
        }
        if (!METRICS.contains(metric)) {
            String near = Nearest.of(metric, METRICS);
            throw new AnalysisInputException(where + "expected a metric netIncome, revenue or cash after `" + model + ".`, found `"
                    + metric + "`" + (near != null ? "; did you mean `" + near + "`?" : ""));
        }
        List<String> allowed = metric.equals("cash") ? CASH_STATS : METRIC_STATS;
        if (!allowed.contains(stat)) {
            String near = Nearest.of(stat, allowed);
            throw new AnalysisInputException(where + "expected a stat of " + metric + " (" + (metric.equals("cash")
                    ? String.join(", ", CASH_STATS) : METRIC_STATS_TEXT) + "), found `" + stat + "`"
                    + (near != null ? "; did you mean `" + near + "`?" : ""));
        }
        return new Operand(model, metric, stat, Double.NaN, index);
    }

    /**
     * Evaluates both sides on one run.
     *
     * @param summary the run's summary
     * @param outcomes the run's trials (for the paired error of two means)
     * @return the sides and the error of their difference
     */
    public Value evaluate(RunSummary summary, TrialOutcomes outcomes) {
        double l = value(lhs, summary);
        double r = value(rhs, summary);
        double se;
        if (!lhs.isConstant() && !rhs.isConstant() && lhs.stat().equals("mean") && rhs.stat().equals("mean")) {
            se = pairedStdError(outcomes);
        } else {
            double a = stdError(lhs, summary);
            double b = stdError(rhs, summary);
            se = Math.sqrt(a * a + b * b);
        }
        return new Value(l, r, se);
    }

    /** @return how the error of LHS - RHS is computed, in words */
    public String errorMethod() {
        if (!lhs.isConstant() && !rhs.isConstant() && lhs.stat().equals("mean") && rhs.stat().equals("mean")) {
            return "paired standard error of the two means over the same trials, sd(LHS - RHS) / sqrt(trials)";
        }
        List<String> parts = new ArrayList<>();
        for (Operand o : List.of(lhs, rhs)) {
            if (!o.isConstant()) {
                parts.add(o + ": " + errorOf(o.stat()));
            }
        }
        return String.join("; ", parts) + (lhs.isConstant() || rhs.isConstant() ? ""
                : "; combined as the square root of the sum of squares (as if independent: common random numbers "
                + "correlate them positively, so this overstates the error)");
    }

    private static String errorOf(String stat) {
        if (stat.equals("mean")) {
            return "sd / sqrt(trials)";
        }
        if (stat.startsWith("prob")) {
            return "binomial sqrt(p (1 - p) / trials)";
        }
        return "batch-means MCSE of summary.json";
    }

    private double pairedStdError(TrialOutcomes o) {
        int n = o.trials();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int t = 0; t < n; t++) {
            mean += side(lhs, o, t) - side(rhs, o, t);
        }
        mean /= n;
        double ss = 0;
        for (int t = 0; t < n; t++) {
            double d = side(lhs, o, t) - side(rhs, o, t) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    private static double side(Operand op, TrialOutcomes o, int t) {
        return op.metric().equals("revenue") ? o.revenue(op.modelIndex(), t) : o.netIncome(op.modelIndex(), t);
    }

    /**
     * @param op a side
     * @param summary a run's summary
     * @return the side's value on that run
     */
    static double value(Operand op, RunSummary summary) {
        if (op.isConstant()) {
            return op.constant();
        }
        ModelSummary m = summary.models().get(op.modelIndex());
        if (op.metric().equals("cash")) {
            return m.cash().probNegativeAnyMonth();
        }
        MetricSummary s = op.metric().equals("revenue") ? m.revenue() : m.netIncome();
        return switch (op.stat()) {
            case "mean" -> s.mean();
            case "worst5Mean" -> s.worst5Mean();
            case "probLoss" -> s.probLoss();
            default -> s.percentile(Integer.parseInt(op.stat().substring(1)));
        };
    }

    private static double stdError(Operand op, RunSummary summary) {
        if (op.isConstant()) {
            return 0;
        }
        ModelSummary m = summary.models().get(op.modelIndex());
        int n = summary.trials();
        if (op.metric().equals("cash")) {
            double p = m.cash().probNegativeAnyMonth();
            return Math.sqrt(p * (1 - p) / n);
        }
        MetricSummary s = op.metric().equals("revenue") ? m.revenue() : m.netIncome();
        switch (op.stat()) {
            case "mean":
                return s.meanStdError();
            case "probLoss":
                return Math.sqrt(s.probLoss() * (1 - s.probLoss()) / n);
            case "worst5Mean":
                return s.mcse() == null ? Double.NaN : s.mcse().worst5Mean();
            default:
                return s.mcse() == null ? Double.NaN
                        : s.mcse().quantiles()[percentileIndex(Integer.parseInt(op.stat().substring(1)))];
        }
    }

    private static int percentileIndex(int percent) {
        for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
            if (Summaries.PERCENTILES[i] == percent) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a summary percentile: " + percent);
    }

    @Override
    public String toString() {
        return lhs + " " + op.symbol() + " " + rhs;
    }
}
