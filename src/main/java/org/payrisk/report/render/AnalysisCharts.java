package org.payrisk.report.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.payrisk.analysis.CertaintyEquivalents;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.analysis.Stopping;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.ModelSummary;

/**
 * The charts of the analyses summary.json may carry: certainty equivalent against risk tolerance
 * ({@code certainty-equivalent}), and, for a precision-targeted run, the running mean and 5th
 * percentile with their Monte Carlo error bands against trials ({@code convergence}). Data in,
 * {@link JFreeChart} out, like {@link RiskCharts}; a summary without the analysis yields no chart.
 * Thread safe: no state.
 */
final class AnalysisCharts {

    /** Half-width of the error bands, in standard errors: about a 95% interval. */
    static final double BAND_Z = 2;

    private AnalysisCharts() {
    }

    /** Every analysis chart the summary has data for, in report order. */
    static List<RiskCharts.ChartSpec> all(Document s) {
        String context = Names.plain(s.scenarioName()) + "  \u00b7  " + PlainNumbers.count(s.trials()) + " simulated years";
        List<RiskCharts.ChartSpec> out = new ArrayList<>();
        if (s.analyses().certaintyEquivalents() != null) {
            out.add(certaintyEquivalent(s, context));
        }
        if (s.analyses().stopping() != null && !s.analyses().stopping().convergence().isEmpty()) {
            out.add(convergence(s, context));
        }
        out.addAll(IncentiveCharts.all(s, context));
        if (s.analyses().uncertainty() != null) {
            out.add(uncertainty(s, context));
        }
        return out;
    }

