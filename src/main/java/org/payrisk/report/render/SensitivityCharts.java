package org.payrisk.report.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.Sensitivity;

/**
 * The "What drives the risk" charts, from a summary's {@code sensitivity} object: a tornado chart per
 * model and per paired difference (one bar per input, from the output's mean in the tenth of years
 * with the input's lowest values to the mean in the tenth with its highest, sorted by swing, the
 * overall mean marked) and a spider chart per model (the output's mean in each tenth of each input).
 * Styled by {@link ChartStyle}, returned as {@link RiskCharts.ChartSpec}s for {@link ChartWriter}, like
 * every other chart. Thread safe: no state.
 */
final class SensitivityCharts {

    /** At most this many inputs per tornado (the largest swings), so the bars stay readable. */
    static final int MAX_BARS = 10;

    /** At most this many inputs per spider chart: more lines than this cannot be told apart. */
    static final int MAX_LINES = 6;

    private SensitivityCharts() {
    }

    /**
     * @param s a summary
     * @return its tornado charts (models, then pairs) and spider charts (models); none when the summary
     *         has no sensitivity or no input varies
     */
    static List<RiskCharts.ChartSpec> all(Document s) {
        Sensitivity sens = s.summary().sensitivity();
        List<RiskCharts.ChartSpec> out = new ArrayList<>();
        if (sens == null) {
            return out;
        }
        List<String> names = s.models().stream().map(m -> m.name()).toList();
        List<String> slugs = Names.uniqueSlugs(names);
        String context = Names.plain(s.scenarioName()) + "  \u00b7  " + PlainNumbers.count(s.trials()) + " simulated years";
        for (Sensitivity.Output o : sens.outputs()) {
            List<Sensitivity.Effect> shown = bySwing(o);
            if (shown.isEmpty()) {
                continue;
            }
            String slug = o.isDifference() ? slugs.get(s.modelIndex(o.a())) + "-vs-" + slugs.get(s.modelIndex(o.b()))
                    : slugs.get(s.modelIndex(o.model()));
            out.add(tornado(s, o, shown, "tornado-" + slug, context));
        }
        for (Sensitivity.Output o : sens.outputs()) {
            List<Sensitivity.Effect> shown = bySwing(o);
            if (!o.isDifference() && !shown.isEmpty()) {
                out.add(spider(s, o, shown.subList(0, Math.min(MAX_LINES, shown.size())),
                        "spider-" + slugs.get(s.modelIndex(o.model())), context));
            }
        }
        return out;
    }

    /** The output in words: "fee-for-service's net income", "capitation minus fee-for-service". */
    static String outputName(Sensitivity.Output o) {
        return Names.plain(o.isDifference() ? o.a() + " minus " + o.b() : o.model() + "'s net income");
    }

    /**
     * The effects with a defined rank correlation, largest swing first (input order among equal
     * swings), at most {@value #MAX_BARS}.
     */
    static List<Sensitivity.Effect> bySwing(Sensitivity.Output o) {
        List<Sensitivity.Effect> shown = new ArrayList<>(o.effects().stream()
                .filter(e -> !Double.isNaN(e.spearman()) && Double.isFinite(e.swing())).toList());
        shown.sort(Comparator.comparingDouble((Sensitivity.Effect e) -> -Math.abs(e.swing())));
        return shown.subList(0, Math.min(MAX_BARS, shown.size()));
    }

    private static int colourOf(Document s, Sensitivity.Output o) {
        return s.modelIndex(o.isDifference() ? o.a() : o.model());
    }

