package org.payrisk.report.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link RiskCharts.ChartSpec} to {@code <slug>.png} (at {@link ChartStyle#PNG_SCALE} times the
 * logical size, encoded by {@link PngEncoder}) and {@code <slug>.svg}, atomically, and returns the SVG
 * element for inlining in HTML. {@link #writeAll} draws a report's charts on all cores.
 *
 * <p>Headless: uses only off-screen {@link BufferedImage} and {@link SVGGraphics2D}. Output is
 * deterministic: the SVG's definition ids are prefixed with the chart slug rather than JFreeSVG's
 * default clock-based prefix, which also keeps ids unique when several charts share one HTML page.
 * Thread safe if each call gets its own chart (JFreeChart objects are not shared between threads).
 */
final class ChartWriter {

    private ChartWriter() {
    }

    /**
     * A chart written to disk.
     *
     * @param png the PNG file
     * @param svg the SVG file
     * @param inlineSvg the SVG element without XML prolog or fixed size (it scales to its container)
     */
    record WrittenChart(Path png, Path svg, String inlineSvg) {
    }

    private static String twoDecimals(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Draws the chart to PNG and SVG files in {@code chartsDir} (created if needed), each written atomically.
     *
     * @return the files and the inline SVG element
     * @throws IOException if a file cannot be written
     */
    static WrittenChart write(RiskCharts.ChartSpec spec, Path chartsDir) throws IOException {
        return write(spec, chartsDir, new Canvas());
    }

    /** {@link #write(RiskCharts.ChartSpec, Path)}, drawing the PNG on {@code canvas}. */
    private static WrittenChart write(RiskCharts.ChartSpec spec, Path chartsDir, Canvas canvas) throws IOException {
        int w = ChartStyle.WIDTH;
        int h = ChartStyle.HEIGHT;
        Rectangle2D area = new Rectangle2D.Double(0, 0, w, h);

        Path pngFile = chartsDir.resolve(spec.slug() + ".png");
        AtomicFiles.write(pngFile, PngEncoder.encode(drawPng(spec.chart(), area, canvas)));

        SVGGraphics2D svg = drawSvg(spec.chart(), spec.slug(), area);
        ViewBox box = new ViewBox(0, 0, w, h);
        String file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + svg.getSVGElement(null, true, box, null, null) + "\n";
        Path svgFile = chartsDir.resolve(spec.slug() + ".svg");
        AtomicFiles.writeString(svgFile, file);

        String inline = withoutUnusedNamespaces(svg.getSVGElement("chart-" + spec.slug(), false, box,
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET));
        return new WrittenChart(pngFile, svgFile, inline);
    }

    /**
     * The chart drawn at {@link ChartStyle#PNG_SCALE} times the logical size, anti-aliased, on the
     * canvas's image (valid until the canvas draws its next chart).
     */
    private static BufferedImage drawPng(JFreeChart chart, Rectangle2D area, Canvas canvas) {
        BufferedImage image = canvas.cleared((int) area.getWidth() * ChartStyle.PNG_SCALE,
                (int) area.getHeight() * ChartStyle.PNG_SCALE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(ChartStyle.PNG_SCALE, ChartStyle.PNG_SCALE);
            chart.draw(g, area);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart drawn as SVG, its definition ids prefixed with {@code slug}. */
    private static SVGGraphics2D drawSvg(JFreeChart chart, String slug, Rectangle2D area) {
        SVGGraphics2D svg = new SVGGraphics2D(area.getWidth(), area.getHeight());
        svg.setDefsKeyPrefix(slug + "-");
        // Two decimals of a pixel are finer than any screen or printer; full doubles triple the file size.
        svg.setGeomDoubleConverter(ChartWriter::twoDecimals);
        chart.draw(svg, area);
        return svg;
    }

    /**
     * Draws a small chart of the report's kind (title, subtitle, money and percent axes, two lines,
     * legend) to a PNG and an SVG in memory and throws them away, so that loading and initialising the
     * chart, font and image code, and compiling its hottest parts, is done before the first real
     * chart. Writes nothing and changes no output.
     */
    static void warmUp() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < 2; k++) {
            XYSeries series = new XYSeries("Model " + k + " (income $)");
            for (int i = 0; i <= 40; i++) {
                series.add(i * 1_000.0, 0.5 + 0.4 * Math.sin(i / 6.0 + k));
            }
            data.addSeries(series);
        }
        XYPlot plot = new XYPlot(data, ChartStyle.moneyAxis("Net income per year"),
                ChartStyle.percentAxis("Share of years"), new XYLineAndShapeRenderer(true, false));
        ChartStyle.style(plot);
        JFreeChart chart = ChartStyle.chart("Warm-up: 1-in-20 years below $12,345", plot, true,
                "Median $45,678; 10,000 simulated years");
        Rectangle2D area = new Rectangle2D.Double(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        PngEncoder.encode(drawPng(chart, area, new Canvas()));
        drawSvg(chart, "warm-up", area).getSVGElement();
    }

    /**
     * Draws every chart as {@link #write} does, on up to one thread per core, and returns the written
     * charts in the order of {@code specs}. Each chart is drawn by one thread (JFreeChart objects are not
     * thread safe) and the bytes of each file depend on its chart alone, so the output is the same on
     * any number of cores.
     *
     * @param specs charts with distinct slugs
     * @param chartsDir the directory to write into
     * @return one written chart per spec, in the same order
     * @throws IOException the first (in {@code specs} order) failure to write a file
     */
    static List<WrittenChart> writeAll(List<RiskCharts.ChartSpec> specs, Path chartsDir) throws IOException {
        return writeAll(specs, chartsDir, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #writeAll(List, Path)} on at most {@code maxThreads} threads (tests choose the count). */
    static List<WrittenChart> writeAll(List<RiskCharts.ChartSpec> specs, Path chartsDir, int maxThreads)
            throws IOException {
        int threads = Math.min(specs.size(), maxThreads);
        if (threads <= 1) {
            Canvas canvas = new Canvas();
            List<WrittenChart> out = new ArrayList<>();
            for (RiskCharts.ChartSpec spec : specs) {
                out.add(write(spec, chartsDir, canvas));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "payrisk-chart");
            t.setDaemon(true);
            return t;
        });
        // one canvas per drawing thread: it goes with the pool's threads when they end
        ThreadLocal<Canvas> canvases = ThreadLocal.withInitial(Canvas::new);
        try {
            List<Future<WrittenChart>> futures = new ArrayList<>();
            for (RiskCharts.ChartSpec spec : specs) {
                futures.add(pool.submit(() -> write(spec, chartsDir, canvases.get())));
            }
            List<WrittenChart> out = new ArrayList<>();
            for (Future<WrittenChart> f : futures) {
                out.add(result(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The chart of {@code f}, rethrowing what its drawing threw as it was thrown. */
    private static WrittenChart result(Future<WrittenChart> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while drawing charts");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * One thread's image for drawing PNG charts, reused from chart to chart. A report's charts are
     * 1800 x 1080 pixels, 7.8 MB each, and a new image per chart was nearly half of a run's allocation
     * (175 of about 380 MB in a flight recording of the shipped scenario at 10,000 trials); reusing one
     * per thread allocates about 160 MB less (23 images become 2) and lowers that run's peak memory from
     * about 220 to 205 MB; its wall time did not measurably change. Each chart gets
     * the image cleared to zeros, exactly the pixels of a new {@link BufferedImage#TYPE_INT_RGB}
     * image, so the PNG bytes do not depend on what was drawn before. Not thread safe: one per thread.
     */
    static final class Canvas {
        private BufferedImage image;

        /** @return a w x h image with every pixel 0, this canvas's own when it has that size */
        BufferedImage cleared(int w, int h) {
            if (image == null || image.getWidth() != w || image.getHeight() != h) {
                image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            } else {
                // copied from a block of zeros: System.arraycopy is a memory-copy stub under either
                // compiler, where C1 (short runs) compiles Arrays.fill to a plain loop
                int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                for (int at = 0; at < pixels.length; at += ZEROS.length) {
                    System.arraycopy(ZEROS, 0, pixels, at, Math.min(ZEROS.length, pixels.length - at));
                }
            }
            return image;
        }

        /** Zeros to clear an image with; never written. */
        private static final int[] ZEROS = new int[64 * 1024];
    }

    /**
     * Drops JFreeSVG's xlink and jfreesvg namespace declarations when nothing uses their prefixes, so
     * the only URL left in an inlined chart is the SVG namespace name (which is never fetched).
     */
    static String withoutUnusedNamespaces(String svg) {
        String out = svg;
        for (String prefix : new String[] {"xlink", "jfreesvg"}) {
            String decl = " xmlns:" + prefix + "=";
            int at = out.indexOf(decl);
            if (at < 0) {
                continue;
            }
            char quote = out.charAt(at + decl.length());
            int end = out.indexOf(quote, at + decl.length() + 1);
            String rest = out.substring(0, at) + out.substring(end + 1);
            if (!rest.contains(prefix + ":")) {
                out = rest;
            }
        }
        return out;
    }
}
