package org.payrisk.report.render;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.ResponseSummary;

/**
 * The incentive chart ({@code incentives}): for each model, what one more attended follow-up visit,
 * billed unit and avoided cancellation adds to the year's net income, with bars of two Monte Carlo
 * standard errors either side. Data in, {@link JFreeChart} out, like {@link RiskCharts}; a summary
 * without incentives yields no chart. Thread safe: no state.
 */
final class IncentiveCharts {

    /** The incentives charted, as named in summary.json, with their legend labels. */
    private static final List<String[]> SHOWN = List.of(
            new String[] {"followUpVisit", "one more follow-up visit"},
            new String[] {"unitPerVisit", "one more billed unit"},
            new String[] {"avoidedCancellation", "one avoided cancellation"});

    private IncentiveCharts() {
    }

    /** @return the chart, or an empty list when the summary priced no incentives */
    static List<RiskCharts.ChartSpec> all(Document s, String context) {
        ResponseSummary r = s.summary().responses();
        if (r == null || r.models().isEmpty() || r.models().get(0).incentives().isEmpty()) {
            return List.of();
        }
        List<String> labels = Names.uniqueLabels(r.models().stream().map(ResponseSummary.Model::name).toList());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int k = 0; k < SHOWN.size(); k++) {
            YIntervalSeries series = new YIntervalSeries(SHOWN.get(k)[1], false, true);
            for (int m = 0; m < r.models().size(); m++) {
                for (ResponseSummary.Incentive i : r.models().get(m).incentives()) {
                    if (i.name().equals(SHOWN.get(k)[0]) && Double.isFinite(i.perUnit())) {
                        double se = Double.isFinite(i.stdError()) ? i.stdError() : 0;
                        // the three incentives of a model side by side around its tick
                        series.add(m + (k - 1) * 0.2, i.perUnit(), i.perUnit() - AnalysisCharts.BAND_Z * se,
                                i.perUnit() + AnalysisCharts.BAND_Z * se);
                    }
                }
            }
            data.addSeries(series);
        }
        SymbolAxis x = new SymbolAxis("Payment model", labels.toArray(new String[0]));
        x.setGridBandsVisible(false);
        ChartStyle.style(x);
        NumberAxis y = ChartStyle.moneyAxis("Change of the year's net income");
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        for (int k = 0; k < SHOWN.size(); k++) {
            renderer.setSeriesPaint(k, ChartStyle.modelColour(k));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.style(plot);
        String title = "What is one more visit, unit or kept appointment worth under each model?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Second passes over the same patients; bars: two Monte Carlo standard errors either side");
        return List.of(new RiskCharts.ChartSpec("incentives", "incentives", title,
                "Each point is the change of the year's mean net income per one more attended follow-up visit, billed unit "
                        + "or avoided cancellation under that model: above zero the model pays the practice for it, below "
                        + "zero it costs the practice.",
                chart));
    }
}
