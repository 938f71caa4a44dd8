package org.payrisk.report.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.payrisk.analysis.InputCorrelations;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.ModelSummary;

/**
 * The report's "How sure are we" section, formatted: the headline figures with their intervals across
 * the outer draws of parameter uncertainty, and the correlated inputs with the rank correlations asked
 * for and, when the matrix had to be repaired, those used. Money is whole dollars, shares are
 * percentages with two decimals, like the headline table. Thread safe: immutable.
 *
 * @param uncertainty the intervals table, empty when the run drew no outer draws
 * @param uncertaintyNote what the intervals are, in words (empty without them)
 * @param correlations the correlated pairs, empty when no input was correlated
 * @param repair the repaired matrix, empty when no repair was needed
 * @param repairNote what the repair changed, in words (empty without one)
 */
record HowSureView(List<IntervalRow> uncertainty, String uncertaintyNote, List<PairRow> correlations,
                   List<MatrixRow> repair, String repairNote) {

    HowSureView {
        uncertainty = List.copyOf(uncertainty);
        correlations = List.copyOf(correlations);
        repair = List.copyOf(repair);
    }

    boolean hasUncertainty() {
        return !uncertainty.isEmpty();
    }

    boolean hasCorrelations() {
        return !correlations.isEmpty();
    }

    boolean hasRepair() {
        return !repair.isEmpty();
    }

    /**
     * One figure of one model.
     *
     * @param first whether this is the model's first row
     * @param span rows of this model
     * @param model the model
     * @param figure the figure in words
     * @param value the run's own figure, at the scenario's values
     * @param median the median across outer draws
     * @param low the 5th percentile across outer draws
     * @param high the 95th percentile across outer draws
     */
    record IntervalRow(boolean first, int span, String model, String figure, String value, String median, String low,
                       String high) {
    }

    /**
     * One correlated pair.
     *
     * @param a one input's path
     * @param b the other's
     * @param rank the Spearman rank correlation asked for
     * @param used the rank correlation sampled with, after any repair (the inverse of 2 sin(pi r / 6))
     */
    record PairRow(String a, String b, String rank, String used) {
    }

    /**
     * One row of a matrix.
     *
     * @param input the row's input
     * @param cells its entries, two decimals
     */
    record MatrixRow(String input, List<String> cells) {
    }

    /**
     * @param s a summary
     * @return the section, or null when the run has neither parameter uncertainty nor correlated inputs
     */
    static HowSureView of(Document s) {
        ParameterUncertainty.Result u = s.analyses().uncertainty();
        InputCorrelations c = s.analyses().correlations();
        if (u == null && c == null) {
            return null;
        }
        List<IntervalRow> rows = new ArrayList<>();
        String note = "";
        if (u != null) {
            for (ModelSummary m : s.models()) {
                ParameterUncertainty.ModelIntervals band = u.model(m.name());
                if (band == null) {
                    continue;
                }
                boolean first = true;
                for (Map.Entry<String, ParameterUncertainty.Interval> e : band.figures().entrySet()) {
                    boolean money = !e.getKey().startsWith("prob") && !e.getKey().startsWith("cash");
                    double own = switch (e.getKey()) {
                        case "mean" -> m.netIncome().mean();
                        case "p05" -> m.netIncome().percentile(5);
                        case "p50" -> m.netIncome().percentile(50);
                        case "probLoss" -> m.netIncome().probLoss();
                        case "cashProbNegativeAnyMonth" -> m.cash() == null ? Double.NaN : m.cash().probNegativeAnyMonth();
                        default -> throw new IllegalStateException("no headline figure " + e.getKey());
                    };
                    rows.add(new IntervalRow(first, band.figures().size(), m.name(), figure(e.getKey()),
                            format(own, money), format(e.getValue().median(), money), format(e.getValue().p05(), money),
                            format(e.getValue().p95(), money)));
                    first = false;
                }
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < u.parameters().size(); i++) {
                params.add(u.parameters().get(i) + " ~ " + u.distributions().get(i));
            }
            note = "Each of " + PlainNumbers.count(u.outer()) + " outer draws set " + String.join("; ", params)
                    + ", then ran " + PlainNumbers.count(u.trialsPerDraw()) + " simulated years with the same patients "
                    + "(common random numbers). The interval is the 5th to 95th percentile of the figure across the "
                    + "outer draws: what is not known about these parameters, apart from the year-to-year luck.";
        }
        List<PairRow> pairs = new ArrayList<>();
        List<MatrixRow> repair = new ArrayList<>();
        String repairNote = "";
        if (c != null) {
            for (int i = 0; i < c.inputs().size(); i++) {
                for (int j = i + 1; j < c.inputs().size(); j++) {
                    if (c.rank()[i][j] != 0) {
                        double used = 6 / Math.PI * Math.asin(c.used()[i][j] / 2);
                        pairs.add(new PairRow(c.inputs().get(i), c.inputs().get(j), two(c.rank()[i][j]), two(used)));
                    }
                }
            }
            if (c.repaired()) {
                for (int i = 0; i < c.inputs().size(); i++) {
                    List<String> cells = new ArrayList<>();
                    for (double v : c.used()[i]) {
                        cells.add(two(v));
                    }
                    repair.add(new MatrixRow(c.inputs().get(i), cells));
                }
                repairNote = "The rank correlations asked for cannot all hold at once: their normal correlation matrix "
                        + "is not positive definite. The run used the nearest correlation matrix (Higham 2002, below, "
                        + "normal correlations), which changes an entry by up to " + two(c.largestChange()) + ".";
            }
        }
        return new HowSureView(rows, note, pairs, repair, repairNote);
    }

    private static String figure(String key) {
        return switch (key) {
            case "mean" -> "Mean net income";
            case "p05" -> "1 year in 20 (5th pct)";
            case "p50" -> "Median net income";
            case "probLoss" -> "Chance of a loss";
            case "cashProbNegativeAnyMonth" -> "Chance the bank balance goes below zero";
            default -> Brief.humanize(key);
        };
    }

    private static String format(double v, boolean money) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return money ? ChartStyle.moneyFormat().format(Math.abs(v) < 0.5 ? 0.0 : v)
                : new DecimalFormat("0.00%", DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }

    private static String two(double v) {
        return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(Math.abs(v) < 0.005 ? 0.0 : v);
    }
}
