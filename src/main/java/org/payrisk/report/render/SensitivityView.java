package org.payrisk.report.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.Sensitivity;

/**
 * The report's "What drives the risk" section, formatted: one sentence for each reader, the table of
 * every output's inputs (largest swing first) and the charts. Money is whole dollars like the rest of
 * the report; correlations have two decimals. Thread safe: immutable.
 *
 * @param readers one plain sentence each for a practice owner, a researcher and (with two models or
 *                more) an advocate comparing payment models
 * @param rows the table, grouped by output
 * @param figures the tornado and spider charts
 * @param stdErrorMethod how the correlations' standard errors were estimated, in words
 */
record SensitivityView(List<String> readers, List<Row> rows, List<ReportView.Figure> figures, String stdErrorMethod) {

    SensitivityView {
        readers = List.copyOf(readers);
        rows = List.copyOf(rows);
        figures = List.copyOf(figures);
    }

    /**
     * One table row: an input's effect on an output.
     *
     * @param first whether this is the output's first row (it carries the output cells)
     * @param span rows of this output
     * @param output the output in words
     * @param rSquared share of the output's rank variance the recorded inputs explain, percent
     * @param input the input in words
     * @param path the input's field path
     * @param spearman rank correlation
     * @param spearmanStdError its standard error
     * @param contribution contribution to variance, signed, percent
     * @param low mean in the tenth of years with the input's lowest values, dollars
     * @param high mean in the tenth with its highest, dollars
     */
    record Row(boolean first, int span, String output, String rSquared, String input, String path, String spearman,
               String spearmanStdError, String contribution, String low, String high) {
    }

    /**
     * @param s a summary
     * @param figures its sensitivity charts, already written
     * @return the section, or empty when the summary has no sensitivity or no input varies
     */
    static Optional<SensitivityView> of(Document s, List<ReportView.Figure> figures) {
        Sensitivity sens = s.summary().sensitivity();
        if (sens == null) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (Sensitivity.Output o : sens.outputs()) {
            List<Sensitivity.Effect> shown = SensitivityCharts.bySwing(o);
            for (int i = 0; i < shown.size(); i++) {
                Sensitivity.Effect e = shown.get(i);
                rows.add(new Row(i == 0, shown.size(), SensitivityCharts.outputName(o), percent(o.rankRSquared()),
                        InputLabels.label(e.input()), Names.plain(e.input()), twoDecimals(e.spearman()),
                        twoDecimals(e.spearmanStdError()), percent(e.contributionToVariance()),
                        money(e.meanLowDecile()), money(e.meanHighDecile())));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> readers = new ArrayList<>();
        Sensitivity.Output widest = null;
        for (Sensitivity.Output o : sens.outputs()) {
            if (!o.isDifference() && !SensitivityCharts.bySwing(o).isEmpty() && (widest == null
                    || Math.abs(SensitivityCharts.bySwing(o).get(0).swing())
                    > Math.abs(SensitivityCharts.bySwing(widest).get(0).swing()))) {
                widest = o;
            }
        }
        if (widest != null) {
            Sensitivity.Effect e = SensitivityCharts.bySwing(widest).get(0);
            readers.add("For the practice: of everything the scenario leaves to chance, " + InputLabels.label(e.input())
                    + " moves income the most, under " + Names.plain(widest.model()) + ": net income averages "
                    + money(e.meanLowDecile()) + " in the tenth of simulated years with its lowest values and "
                    + money(e.meanHighDecile()) + " in the tenth with its highest.");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sensitivity.Output o : sens.outputs()) {
            if (!o.isDifference() && Double.isFinite(o.rankRSquared())) {
                lo = Math.min(lo, o.rankRSquared());
                hi = Math.max(hi, o.rankRSquared());
            }
        }
        if (lo <= hi) {
            readers.add("For researchers: the recorded inputs explain " + (percent(lo).equals(percent(hi)) ? percent(lo)
                    : percent(lo) + " to " + percent(hi)) + " of the variance of the ranks of net income (R\u00b2 of a "
                    + "rank regression); the rest is the practice's own randomness (arrivals, attendance, claims). "
                    + "Correlations are Spearman's, with standard errors by " + shortMethod(sens.stdErrorMethod()) + ".");
        }
        for (Sensitivity.Output o : sens.outputs()) {
            if (o.isDifference() && !SensitivityCharts.bySwing(o).isEmpty()) {
                Sensitivity.Effect e = SensitivityCharts.bySwing(o).get(0);
                readers.add("For comparing payment models: how much more " + Names.plain(o.a()) + " pays than "
                        + Names.plain(o.b()) + " for the same patients depends most on " + InputLabels.label(e.input())
                        + ": the difference averages " + money(e.meanLowDecile()) + " in the tenth of years with its "
                        + "lowest values and " + money(e.meanHighDecile()) + " in the tenth with its highest.");
                break;
            }
        }
        return Optional.of(new SensitivityView(readers, rows, figures, sens.stdErrorMethod()));
    }

    /** The method's name, the part before its first colon. */
    private static String shortMethod(String method) {
        int colon = method.indexOf(':');
        return colon > 0 ? method.substring(0, colon) : method.isEmpty() ? "an unstated method" : method;
    }

    private static String twoDecimals(double v) {
        return Double.isNaN(v) ? "n/a" : new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(Math.abs(v) < 0.005 ? 0.0 : v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.US))
                .format(Math.abs(v) < 0.005 ? 0.0 : v);
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "n/a" : ChartStyle.moneyFormat().format(Math.abs(v) < 0.5 ? 0.0 : v);
    }
}
