package org.payrisk.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.MonthlyBand;
import org.payrisk.stats.PairedComparison;

/**
 * Builds every payrisk chart from a {@link Document}: data in, {@link JFreeChart} out, nothing drawn
 * or written here (that is {@link ChartWriter}'s job).
 *
 * <p>Titles are written for a non-specialist; the subtitle names the scenario and the trial count.
 * Each model keeps its palette colour (by scenario order) in every chart. Thread safe: no state; the
 * returned charts are new objects owned by the caller.
 */
final class RiskCharts {

    private RiskCharts() {
    }

    /**
     * One chart ready to draw.
     *
     * @param slug file name without extension, e.g. {@code monthly-fan-capitation}
     * @param kind which kind of chart this is (several charts can share a kind)
     * @param title the chart's title, also its text alternative in the report
     * @param caption one sentence telling a reader how to read the chart
     * @param chart the chart
     */
    record ChartSpec(String slug, String kind, String title, String caption, JFreeChart chart) {

        /** The same chart under another file name. */
        ChartSpec withSlug(String newSlug) {
            return new ChartSpec(newSlug, kind, title, caption, chart);
        }
    }

    /**
     * All charts for a summary, in report order: income distribution, exceedance, box plot, one
     * monthly fan per model, one difference histogram per comparison, risk bars.
     */
    static List<ChartSpec> all(Document s) {
        List<String> slugs = Names.uniqueSlugs(names(s));
        String context = Names.plain(s.scenarioName()) + "  \u00b7  " + PlainNumbers.count(s.trials()) + " simulated years";
        List<ChartSpec> out = new ArrayList<>();
        out.add(incomeDistribution(s, context));
        out.add(exceedance(s, context));
        out.add(box(s, context));
        double[] fanRange = fanRange(s);
        for (int i = 0; i < s.models().size(); i++) {
            out.add(monthlyFan(s, i, slugs.get(i), fanRange, context));
        }
        for (PairedComparison c : s.summary().comparisons()) {
            int a = s.modelIndex(c.a());
            int b = s.modelIndex(c.b());
            out.add(difference(s, c, a, b, slugs.get(a) + "-vs-" + slugs.get(b), context));
        }
        out.add(riskBars(s, context));
        return out;
    }

    // ---------------------------------------------------------------- income distribution

