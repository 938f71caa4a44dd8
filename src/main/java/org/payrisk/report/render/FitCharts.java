package org.payrisk.report.render;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.payrisk.fit.FamilyFit;
import org.payrisk.fit.FitKind;
import org.payrisk.fit.FitResult;
import org.payrisk.stats.Quantiles;

/**
 * The chart of {@code payrisk fit}: how well each fitted family follows the data.
 *
 * <ul>
 * <li>Continuous and probability data: a Q-Q plot, each family's quantile at the plotting position
 *     (i - 0.5) / n (x) against the i-th smallest value (y); above {@value #MAX_POINTS} values, the
 *     data's type-7 quantiles ({@link Quantiles}) at {@value #MAX_POINTS} evenly spaced positions stand for the sorted data,
 *     which keeps the SVG small.
 * <li>Counts: a P-P plot, at each count k observed, the fitted P(X &lt;= k) (x) against the share
 *     of values &lt;= k (y); above {@value #MAX_POINTS} distinct counts, {@value #MAX_POINTS} of them
 *     evenly spread.
 * </ul>
 * A law that fits puts its points on the grey diagonal. Drawn with {@link ChartStyle}, written as
 * PNG and SVG by {@link ChartWriter}. Families keep one colour each (by the fixed order poisson,
 * negativeBinomial, binomial, normal, lognormal, gamma, beta). Thread safe: no state.
 */
public final class FitCharts {

    /** Most points per family in a Q-Q plot. */
    static final int MAX_POINTS = 400;

    private static final List<String> FAMILY_ORDER = List.of("poisson", "negativeBinomial", "binomial", "normal",
            "lognormal", "gamma", "beta");

    private FitCharts() {
    }

    /**
     * Draws the fit's chart into {@code dir}: {@code qq.png} and {@code qq.svg} for continuous and
     * probability data, {@code pp.png} and {@code pp.svg} for counts (each file written atomically).
     *
     * @param r the fit
     * @param dir the output folder
     * @return the PNG and SVG files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(FitResult r, Path dir) throws IOException {
        RiskCharts.ChartSpec spec = r.kind() == FitKind.COUNT ? pp(r) : qq(r);
        ChartWriter.WrittenChart w = ChartWriter.write(spec, dir);
        return List.of(w.png(), w.svg());
    }

    /** @return the chart's file name without extension for this fit ({@code qq} or {@code pp}) */
    public static String slug(FitResult r) {
        return r.kind() == FitKind.COUNT ? "pp" : "qq";
    }

    static RiskCharts.ChartSpec qq(FitResult r) {
        double[] sorted = r.data().values();
        Arrays.sort(sorted);
        int n = sorted.length;
        int points = Math.min(n, MAX_POINTS);
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = sorted[0];
        double hi = sorted[n - 1];
        for (FamilyFit f : r.fits()) {
            XYSeries s = new XYSeries(legend(r, f), false, true);
            for (int j = 0; j < points; j++) {
                double p = (j + 0.5) / points;
                double y = points == n ? sorted[j] : Quantiles.type7(sorted, p);
                double x = f.quantile(p);
                s.add(x, y);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            data.addSeries(s);
        }
        XYSeries diagonal = new XYSeries("data = fitted", false, true);
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        data.addSeries(diagonal);
        NumberAxis x = axis("quantile of the fitted law");
        NumberAxis y = axis("quantile of the data (" + r.data().column() + ")");
        x.setRange(lo, hi);
        y.setRange(lo, hi);
        XYPlot plot = new XYPlot(data, x, y, renderer(r));
        ChartStyle.style(plot);
        // the diagonal first and the best fit last, so the winner's points are on top
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        String title = "Q-Q plot: does each fitted law follow the data?";
        String caption = "Each point pairs a quantile of the data with the same quantile of a fitted law; a law that "
                + "fits keeps its points on the grey diagonal. Points bending away at the ends mean the data's tails "
                + "are heavier or lighter than the law's.";
        JFreeChart chart = ChartStyle.chart(title, plot, true, subtitle(r));
        return new RiskCharts.ChartSpec("qq", "fit", title, caption, chart);
    }

    static RiskCharts.ChartSpec pp(FitResult r) {
        double[] sorted = r.data().values();
        Arrays.sort(sorted);
        int n = sorted.length;
        // the data's distribution function steps only at the values seen: one point per distinct value
        // (the last index of each run of equal values), thinned evenly above MAX_POINTS
        int[] last = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || sorted[i + 1] != sorted[i]) {
                last[distinct++] = i;
            }
        }
        int points = Math.min(distinct, MAX_POINTS);
        XYSeriesCollection data = new XYSeriesCollection();
        for (FamilyFit f : r.fits()) {
            XYSeries s = new XYSeries(legend(r, f), false, true);
            for (int j = 0; j < points; j++) {
                int i = last[points == distinct ? j : (int) ((long) j * (distinct - 1) / (points - 1))];
                s.add(f.distribution().probabilityBelow(sorted[i] + 1), (double) (i + 1) / n);
            }
            data.addSeries(s);
        }
        XYSeries diagonal = new XYSeries("data = fitted", false, true);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        data.addSeries(diagonal);
        NumberAxis x = ChartStyle.percentAxis("fitted chance of a count up to k");
        NumberAxis y = ChartStyle.percentAxis("share of the data up to k (" + r.data().column() + ")");
        x.setRange(0, 1);
        y.setRange(0, 1);
        x.setTickUnit(new NumberTickUnit(0.1, ChartStyle.percentFormat()));
        y.setTickUnit(new NumberTickUnit(0.1, ChartStyle.percentFormat()));
        XYPlot plot = new XYPlot(data, x, y, renderer(r));
        ChartStyle.style(plot);
        // the diagonal first and the best fit last, so the winner's points are on top
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        String title = "P-P plot: does each fitted law follow the data?";
        String caption = "For each count k seen in the data, the fitted chance of a value up to k against the share of "
                + "the data up to k; a law that fits keeps its points on the grey diagonal.";
        JFreeChart chart = ChartStyle.chart(title, plot, true, subtitle(r));
        return new RiskCharts.ChartSpec("pp", "fit", title, caption, chart);
    }

    private static String legend(FitResult r, FamilyFit f) {
        return f.family() + (f == r.winner() ? " (best AIC)" : String.format(Locale.ROOT, " (AIC +%.1f)", f.aic() - r.winner().aic()));
    }

    private static String subtitle(FitResult r) {
        return r.data().label() + "  \u00b7  " + PlainNumbers.count(r.data().size()) + " values  \u00b7  "
                + r.kind().label() + " data, fitted by maximum likelihood";
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        ChartStyle.style(a);
        return a;
    }

    private static XYLineAndShapeRenderer renderer(FitResult r) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape dot = new Ellipse2D.Double(-3, -3, 6, 6);
        int i = 0;
        for (FamilyFit f : r.fits()) {
            renderer.setSeriesPaint(i, ChartStyle.withAlpha(ChartStyle.modelColour(FAMILY_ORDER.indexOf(f.family())),
                    f == r.winner() ? 230 : 150));
            renderer.setSeriesShape(i, dot);
            i++;
        }
        renderer.setSeriesLinesVisible(i, true);
        renderer.setSeriesShapesVisible(i, false);
        renderer.setSeriesPaint(i, ChartStyle.MUTED_TEXT);
        renderer.setSeriesStroke(i, new BasicStroke(1.2f));
        renderer.setLegendItemLabelGenerator(new org.jfree.chart.labels.StandardXYSeriesLabelGenerator());
        return renderer;
    }
}