    static RiskCharts.ChartSpec tornado(Document s, Sensitivity.Output o, List<Sensitivity.Effect> shown, String slug,
                                        String context) {
        int n = shown.size();
        String[] labels = new String[n];
        XYIntervalSeries low = new XYIntervalSeries("Tenth of years with the input's lowest values");
        XYIntervalSeries high = new XYIntervalSeries("Tenth of years with the input's highest values");
        double base = o.mean();
        for (int i = 0; i < n; i++) {
            // The largest swing goes on top: a horizontal plot draws position 0 at the bottom.
            int row = n - 1 - i;
            Sensitivity.Effect e = shown.get(i);
            labels[row] = InputLabels.label(e.input());
            low.add(row, row - 0.35, row + 0.35, base, Math.min(base, e.meanLowDecile()), Math.max(base, e.meanLowDecile()));
            high.add(row, row - 0.35, row + 0.35, base, Math.min(base, e.meanHighDecile()), Math.max(base, e.meanHighDecile()));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(low);
        data.addSeries(high);
        SymbolAxis inputs = new SymbolAxis(null, labels);
        inputs.setGridBandsVisible(false);
        ChartStyle.style(inputs);
        NumberAxis money = ChartStyle.moneyAxis(o.isDifference() ? "Average difference in net income (A minus B)"
                : "Average net income");
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        Color colour = ChartStyle.modelColour(colourOf(s, o));
        bars.setSeriesPaint(0, ChartStyle.tint(colour, 0.6));
        bars.setSeriesPaint(1, colour);
        XYPlot plot = new XYPlot(data, inputs, money, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ChartStyle.style(plot);
        plot.addRangeMarker(baseMarker(base));
        String what = outputName(o);
        String title = "What moves " + what + " most?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Each bar runs from the average in the tenth of years with an input's lowest values to the tenth "
                        + "with its highest; the black line is the average over all years");
        return new RiskCharts.ChartSpec(slug, "tornado", title,
                "Each bar shows how far " + what + " moves, on average, between the tenth of simulated years with an "
                        + "input's lowest values (light part) and the tenth with its highest (dark part); the longest "
                        + "bars, at the top, are the inputs that drive the risk most.",
                chart);
    }

    static RiskCharts.ChartSpec spider(Document s, Sensitivity.Output o, List<Sensitivity.Effect> shown, String slug,
                                       String context) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> labels = Names.uniqueLabels(shown.stream().map(e -> InputLabels.label(e.input())).toList());
        for (int i = 0; i < shown.size(); i++) {
            XYSeries line = new XYSeries(labels.get(i), false, true);
            double[] d = shown.get(i).deciles();
            for (int g = 0; g < d.length; g++) {
                if (Double.isFinite(d[g])) {
                    line.add(g + 1, d[g]);
                }
            }
            data.addSeries(line);
        }
        NumberAxis tenths = new NumberAxis("Tenth of simulated years, from the input's lowest values (1) to its highest (10)");
        tenths.setTickUnit(new NumberTickUnit(1));
        tenths.setRange(0.5, Sensitivity.DECILES + 0.5);
        ChartStyle.style(tenths);
        NumberAxis money = ChartStyle.moneyAxis("Average net income");
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < shown.size(); i++) {
            lines.setSeriesPaint(i, ChartStyle.modelColour(i));
            lines.setSeriesStroke(i, ChartStyle.modelStroke(i));
        }
        XYPlot plot = new XYPlot(data, tenths, money, lines);
        ChartStyle.style(plot);
        plot.addRangeMarker(baseMarker(o.mean()));
        String what = outputName(o);
        String title = "How " + what + " follows each input";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Average net income in each tenth of simulated years, ordered by the input's value; "
                        + "one line per input (colours here mark inputs, not models)");
        return new RiskCharts.ChartSpec(slug, "spider", title,
                "Each line follows one input from the tenth of simulated years with its lowest values (left) to the "
                        + "tenth with its highest (right); a steep line is an input that drives " + what
                        + ", a flat one an input that does not.",
                chart);
    }

    private static ValueMarker baseMarker(double mean) {
        ValueMarker m = new ValueMarker(mean, Color.BLACK, ChartStyle.ZERO_STROKE);
        ChartStyle.label(m, "average " + ChartStyle.moneyFormat().format(mean), Color.BLACK);
        // At the foot of the line, where the shortest bars leave room.
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }
}