    static ChartSpec incomeDistribution(Document s, String context) {
        double[] edges = s.models().get(0).netIncomeHistogram().binEdges();
        int bins = edges.length - 1;
        int n = s.models().size();
        XYSeriesCollection steps = new XYSeriesCollection();
        List<String> labels = labels(s);
        for (int i = 0; i < n; i++) {
            ModelSummary m = s.models().get(i);
            // Step outline of the histogram: up from zero at the first edge, across every bin, down at the last.
            XYSeries series = new XYSeries(labels.get(i), false, true);
            long[] counts = m.netIncomeHistogram().counts();
            series.add(edges[0], 0.0);
            double share = 0;
            for (int b = 0; b < bins; b++) {
                share = counts[b] / (double) s.trials();
                series.add(edges[b], share);
            }
            series.add(edges[bins], share);
            series.add(edges[bins], 0.0);
            steps.addSeries(series);
        }

        // Above the histograms, a strip with one row per model: a bar from P5 to P95, a dot at the median.
        XYSeriesCollection intervals = new XYSeriesCollection();
        for (int i = 0; i < n; i++) {
            MetricSummary net = s.models().get(i).netIncome();
            double y = n - 1 - i + 0.5;
            XYSeries series = new XYSeries("interval " + i, false, true);
            series.add(net.percentile(5), y);
            series.add(net.percentile(50), y);
            series.add(net.percentile(95), y);
            intervals.addSeries(series);
        }

        NumberAxis x = ChartStyle.moneyAxis("Net income in the year (revenue minus costs)");
        NumberAxis y = ChartStyle.percentAxis("Share of simulated years");
        y.setUpperMargin(0.06);
        XYPlot histogram = new XYPlot(steps, null, y, lines(n, new XYStepRenderer()));
        XYStepAreaRenderer area = new XYStepAreaRenderer(XYStepAreaRenderer.AREA);
        area.setOutline(false);
        for (int i = 0; i < n; i++) {
            area.setSeriesPaint(i, ChartStyle.translucent(i, 38));
        }
        histogram.setDataset(1, steps);
        histogram.setRenderer(1, area);
        // Under REVERSE the higher dataset index is drawn first: translucent fills, then outlines on top.
        histogram.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        ChartStyle.style(histogram);
        histogram.addDomainMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.TOP_LEFT_OF_LINE));

        NumberAxis rows = new NumberAxis();
        rows.setRange(0, n);
        rows.setVisible(false);
        XYPlot strip = new XYPlot(intervals, null, rows, new IntervalRenderer(n));
        ChartStyle.style(strip);
        strip.setRangeGridlinesVisible(false);
        strip.addDomainMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.NONE));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(6);
        plot.add(strip, 1);
        plot.add(histogram, 4);
        ChartStyle.style(x);
        plot.setFixedLegendItems(modelLegend(s));
        double[] range = withZeroIfNear(edges[0], edges[bins]);
        x.setRange(range[0], range[1]);

        String title = "How much could the practice earn in a year?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Top: the middle 90% of each model's years (5th to 95th percentile), dot at the median");
        return new ChartSpec("income-distribution", "income-distribution", title,
                "Each curve shows how often each level of yearly net income came up in the simulated years "
                        + "(taller means more common); the bars at the top span the middle 90% of each model's "
                        + "years with a dot at the median, and the black line marks break-even.",
                chart);
    }

    /** Draws each model's P5-median-P95 row: end ticks, a thick line and a median dot. */
    private static final class IntervalRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private static final Shape TICK = new Rectangle2D.Double(-1.5, -8, 3, 16);
        private static final Shape DOT = new Ellipse2D.Double(-6, -6, 12, 12);
        private static final Shape SQUARE = new Rectangle2D.Double(-5.5, -5.5, 11, 11);
        private static final Shape TRIANGLE = new Polygon(new int[] {0, 7, -7}, new int[] {-7, 6, 6}, 3);

        IntervalRenderer(int models) {
            super(true, true);
            setDefaultSeriesVisibleInLegend(false);
            for (int i = 0; i < models; i++) {
                setSeriesPaint(i, ChartStyle.modelColour(i));
                setSeriesStroke(i, ChartStyle.modelStroke(i,
                        new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER)));
            }
            setUseOutlinePaint(true);
            setDefaultOutlinePaint(Color.WHITE);
            setDrawOutlines(true);
        }

        @Override
        public Shape getItemShape(int row, int column) {
            return column == 1 ? medianMarker(row) : TICK;
        }

        /**
         * A dot for the first eight models; later passes of the palette get a square, a diamond, then a
         * triangle, so two models of one colour differ in marker as well as in line.
         */
        private static Shape medianMarker(int model) {
            return switch (ChartStyle.modelPass(model) % 4) {
                case 0 -> DOT;
                case 1 -> SQUARE;
                case 2 -> diamond(7);
                default -> TRIANGLE;
            };
        }
    }

    // ---------------------------------------------------------------- exceedance (S-curve)

    static ChartSpec exceedance(Document s, String context) {
        XYSeriesCollection curves = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<String> labels = labels(s);
        for (int i = 0; i < s.models().size(); i++) {
            ModelSummary m = s.models().get(i);
            XYSeries series = new XYSeries(labels.get(i), false, true);
            for (int k = 0; k < s.quantileGrid().length; k++) {
                double v = m.netIncomeQuantiles()[k];
                series.add(v, s.quantileGrid()[k]);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            curves.addSeries(series);
        }
        NumberAxis x = ChartStyle.moneyAxis("Net income in the year");
        NumberAxis y = ChartStyle.percentAxis("Chance the year brings less than this");
        y.setRange(0, 1);
        y.setTickUnit(new NumberTickUnit(0.1, ChartStyle.percentFormat()));
        XYPlot plot = new XYPlot(curves, x, y, lines(s.models().size(), new XYLineAndShapeRenderer(true, false)));
        ChartStyle.style(plot);
        double[] range = withZeroIfNear(lo, hi);
        x.setRange(range[0], range[1]);
        plot.addDomainMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.TOP_RIGHT_OF_LINE));
        ValueMarker oneIn20 = new ValueMarker(0.05, ChartStyle.MUTED_TEXT, ChartStyle.DASHED);
        ChartStyle.label(oneIn20, "1 year in 20", ChartStyle.MUTED_TEXT);
        oneIn20.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        oneIn20.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(oneIn20);

        String title = "What is the chance of a year below a given income?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Further right means safer: the same chance of a bad year comes with more income");
        return new ChartSpec("exceedance", "exceedance", title,
                "Pick an income on the horizontal axis and read up to a curve: its height is the chance that a "
                        + "year brings less than that under that payment model, so the curve further to the "
                        + "right is the safer one at that level.",
                chart);
    }

    // ---------------------------------------------------------------- box and whisker

    static ChartSpec box(Document s, String context) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        List<String> labels = labels(s);
        for (int i = 0; i < s.models().size(); i++) {
            MetricSummary net = s.models().get(i).netIncome();
            boxes.add(new BoxAndWhiskerItem(net.mean(), net.percentile(50), net.percentile(25), net.percentile(75),
                    net.percentile(1), net.percentile(99), net.percentile(1), net.percentile(99), List.of()), "Net income", labels.get(i));
            means.addValue(net.mean(), "Mean", labels.get(i));
        }
        CategoryAxis models = new CategoryAxis(null);
        models.setCategoryMargin(0.25);
        NumberAxis money = ChartStyle.moneyAxis("Net income in the year");
        CategoryPlot plot = new CategoryPlot(boxes, models, money, new ColouredBoxRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LineAndShapeRenderer meanRenderer = new LineAndShapeRenderer(false, true);
        meanRenderer.setSeriesShape(0, diamond(7));
        meanRenderer.setUseFillPaint(true);
        meanRenderer.setSeriesFillPaint(0, Color.WHITE);
        meanRenderer.setUseOutlinePaint(true);
        meanRenderer.setSeriesOutlinePaint(0, Color.BLACK);
        meanRenderer.setSeriesOutlineStroke(0, new BasicStroke(2f));
        meanRenderer.setDrawOutlines(true);
        plot.setDataset(1, means);
        plot.setRenderer(1, meanRenderer);
        // Means are drawn after (over) the boxes.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        ChartStyle.style(plot);
        models.setTickLabelFont(ChartStyle.LEGEND_FONT.deriveFont(Font.BOLD));
        double lo = s.models().stream().mapToDouble(m -> m.netIncome().percentile(1)).min().orElse(0);
        double hi = s.models().stream().mapToDouble(m -> m.netIncome().percentile(99)).max().orElse(0);
        double[] range = withZeroIfNear(lo, hi);
        money.setRange(range[0], range[1]);
        plot.addRangeMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.TOP_RIGHT_OF_LINE));

        String title = "Typical and extreme years under each payment model";
        JFreeChart chart = ChartStyle.chart(title, plot, false, context,
                "Box: middle half of years  \u00b7  line in box: median  \u00b7  diamond: mean  "
                        + "\u00b7  whiskers: 1st to 99th percentile");
        return new ChartSpec("box", "box", title,
                "Each box holds the middle half of simulated years for that model, the line inside it is the "
                        + "median year, the white diamond is the average, and the whiskers reach from the 1st to "
                        + "the 99th percentile, so only 1 year in 50 falls outside them.",
                chart);
    }

    /** Colours each box by its model (the column), not by series, so boxes match the other charts. */
    private static final class ColouredBoxRenderer extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;

        ColouredBoxRenderer() {
            setMeanVisible(false);
            setMedianVisible(true);
            setFillBox(true);
            setUseOutlinePaintForWhiskers(true);
            setMaximumBarWidth(0.16);
            setWhiskerWidth(0.6);
            setArtifactPaint(Color.BLACK);
            // Without this the drawing supplier's 1-pixel stroke wins and whiskers look faint.
            setAutoPopulateSeriesStroke(false);
            setDefaultStroke(new BasicStroke(2f));
            setDefaultOutlineStroke(new BasicStroke(2f));
            setDefaultSeriesVisibleInLegend(false);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.tint(ChartStyle.modelColour(column), 0.55);
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            return ChartStyle.modelColour(column);
        }

        @Override
        public Stroke getItemStroke(int row, int column) {
            Stroke solid = super.getItemStroke(row, column);
            return solid instanceof BasicStroke b ? ChartStyle.modelStroke(column, b) : solid;
        }
    }

    // ---------------------------------------------------------------- monthly fan

    /** One dollar range for every model's fan so the fans can be compared by eye. */
    private static double[] fanRange(Document s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ModelSummary m : s.models()) {
            for (MonthlyBand b : m.monthlyNetIncome()) {
                lo = Math.min(lo, b.p05());
                hi = Math.max(hi, b.p95());
            }
        }
        double[] r = withZeroIfNear(lo, hi);
        double pad = (r[1] - r[0]) * 0.04;
        return new double[] {r[0] - pad, r[1] + pad};
    }

    static ChartSpec monthlyFan(Document s, int index, String slug, double[] range, String context) {
        ModelSummary m = s.models().get(index);
        XYPlot plot = fanPlot(m.monthlyNetIncome(), index, range, 1, s.horizonMonths(),
                "Month of the simulated year", "Net income in the month", "Median month",
                "Middle half of months (25th to 75th percentile)", "9 months in 10 (5th to 95th percentile)");
        plot.addRangeMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.ABOVE_LINE_AT_LEFT));

        String name = labels(s).get(index);
        String title = Names.sentenceStart(name) + ": how net income varies month by month";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Same dollar scale in every model's chart");
        return new ChartSpec("monthly-fan-" + slug, "monthly-fan", title,
                "The line is the median net income of each month under " + name + "; the darker band holds "
                        + "the middle half of simulated months and the lighter band 9 in 10 of them, so a wide "
                        + "band means an unpredictable month.",
                chart);
    }

    /**
     * A fan of month bands in the model's colour: median line, P25-P75 band over a lighter P5-P95 band,
     * months {@code firstMonth..horizon} on the x axis and {@code range} dollars on the y axis.
     */
    private static XYPlot fanPlot(List<MonthlyBand> bands, int index, double[] range, int firstMonth,
                                  int horizon, String xLabel, String yLabel, String medianLabel, String innerLabel,
                                  String outerLabel) {
        YIntervalSeries inner = new YIntervalSeries("25th to 75th percentile");
        YIntervalSeries outer = new YIntervalSeries("5th to 95th percentile");
        for (MonthlyBand b : bands) {
            inner.add(b.month(), b.p50(), b.p25(), b.p75());
            outer.add(b.month(), b.p50(), b.p05(), b.p95());
        }
        Color colour = ChartStyle.modelColour(index);
        NumberAxis months = new NumberAxis(xLabel);
        months.setRange(firstMonth - 0.3, horizon + 0.3);
        if (horizon - firstMonth < 24) {
            months.setTickUnit(new NumberTickUnit(1));
        } else {
            months.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis money = ChartStyle.moneyAxis(yLabel);
        money.setRange(range[0], range[1]);

        DeviationRenderer innerRenderer = new DeviationRenderer(true, false);
        innerRenderer.setSeriesPaint(0, colour);
        innerRenderer.setSeriesFillPaint(0, colour);
        innerRenderer.setSeriesStroke(0, ChartStyle.LINE_STROKE);
        innerRenderer.setAlpha(0.35f);
        DeviationRenderer outerRenderer = new DeviationRenderer(false, false);
        outerRenderer.setSeriesFillPaint(0, colour);
        outerRenderer.setAlpha(0.16f);

        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), months, money, innerRenderer);
        YIntervalSeriesCollection innerData = new YIntervalSeriesCollection();
        innerData.addSeries(inner);
        YIntervalSeriesCollection outerData = new YIntervalSeriesCollection();
        outerData.addSeries(outer);
        plot.setDataset(0, innerData);
        plot.setDataset(1, outerData);
        plot.setRenderer(1, outerRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        ChartStyle.style(plot);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem(medianLabel, null, null, null, new Line2D.Double(-10, 0, 10, 0),
                ChartStyle.LINE_STROKE, colour));
        legend.add(new LegendItem(innerLabel, ChartStyle.tint(colour, 1 - (1 - (1 - 0.16) * (1 - 0.35)))));
        legend.add(new LegendItem(outerLabel, ChartStyle.tint(colour, 0.84)));
        plot.setFixedLegendItems(legend);
        return plot;
    }

    // ---------------------------------------------------------------- cumulative cash fan

    /**
     * One cumulative-cash fan per model, on one dollar scale, or nothing when the summary has no
     * {@code cash} objects (runs written before the cash view existed).
     *
     * @param startingReserve the scenario's {@code cash.startingReserve}, when the scenario copy has one
     */
    static List<ChartSpec> cash(Document s, OptionalDouble startingReserve) {
        if (!s.hasCash()) {
            return List.of();
        }
        List<String> slugs = Names.uniqueSlugs(names(s));
        String context = Names.plain(s.scenarioName()) + "  \u00b7  " + PlainNumbers.count(s.trials()) + " simulated years"
                + (startingReserve.isPresent() ? "  \u00b7  starting reserve "
                        + ChartStyle.moneyFormat().format(startingReserve.getAsDouble()) : "");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ModelSummary m : s.models()) {
            for (MonthlyBand b : m.cash().monthlyBalance()) {
                lo = Math.min(lo, b.p05());
                hi = Math.max(hi, b.p95());
            }
        }
        // The empty-account line is the point of the chart, so zero is always on the scale.
        double[] r = withZeroIfNear(Math.min(lo, 0), Math.max(hi, 0));
        double pad = (r[1] - r[0]) * 0.04;
        double[] range = {r[0] - pad, r[1] + pad};
        List<ChartSpec> out = new ArrayList<>();
        for (int i = 0; i < s.models().size(); i++) {
            out.add(cashFan(s, i, slugs.get(i), range, context));
        }
        return out;
    }

    static ChartSpec cashFan(Document s, int index, String slug, double[] range, String context) {
        ModelSummary m = s.models().get(index);
        XYPlot plot = fanPlot(m.cash().monthlyBalance(), index, range, 0, s.horizonMonths(),
                "End of month (0 = the start of the simulated year)", "Cash in the bank",
                "Median balance", "Middle half of years (25th to 75th percentile)",
                "9 years in 10 (5th to 95th percentile)");
        plot.addRangeMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.BELOW_LINE_AT_LEFT, "empty bank account"));

        String name = labels(s).get(index);
        String title = "How much cash is in the bank at the end of each month?";
        JFreeChart chart = ChartStyle.chart(title, plot, true, context, "Paid under " + name
                + ", counting money when it arrives  \u00b7  same dollar scale for every model");
        return new ChartSpec("cash-fan-" + slug, "cash-fan", Names.sentenceStart(name) + ": " + title,
                "The line is the median bank balance at the end of each month under " + name
                        + ", the bands hold the middle half and 9 in 10 of simulated years, and wherever a band "
                        + "dips below the black line the account is overdrawn in those years.",
                chart);
    }

    // ---------------------------------------------------------------- paired difference

    static ChartSpec difference(Document s, PairedComparison c, int a, int b, String slug, String context) {
        String nameA = labels(s).get(a);
        String nameB = labels(s).get(b);
        double[] edges = c.histogram().binEdges();
        XYIntervalSeries bars = new XYIntervalSeries("difference");
        for (int k = 0; k + 1 < edges.length; k++) {
            double share = c.histogram().counts()[k] / (double) s.trials();
            double lo = edges[k];
            double hi = edges[k + 1];
            bars.add((lo + hi) / 2, lo, hi, share, share, share);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        NumberAxis x = ChartStyle.moneyAxis(
                "How much more " + nameA + " paid than " + nameB + " (net income in the year)");
        NumberAxis y = ChartStyle.percentAxis("Share of simulated years");
        y.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(data, x, y, new SignColouredBarRenderer(a, b));
        ChartStyle.style(plot);
        double[] range = withZeroIfNear(edges[0], edges[edges.length - 1]);
        x.setRange(range[0], range[1]);
        plot.addDomainMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.TOP_RIGHT_OF_LINE));

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(barLegend("Years " + nameA + " paid more", a));
        legend.add(barLegend("Years " + nameB + " paid more", b));
        plot.setFixedLegendItems(legend);

        String title = beatsSentence(nameA, nameB, c);
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Same patients, same year: each simulated year paid under both models, then subtracted");
        return new ChartSpec("difference-" + slug, "difference", title,
                "Each bar counts the simulated years by how much more " + nameA + " paid than " + nameB
                        + " for the very same patients; bars to the right of the black line are years "
                        + nameA + " came out ahead.",
                chart);
    }

    /** {@code Fee-for-service beats capitation in 63% of simulated years}. */
    static String beatsSentence(String nameA, String nameB, PairedComparison c) {
        return Names.sentenceStart(nameA) + " beats " + nameB + " in " + PlainNumbers.percent(c.probAGreater())
                + " of simulated years";
    }

    /** Bars right of zero in model A's colour, left of zero in model B's. */
    private static final class SignColouredBarRenderer extends XYBarRenderer {
        private static final long serialVersionUID = 1L;
        private final int a;
        private final int b;

        SignColouredBarRenderer(int a, int b) {
            this.a = a;
            this.b = b;
            setBarPainter(new StandardXYBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(true);
            setDefaultOutlinePaint(Color.WHITE);
            setDefaultOutlineStroke(new BasicStroke(0.6f));
            setMargin(0.0);
            setBarPainter(new StandardXYBarPainter() {
                private static final long serialVersionUID = 1L;

                @Override
                public void paintBar(Graphics2D g2, XYBarRenderer renderer, int row, int column, RectangularShape bar,
                                     RectangleEdge base) {
                    super.paintBar(g2, renderer, row, column, bar, base);
                    ChartStyle.hatch(g2, bar, model(row, column));
                }
            });
        }

        private int model(int series, int item) {
            return getPlot().getDataset().getXValue(series, item) > 0 ? a : b;
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            return ChartStyle.modelColour(model(series, item));
        }
    }

    // ---------------------------------------------------------------- risk bars

    static ChartSpec riskBars(Document s, String context) {
        DefaultStatisticalCategoryDataset loss = new DefaultStatisticalCategoryDataset();
        DefaultCategoryDataset worst = new DefaultCategoryDataset();
        NumberFormat lossFormat = new DecimalFormat("0.##%", DecimalFormatSymbols.getInstance(Locale.US));
        List<CategoryTextAnnotation> lossLabels = new ArrayList<>();
        double lossTop = 0;
        List<String> labels = labels(s);
        for (int i = 0; i < s.models().size(); i++) {
            MetricSummary net = s.models().get(i).netIncome();
            String name = labels.get(i);
            Double twoSe = net.mcse() == null ? null : Double.valueOf(2 * net.mcse().probLoss());
            loss.add(Double.valueOf(net.probLoss()), twoSe, "Chance of a losing year", name);
            worst.addValue(net.worst5Mean(), "Worst 1 year in 20", name);
            // The value label goes past the error bar, which would otherwise run through it.
            double end = net.probLoss() + (twoSe == null ? 0 : twoSe);
            lossTop = Math.max(lossTop, end);
            lossLabels.add(valueLabel(lossFormat.format(net.probLoss()), name, end));
        }
        NumberAxis pct = ChartStyle.percentAxis("Chance of a losing year");
        // Leave room right of the longest bar for its label; a chart of all-zero chances still needs a scale.
        pct.setRange(0, Math.max(lossTop * 1.3, 0.01));
        StatisticalBarRenderer lossRenderer = new ByModelStatisticalBarRenderer();
        lossRenderer.setErrorIndicatorPaint(Color.BLACK);
        lossRenderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        bars(lossRenderer);
        CategoryPlot lossPlot = new CategoryPlot(loss, null, pct, lossRenderer);
        lossLabels.forEach(lossPlot::addAnnotation);

        NumberAxis money = ChartStyle.moneyAxis("Average net income of the worst 1 year in 20");
        money.setAutoRangeIncludesZero(true);
        money.setUpperMargin(0.3);
        money.setLowerMargin(0.3);
        BarRenderer worstRenderer = new ByModelBarRenderer();
        bars(worstRenderer);
        worstRenderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                ChartStyle.moneyFormat()));
        worstRenderer.setDefaultItemLabelsVisible(true);
        worstRenderer.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL_FONT);
        worstRenderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
        worstRenderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        worstRenderer.setDefaultNegativeItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        worstRenderer.setItemLabelInsets(new RectangleInsets(0, 6, 0, 6));
        CategoryPlot worstPlot = new CategoryPlot(worst, null, money, worstRenderer);
        worstPlot.addRangeMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.NONE));

        CategoryAxis models = new CategoryAxis(null);
        models.setCategoryMargin(0.3);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(models);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(36);
        for (CategoryPlot p : List.of(lossPlot, worstPlot)) {
            p.setOrientation(PlotOrientation.HORIZONTAL);
            p.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            ChartStyle.style(p);
            plot.add(p, 1);
        }
        ChartStyle.style(plot);
        models.setTickLabelFont(ChartStyle.LEGEND_FONT.deriveFont(Font.BOLD));

        String title = "How often is a year lost, and how bad are the worst years?";
        JFreeChart chart = ChartStyle.chart(title, plot, false, context,
                "Left: chance net income is below zero (black lines: \u00b1 2 Monte Carlo standard errors)",
                "Right: average net income of the worst 5% of years");
        return new ChartSpec("risk-bars", "risk-bars", title,
                "The left bars give the chance that a year ends with a loss under each model (the black error "
                        + "lines show the simulation's own uncertainty), and the right bars the average net "
                        + "income over the worst 1 year in 20; longer left bars and shorter right bars mean more risk.",
                chart);
    }

    /** A bold value label just right of {@code value} on a horizontal bar. */
    private static CategoryTextAnnotation valueLabel(String text, String category, double value) {
        CategoryTextAnnotation a = new CategoryTextAnnotation(text, category, value);
        a.setFont(ChartStyle.ITEM_LABEL_FONT);
        a.setPaint(ChartStyle.TEXT);
        a.setTextAnchor(TextAnchor.CENTER_LEFT);
        a.setCategoryAnchor(CategoryAnchor.MIDDLE);
        return new PaddedCategoryTextAnnotation(a);
    }

    /** Shifts a category text annotation a few pixels right so it does not touch the bar or error line. */
    private static final class PaddedCategoryTextAnnotation extends CategoryTextAnnotation {
        private static final long serialVersionUID = 1L;

        PaddedCategoryTextAnnotation(CategoryTextAnnotation a) {
            super(a.getText(), a.getCategory(), a.getValue());
            setFont(a.getFont());
            setPaint(a.getPaint());
            setTextAnchor(a.getTextAnchor());
            setCategoryAnchor(a.getCategoryAnchor());
        }

        @Override
        public void draw(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, CategoryAxis domainAxis,
                         ValueAxis rangeAxis) {
            Graphics2D g = (Graphics2D) g2.create();
            try {
                g.translate(6, 0);
                super.draw(g, plot, dataArea, domainAxis, rangeAxis);
            } finally {
                g.dispose();
            }
        }
    }

    private static void bars(BarRenderer r) {
        r.setBarPainter(new HatchedBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.2);
    }

    /** Paints a bar as {@link StandardBarPainter} does, then the hatching of its model (the column). */
    private static final class HatchedBarPainter extends StandardBarPainter {
        private static final long serialVersionUID = 1L;

        @Override
        public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                             RectangleEdge base) {
            super.paintBar(g2, renderer, row, column, bar, base);
            ChartStyle.hatch(g2, bar, column);
        }
    }

    /** Colours each bar by its model (the column). */
    private static final class ByModelBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.modelColour(column);
        }
    }

    /** Colours each bar by its model (the column). */
    private static final class ByModelStatisticalBarRenderer extends StatisticalBarRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.modelColour(column);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One legend line per model in its colour (used where several datasets would repeat the models). */
    private static LegendItemCollection modelLegend(Document s) {
        LegendItemCollection legend = new LegendItemCollection();
        List<String> labels = labels(s);
        for (int i = 0; i < s.models().size(); i++) {
            legend.add(new LegendItem(labels.get(i), null, null, null, new Line2D.Double(-10, 0, 10, 0),
                    ChartStyle.modelStroke(i), ChartStyle.modelColour(i)));
        }
        return legend;
    }

    /** A legend entry for bars of this model: a square swatch in its colour, hatched as its bars are. */
    private static LegendItem barLegend(String label, int model) {
        if (ChartStyle.modelPass(model) == 0) {
            return new LegendItem(label, ChartStyle.modelColour(model));
        }
        return new LegendItem(label, null, null, null, ChartStyle.barSwatch(model), ChartStyle.modelColour(model));
    }

    /** The models' exact names, in scenario order. */
    private static List<String> names(Document s) {
        return s.models().stream().map(ModelSummary::name).toList();
    }

    /**
     * The models' names as drawn: one line, no control characters, distinct (see {@link Names#uniqueLabels});
     * chart datasets key their series by these.
     */
    private static List<String> labels(Document s) {
        return Names.uniqueLabels(names(s));
    }

    /** A line renderer with each model's colour and the common line width. */
    private static <R extends XYLineAndShapeRenderer> R lines(int models, R r) {
        r.setDefaultShapesVisible(false);
        for (int i = 0; i < models; i++) {
            r.setSeriesPaint(i, ChartStyle.modelColour(i));
            r.setSeriesStroke(i, ChartStyle.modelStroke(i));
        }
        return r;
    }

    /**
     * A padded axis range for data spanning [lo, hi] that also shows zero (break-even) when zero is
     * within 40% of the span from the data, so readers see how close a model comes to a loss without
     * squashing the data when the practice is far from one.
     */
    static double[] withZeroIfNear(double lo, double hi) {
        double span = Math.max(hi - lo, Math.max(Math.abs(hi), 1.0) * 1e-6);
        if (lo > 0 && lo <= 0.4 * span) {
            lo = 0;
        } else if (hi < 0 && -hi <= 0.4 * span) {
            hi = 0;
        }
        span = Math.max(hi - lo, span);
        return new double[] {lo - 0.03 * span, hi + 0.03 * span};
    }

    /** A diamond of the given half-size in pixels, centred on the origin. */
    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }
}
