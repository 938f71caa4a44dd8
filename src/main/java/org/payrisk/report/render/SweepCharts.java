package org.payrisk.report.render;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Sweep;
import org.payrisk.analysis.VarySpec;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.RunSummary;

/**
 * The charts of a sweep (each metric against the parameter, one line per model with a +/-2 MCSE band;
 * with two parameters, heat maps of each model's mean net income and of each paired difference) and
 * of a solve (both sides of the target against the value, the root and its interval marked).
 * Data are built from the analysis records; drawing goes through {@link ChartWriter}. Stateless.
 */
final class SweepCharts {

    private SweepCharts() {
    }

    /** A metric of one model at one point, and its Monte Carlo standard error. */
    private record Metric(String slug, String title, String axis, boolean money,
                          ToDoubleBiFunction<ModelSummary, Integer> value, ToDoubleBiFunction<ModelSummary, Integer> error) {
    }

    private static List<Metric> metrics() {
        return List.of(
                new Metric("mean-net-income", "Average annual net income", "Mean net income", true,
                        (m, n) -> m.netIncome().mean(), (m, n) -> m.netIncome().meanStdError()),
                new Metric("bad-year-net-income", "Net income in a bad year (1 year in 20)", "5th percentile of net income",
                        true, (m, n) -> m.netIncome().percentile(5),
                        (m, n) -> m.netIncome().mcse() == null ? 0 : m.netIncome().mcse().quantiles()[1]),
                new Metric("prob-loss", "Chance of a loss year", "P(net income < 0)", false,
                        (m, n) -> m.netIncome().probLoss(),
                        (m, n) -> Math.sqrt(m.netIncome().probLoss() * (1 - m.netIncome().probLoss()) / n)),
                new Metric("prob-cash-negative", "Chance the bank balance goes below zero", "P(cash < 0 in some month)", false,
                        (m, n) -> m.cash() == null ? Double.NaN : m.cash().probNegativeAnyMonth(),
                        (m, n) -> m.cash() == null ? 0 : m.cash().probNegativeAnyMonthStdError()));
    }

    /** @return the charts of a sweep, in report order */
    static List<RiskCharts.ChartSpec> sweep(Sweep.Result r, String scenarioName) {
        Sweep sweep = r.sweep();
        int n = r.settings().trials();
        String context = Names.plain(scenarioName) + "  \u00b7  " + PlainNumbers.count(n) + " simulated years at each point, "
                + "seed " + r.settings().seed();
        List<String> models = sweep.base().modelNames();
        List<String> slugs = Names.uniqueSlugs(models);
        List<RiskCharts.ChartSpec> out = new ArrayList<>();
        if (sweep.parameters().size() == 1) {
            String x = sweep.parameters().get(0).text();
            for (Metric metric : metrics()) {
                YIntervalSeriesCollection data = new YIntervalSeriesCollection();
                for (int m = 0; m < models.size(); m++) {
                    YIntervalSeries s = new YIntervalSeries(Names.plain(models.get(m)));
                    for (int p = 0; p < sweep.points().size(); p++) {
                        ModelSummary ms = r.summaries().get(p).models().get(m);
                        double v = metric.value().applyAsDouble(ms, n);
                        double e = 2 * metric.error().applyAsDouble(ms, n);
                        if (Double.isFinite(v)) {
                            s.add(sweep.points().get(p).values()[0], v, v - e, v + e);
                        }
                    }
                    data.addSeries(s);
                }
                DeviationRenderer renderer = new DeviationRenderer(true, true);
                renderer.setAlpha(0.25f);
                for (int m = 0; m < models.size(); m++) {
                    renderer.setSeriesPaint(m, ChartStyle.modelColour(m));
                    renderer.setSeriesFillPaint(m, ChartStyle.modelColour(m));
                    renderer.setSeriesStroke(m, ChartStyle.modelStroke(m));
                }
                NumberAxis xAxis = new NumberAxis(Names.plain(x));
                xAxis.setAutoRangeIncludesZero(false);
                ChartStyle.style(xAxis);
                NumberAxis yAxis = metric.money() ? ChartStyle.moneyAxis(metric.axis()) : ChartStyle.percentAxis(metric.axis());
                XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
                ChartStyle.style(plot);
                JFreeChart chart = ChartStyle.chart(metric.title() + " as " + Names.plain(x) + " varies", plot, true, context,
                        "Lines: each model; bands: \u00b12 Monte Carlo standard errors. Same simulated years at every point.");
                out.add(new RiskCharts.ChartSpec("sweep-" + metric.slug(), "sweep", metric.title(),
                        metric.title() + " against " + Names.plain(x) + ", one line per model, with a band of \u00b12 Monte "
                        + "Carlo standard errors.", chart));
            }
            return out;
        }
        for (int m = 0; m < models.size(); m++) {
            final int model = m;
            out.add(heat(r, "heat-" + slugs.get(m), "Average annual net income: " + Names.plain(models.get(m)), context,
                    s -> s.models().get(model).netIncome().mean()));
        }
        List<PairedComparison> first = r.summaries().get(0).comparisons();
        for (int c = 0; c < first.size(); c++) {
            final int comp = c;
            PairedComparison pc = first.get(c);
            out.add(heat(r, "heat-" + Names.uniqueSlugs(List.of(pc.a() + "-minus-" + pc.b())).get(0),
                    "Mean difference: " + Names.plain(pc.a()) + " minus " + Names.plain(pc.b()), context,
                    s -> s.comparisons().get(comp).meanDifference()));
        }
        return out;
    }

