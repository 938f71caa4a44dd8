package org.payrisk.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The look shared by every payrisk chart: the Okabe-Ito colour-blind-safe palette (a model keeps
 * its colour in every chart, by model order), the JDK's logical {@code SansSerif} font (present on any
 * machine with a JDK, so a bare server renders the same text), white backgrounds, and dollar axes
 * with thousands separators.
 *
 * <p>Thread safe: constants only; formats are created per call because {@link NumberFormat} is not.
 */
final class ChartStyle {

    /** Logical chart size in pixels; PNGs are drawn at {@link #PNG_SCALE} times this. */
    static final int WIDTH = 900;
    /** Logical chart height in pixels. */
    static final int HEIGHT = 540;
    /** PNGs are rendered at twice the logical size so they stay sharp on high-density screens and in print. */
    static final int PNG_SCALE = 2;

    /**
     * Okabe &amp; Ito (2008) palette, reordered so the first three models get the three colours that
     * stay most distinct for every type of colour-vision deficiency and on paper; yellow, the weakest
     * on white, comes last.
     */
    private static final Color[] OKABE_ITO = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
    };

    static final String FONT_FAMILY = "SansSerif";
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 20);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font ITEM_LABEL_FONT = new Font(FONT_FAMILY, Font.BOLD, 12);

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);
    static final Stroke ZERO_STROKE = new BasicStroke(1.6f);
    static final BasicStroke LINE_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ChartStyle() {
    }

    /** The colour of the model at this index (scenario order); the palette repeats after eight models. */
    static Color modelColour(int index) {
        return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
    }

    /**
     * How many times the palette has come round before the model at this index: 0 for the first eight
     * models, 1 for the next eight, and so on. Models that share a colour never share a pass, so the
     * pass's line style, marker and hatching tell them apart.
     */
    static int modelPass(int index) {
        return Math.floorDiv(index, OKABE_ITO.length);
    }

    /**
     * The model's line: {@link #LINE_STROKE} for the first eight models; from the ninth on, a dash
     * followed by as many dots as the pass number less one (dashed, dash-dot, dash-dot-dot, ...), so no two
     * passes share a pattern.
     */
    static Stroke modelStroke(int index) {
        return modelStroke(index, LINE_STROKE);
    }

    /** {@code solid} for the first eight models, else the same width with the pass's dash pattern. */
    static Stroke modelStroke(int index, BasicStroke solid) {
        int pass = modelPass(index);
        if (pass == 0) {
            return solid;
        }
        float w = Math.max(solid.getLineWidth(), 1f);
        float[] dash = new float[2 * pass];
        dash[0] = 5 * w;
        dash[1] = 2 * w;
        for (int k = 2; k < dash.length; k += 2) {
            dash[k] = w;
            dash[k + 1] = 2 * w;
        }
        return new BasicStroke(solid.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * Draws the model's hatching over an already filled shape (a bar): nothing for the first eight models;
     * white stripes for later passes, rising for pass 1, falling for pass 2, crossed for pass 3, and
     * wider apart every three passes, so no two passes look alike.
     */
    static void hatch(Graphics2D g, Shape area, int index) {
        Shape stripes = stripes(area.getBounds2D(), modelPass(index));
        if (stripes == null) {
            return;
        }
        Graphics2D h = (Graphics2D) g.create();
        try {
            h.clip(area);
            h.setPaint(Color.WHITE);
            h.setStroke(new BasicStroke(1.5f));
            h.draw(stripes);
        } finally {
            h.dispose();
        }
    }

    /** A square legend swatch for a bar of this model, hatched as {@link #hatch} draws its bars. */
    static Shape barSwatch(int index) {
        Rectangle2D square = new Rectangle2D.Double(-6, -6, 12, 12);
        Shape stripes = stripes(square, modelPass(index));
        if (stripes == null) {
            return square;
        }
        Area a = new Area(square);
        a.subtract(new Area(new BasicStroke(1.5f).createStrokedShape(stripes)));
        return a;
    }

    private static Shape stripes(Rectangle2D b, int pass) {
        if (pass == 0) {
            return null;
        }
        int direction = (pass - 1) % 3;
        double gap = 6 + 3 * ((pass - 1) / 3);
        Path2D.Double p = new Path2D.Double();
        double span = b.getWidth() + b.getHeight();
        for (double d = 0; d <= span; d += gap) {
            if (direction != 1) { // rising: from the bottom edge up to the right
                p.append(new Line2D.Double(b.getMinX() + d - b.getHeight(), b.getMaxY(), b.getMinX() + d, b.getMinY()),
                        false);
            }
            if (direction != 0) { // falling
                p.append(new Line2D.Double(b.getMinX() + d - b.getHeight(), b.getMinY(), b.getMinX() + d, b.getMaxY()),
                        false);
            }
        }
        return p;
    }

    /** The colour as CSS hex, e.g. {@code #0072B2}. */
    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The colour with this opacity (0 transparent, 255 opaque). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** The colour mixed with white, {@code amount} 0 (unchanged) to 1 (white): an opaque light tint. */
    static Color tint(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel + (255 - channel) * amount);
    }

    /** Whole dollars with thousands separators and the sign before the dollar: {@code $12,345}, {@code -$5,000}. */
    static NumberFormat moneyFormat() {
        return new DecimalFormat("$#,##0;-$#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    }

    /** A share as a percentage with at most one decimal: {@code 4%}, {@code 2.5%}. */
    static NumberFormat percentFormat() {
        return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.US));
    }

    /**
     * Creates a chart with the payrisk title, a subtitle line per entry of {@code subtitles}, and a
     * legend at the bottom when {@code legend} is true.
     */
    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend, String... subtitles) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(10, 14, 8, 18));
        TextTitle t = chart.getTitle();
        t.setPaint(TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setMargin(0, 4, 2, 0);
        for (String s : subtitles) {
            TextTitle sub = new TextTitle(s, SUBTITLE_FONT);
            sub.setPaint(MUTED_TEXT);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(0, 4, 2, 0);
            chart.addSubtitle(sub);
        }
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(LEGEND_FONT);
            lt.setItemPaint(TEXT);
            lt.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            lt.setBackgroundPaint(Color.WHITE);
            lt.setPosition(RectangleEdge.BOTTOM);
            lt.setMargin(6, 0, 0, 0);
        }
        return chart;
    }

    /** White plot area, light grid, readable axes. */
    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        // Subplots of a combined plot share the parent's domain axis and have none of their own.
        if (plot.getDomainAxis() != null) {
            style(plot.getDomainAxis());
        }
        if (plot.getRangeAxis() != null) {
            style(plot.getRangeAxis());
        }
    }

    /** White plot area, light grid, readable axes. */
    static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        // A combined plot keeps its range axes in its subplots, so either axis may be absent here.
        if (plot.getDomainAxis() != null) {
            style(plot.getDomainAxis());
        }
        if (plot.getRangeAxis() != null) {
            style(plot.getRangeAxis());
        }
    }

    static void style(Axis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(MUTED_TEXT);
        axis.setTickMarkPaint(MUTED_TEXT);
    }

    /** A dollar axis: {@code $12,345}, no forced zero (income ranges rarely start at zero). */
    static NumberAxis moneyAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(moneyFormat());
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(axis);
        return axis;
    }

    /** A share-of-years axis in percent, starting at zero. */
    static NumberAxis percentAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(percentFormat());
        axis.setAutoRangeIncludesZero(true);
        style(axis);
        return axis;
    }

    /** Where the break-even line's label goes, so it can be put where the data leaves room. */
    enum LabelAt {
        /** Vertical line, label at the top, right of the line. */
        TOP_RIGHT_OF_LINE,
        /** Vertical line, label at the top, left of the line. */
        TOP_LEFT_OF_LINE,
        /** Horizontal line, label above it at the left end. */
        ABOVE_LINE_AT_LEFT,
        /** Horizontal line, label below it at the left end (where a balance that starts positive leaves room). */
        BELOW_LINE_AT_LEFT,
        /** No label (the axis already says where zero is). */
        NONE
    }

    /** The black break-even line at zero dollars, labelled so a reader knows what it is. */
    static ValueMarker zeroMarker(LabelAt at) {
        return zeroMarker(at, "break-even");
    }

    /** The black line at zero dollars with its own label (e.g. "empty bank account" on a balance chart). */
    static ValueMarker zeroMarker(LabelAt at, String text) {
        ValueMarker m = new ValueMarker(0.0, Color.BLACK, ZERO_STROKE);
        if (at == LabelAt.NONE) {
            return m;
        }
        label(m, text, Color.BLACK);
        switch (at) {
            case TOP_RIGHT_OF_LINE -> {
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            case BELOW_LINE_AT_LEFT -> {
                m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            case TOP_LEFT_OF_LINE -> {
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            }
            default -> {
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            }
        }
        return m;
    }

    /** Labels a marker legibly: small text on a nearly opaque white patch, kept off the line. */
    static void label(ValueMarker m, String text, Paint paint) {
        m.setLabel(text);
        m.setLabelFont(TICK_FONT);
        m.setLabelPaint(paint);
        // JFreeChart's default label patch is translucent grey, which reads as a smudge on the data.
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        m.setLabelOffset(new RectangleInsets(3, 5, 3, 5));
    }

    /** A paint for a model's filled area that keeps overlapping areas readable. */
    static Paint translucent(int modelIndex, int alpha) {
        return withAlpha(modelColour(modelIndex), alpha);
    }
}