    static RiskCharts.ChartSpec certaintyEquivalent(Document s, String context) {
        List<String> labels = Names.uniqueLabels(s.models().stream().map(ModelSummary::name).toList());
        XYSeriesCollection data = new XYSeriesCollection();
        CertaintyEquivalents.Result ce = s.analyses().certaintyEquivalents();
        // the grid's tolerances at even spacing (they roughly double), the risk-neutral mean last
        List<String> ticks = new ArrayList<>();
        for (CertaintyEquivalents.Point p : ce.byModel().get(0)) {
            ticks.add(Double.isFinite(p.riskTolerance()) ? PlainNumbers.dollars(p.riskTolerance()) : "risk neutral (mean)");
        }
        for (int i = 0; i < s.models().size(); i++) {
            XYSeries series = new XYSeries(labels.get(i), false, true);
            List<CertaintyEquivalents.Point> points = ce.byModel().get(i);
            for (int k = 0; k < points.size(); k++) {
                series.add(k, points.get(k).value());
            }
            data.addSeries(series);
        }
        SymbolAxis x = new SymbolAxis("Owner's risk tolerance (further right = less worried by a bad year)",
                ticks.toArray(new String[0]));
        x.setGridBandsVisible(false);
        ChartStyle.style(x);
        NumberAxis y = ChartStyle.moneyAxis("Sure income worth the same as the uncertain year");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < s.models().size(); i++) {
            r.setSeriesPaint(i, ChartStyle.modelColour(i));
            r.setSeriesStroke(i, ChartStyle.modelStroke(i));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartStyle.style(plot);
        String title = "What is a year under each model worth to a cautious owner?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Certainty equivalent under constant absolute risk aversion; the risk-neutral limit is the mean");
        return new RiskCharts.ChartSpec("certainty-equivalent", "certainty-equivalent", title,
                "Each line shows the sure income an owner would take instead of a year under that payment model, "
                        + "by how much risk the owner can stomach: on the left a cautious owner, to whom a bad year "
                        + "weighs heavily; on the right the line approaches the average year. Where two lines cross, "
                        + "the preferred model changes.",
                chart);
    }

    /**
     * The 1-in-20 figure of each model with its uncertainty band: the run's own figure (a dot), and the
     * 5th to 95th percentile of that figure across the outer draws of the uncertain parameters.
     */
    static RiskCharts.ChartSpec uncertainty(Document s, String context) {
        List<String> labels = Names.uniqueLabels(s.models().stream().map(ModelSummary::name).toList());
        ParameterUncertainty.Result u = s.analyses().uncertainty();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalRenderer r = new YIntervalRenderer();
        XYSeries own = new XYSeries("At the scenario's values", false, true);
        for (int i = 0; i < s.models().size(); i++) {
            YIntervalSeries series = new YIntervalSeries(labels.get(i), false, true);
            ParameterUncertainty.Interval band = u.model(s.models().get(i).name()).figures().get("p05");
            series.add(i, band.median(), band.p05(), band.p95());
            own.add(i, s.models().get(i).netIncome().percentile(5));
            data.addSeries(series);
            r.setSeriesPaint(i, ChartStyle.modelColour(i));
            r.setSeriesStroke(i, new java.awt.BasicStroke(4f));
        }
        SymbolAxis x = new SymbolAxis("Payment model", labels.toArray(new String[0]));
        x.setGridBandsVisible(false);
        x.setRange(-0.6, s.models().size() - 0.4);
        ChartStyle.style(x);
        NumberAxis y = ChartStyle.moneyAxis("Net income in a 1-in-20 bad year (P5)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        plot.setDataset(1, new XYSeriesCollection(own));
        plot.setRenderer(1, dots);
        ChartStyle.style(plot);
        String title = "How sure is the 1-in-20 figure, given what is not known?";
        JFreeChart chart = ChartStyle.chart(title, plot, false, context, "Bars: 5th to 95th percentile across "
                + PlainNumbers.count(u.outer()) + " outer draws of " + String.join(", ", u.parameters()));
        return new RiskCharts.ChartSpec("uncertainty", "uncertainty", title,
                "The black dot is each model's 1-in-20 figure at the scenario's own values. The bar spans the same "
                        + "figure when the uncertain parameters take other plausible values (5th to 95th percentile "
                        + "across the outer draws): the wider the bar, the more the "
                        + "answer depends on what we do not know.",
                chart);
    }

    /** A share as a percentage to 3 significant figures: 0.005 is "0.5%" (whole percents would say "less than 1%"). */
    static String share(double p) {
        return new java.math.BigDecimal(p * 100).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }

    static RiskCharts.ChartSpec convergence(Document s, String context) {
        List<String> labels = Names.uniqueLabels(s.models().stream().map(ModelSummary::name).toList());
        Stopping stop = s.analyses().stopping();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.2f);
        int series = 0;
        for (int i = 0; i < s.models().size(); i++) {
            YIntervalSeries mean = new YIntervalSeries(labels.get(i) + ": mean", false, true);
            YIntervalSeries p05 = new YIntervalSeries(labels.get(i) + ": 1 year in 20 (P5)", false, true);
            for (Stopping.Checkpoint c : stop.convergence()) {
                Stopping.Estimate e = c.models().get(i);
                mean.add(c.trials(), e.mean(), e.mean() - BAND_Z * e.meanStdError(), e.mean() + BAND_Z * e.meanStdError());
                double se = Double.isFinite(e.p05Mcse()) ? e.p05Mcse() : 0;
                p05.add(c.trials(), e.p05(), e.p05() - BAND_Z * se, e.p05() + BAND_Z * se);
            }
            data.addSeries(mean);
            data.addSeries(p05);
            Color colour = ChartStyle.modelColour(i);
            for (int k = 0; k < 2; k++) {
                r.setSeriesPaint(series + k, colour);
                r.setSeriesFillPaint(series + k, colour);
            }
            r.setSeriesStroke(series, ChartStyle.modelStroke(i));
            r.setSeriesStroke(series + 1, ChartStyle.DASHED);
            series += 2;
        }
        NumberAxis x = new NumberAxis("Trials run");
        x.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.US));
        ChartStyle.style(x);
        NumberAxis y = ChartStyle.moneyAxis("Net income in the year");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        ChartStyle.style(plot);
        String title = "Did the run settle? Running estimates as trials were added";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context, (stop.reached()
                ? "Stopped when every model's mean and 1-in-20 figure were known to within "
                : "Stopped at the cap, before reaching ") + share(stop.precision()) + " of the mean");
        return new RiskCharts.ChartSpec("convergence", "convergence", title,
                "For each model the solid line is the mean net income and the dashed line the 1-in-20 figure (5th "
                        + "percentile) after each batch of trials, each in a band of two Monte Carlo standard errors "
                        + "either side: once the bands are narrow and the lines flat, more trials would not change "
                        + "the figures much.",
                chart);
    }
}