    private static RiskCharts.ChartSpec heat(Sweep.Result r, String slug, String title, String context,
                                            java.util.function.ToDoubleFunction<RunSummary> f) {
        Sweep sweep = r.sweep();
        VarySpec px = sweep.parameters().get(0);
        VarySpec py = sweep.parameters().get(1);
        int nx = px.values().length;
        int ny = py.values().length;
        double[][] xyz = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < sweep.points().size(); p++) {
            double v = f.applyAsDouble(r.summaries().get(p));
            xyz[0][p] = p / ny;
            xyz[1][p] = p % ny;
            xyz[2][p] = v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = new Diverging(lo, hi);
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(Names.plain(px.text()), labels(px.values()));
        SymbolAxis yAxis = new SymbolAxis(Names.plain(py.text()), labels(py.values()));
        ChartStyle.style(xAxis);
        ChartStyle.style(yAxis);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        ChartStyle.style(plot);
        JFreeChart chart = ChartStyle.chart(title, plot, false, context,
                "Colour: blue below zero, orange above; the darker, the further from zero.");
        NumberAxis scaleAxis = ChartStyle.moneyAxis("");
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 10, 4, 4);
        chart.addSubtitle(legend);
        return new RiskCharts.ChartSpec(slug, "heat", title, title + " at every point of the grid.", chart);
    }

    private static String[] labels(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = VarySpec.format(values[i]);
        }
        return s;
    }

    /** Blue below zero, orange above, white at zero; symmetric about zero when the values straddle it. */
    private static final class Diverging implements PaintScale {
        private final double lo;
        private final double hi;

        Diverging(double lo, double hi) {
            double a = lo == hi ? lo - 1 : lo;
            double b = lo == hi ? hi + 1 : hi;
            if (a < 0 && b > 0) {
                double m = Math.max(-a, b);
                a = -m;
                b = m;
            }
            this.lo = a;
            this.hi = b;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            double zero = lo < 0 && hi > 0 ? 0 : lo >= 0 ? lo : hi;
            double span = v < zero ? zero - lo : hi - zero;
            double t = span == 0 ? 0 : Math.min(1, Math.abs(v - zero) / span);
            Color end = v < zero ? new Color(0x0072B2) : new Color(0xE69F00);
            return ChartStyle.tint(end, 1 - t);
        }
    }

    /** @return the chart of a solve: both sides against the value, the root and its interval marked */
    static RiskCharts.ChartSpec solve(Solve.Result r, String scenarioName) {
        XYSeries lhs = new XYSeries("LHS: " + r.target().lhs());
        XYSeries rhs = new XYSeries("RHS: " + r.target().rhs());
        for (Solve.Evaluation e : r.evaluations()) {
            lhs.add(e.value(), e.lhs());
            rhs.add(e.value(), e.rhs());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(lhs);
        data.addSeries(rhs);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            renderer.setSeriesPaint(i, ChartStyle.modelColour(i));
            renderer.setSeriesStroke(i, ChartStyle.modelStroke(i));
        }
        NumberAxis xAxis = new NumberAxis(Names.plain(r.path()));
        xAxis.setAutoRangeIncludesZero(false);
        ChartStyle.style(xAxis);
        NumberAxis yAxis = new NumberAxis(Names.plain(r.target().text()));
        yAxis.setAutoRangeIncludesZero(false);
        ChartStyle.style(yAxis);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        ChartStyle.style(plot);
        if (Double.isFinite(r.interval()[0])) {
            IntervalMarker band = new IntervalMarker(r.interval()[0], r.interval()[1]);
            band.setPaint(ChartStyle.withAlpha(ChartStyle.modelColour(2), 60));
            plot.addDomainMarker(band);
        }
        ValueMarker root = new ValueMarker(r.value());
        root.setPaint(ChartStyle.TEXT);
        root.setStroke(ChartStyle.DASHED);
        ChartStyle.label(root, "root " + new java.math.BigDecimal(r.value()).round(new java.math.MathContext(5))
                .stripTrailingZeros().toPlainString(), ChartStyle.TEXT);
        plot.addDomainMarker(root);
        JFreeChart chart = ChartStyle.chart("Solving " + Names.plain(r.target().text()), plot, true,
                Names.plain(scenarioName) + "  \u00b7  " + PlainNumbers.count(r.settings().trials())
                + " simulated years per evaluation, seed " + r.settings().seed(),
                "Points: every evaluation (same seed and trials). Dashed line: the root; band: its 95% Monte Carlo interval.");
        return new RiskCharts.ChartSpec("solve-target", "solve", "The target against " + Names.plain(r.path()),
                "Both sides of the target at every value evaluated, with the root and its 95% interval marked.", chart);
    }
}
