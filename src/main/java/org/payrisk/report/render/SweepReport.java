package org.payrisk.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Sweep;
import org.payrisk.analysis.VarySpec;
import org.payrisk.dist.TrialStreams;
import org.payrisk.report.Version;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.RunSummary;

/**
 * Writes the folder of {@code payrisk sweep} (sweep.json, sweep.csv, charts, report.html, brief.md,
 * run.json, the scenario copy) and of {@code payrisk solve} (solve.json, its chart, brief.md, run.json,
 * the scenario copy). sweep.json and solve.json are deterministic: every figure is a field of the
 * points' run summaries, doubles in Jackson's shortest round-trip form. Stateless.
 */
public final class SweepReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReport() {
    }

    /**
     * @param r the sweep's figures
     * @return sweep.json's bytes
     */
    public static byte[] sweepJson(Sweep.Result r) {
        Sweep sweep = r.sweep();
        ObjectNode root = MAPPER.createObjectNode();
        header(root, sweep.base(), r.settings().seed(), r.settings().trials());
        ArrayNode params = root.putArray("parameters");
        for (VarySpec p : sweep.parameters()) {
            ObjectNode o = params.addObject();
            o.put("path", p.text());
            ArrayNode vs = o.putArray("values");
            for (double v : p.values()) {
                vs.add(v);
            }
        }
        ArrayNode points = root.putArray("points");
        for (int i = 0; i < sweep.points().size(); i++) {
            Sweep.Point p = sweep.points().get(i);
            RunSummary s = r.summaries().get(i);
            ObjectNode o = points.addObject();
            ObjectNode values = o.putObject("values");
            for (int k = 0; k < sweep.parameters().size(); k++) {
                values.put(sweep.parameters().get(k).text(), p.values()[k]);
            }
            ArrayNode models = o.putArray("models");
            for (ModelSummary m : s.models()) {
                ObjectNode mo = models.addObject();
                mo.put("name", m.name());
                MetricSummary ni = m.netIncome();
                ObjectNode n = mo.putObject("netIncome");
                num(n, "mean", ni.mean());
                num(n, "meanStdError", ni.meanStdError());
                num(n, "p05", ni.percentile(5));
                num(n, "p50", ni.percentile(50));
                num(n, "p95", ni.percentile(95));
                num(n, "probLoss", ni.probLoss());
                if (m.cash() != null) {
                    num(mo.putObject("cash"), "probNegativeAnyMonth", m.cash().probNegativeAnyMonth());
                }
            }
            ArrayNode comps = o.putArray("comparisons");
            for (PairedComparison c : s.comparisons()) {
                ObjectNode co = comps.addObject();
                co.put("a", c.a());
                co.put("b", c.b());
                num(co, "meanDifference", c.meanDifference());
                num(co, "meanDifferenceStdError", c.meanDifferenceStdError());
                num(co, "probAGreater", c.probAGreater());
            }
        }
        return bytes(root);
    }

    /**
     * @param r the sweep's figures
     * @return sweep.csv: a header, then one row per point and model
     */
    public static String sweepCsv(Sweep.Result r) {
        Sweep sweep = r.sweep();
        StringBuilder b = new StringBuilder("point");
        for (VarySpec p : sweep.parameters()) {
            b.append(',').append(csv(p.text()));
        }
        b.append(",model,netIncome.mean,netIncome.meanStdError,netIncome.p05,netIncome.p50,netIncome.p95,netIncome.probLoss,"
                + "cash.probNegativeAnyMonth\n");
        for (int i = 0; i < sweep.points().size(); i++) {
            for (ModelSummary m : r.summaries().get(i).models()) {
                b.append(i + 1);
                for (double v : sweep.points().get(i).values()) {
                    b.append(',').append(v);
                }
                MetricSummary ni = m.netIncome();
                b.append(',').append(csv(m.name())).append(',').append(ni.mean()).append(',').append(ni.meanStdError())
                        .append(',').append(ni.percentile(5)).append(',').append(ni.percentile(50)).append(',')
                        .append(ni.percentile(95)).append(',').append(ni.probLoss()).append(',')
                        .append(m.cash() == null ? "" : Double.toString(m.cash().probNegativeAnyMonth())).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Writes a sweep's whole folder.
     *
     * @param r the sweep's figures
     * @param dir an empty folder (a run directory's staging folder)
     * @param threads threads used, for run.json
     * @param wallSeconds seconds from start to now, for run.json
     * @return the brief's text
     * @throws IOException when a file cannot be written
     */
    public static String writeSweep(Sweep.Result r, Path dir, int threads, double wallSeconds) throws IOException {
        Scenario base = r.sweep().base();
        Files.write(dir.resolve("sweep.json"), sweepJson(r));
        Files.writeString(dir.resolve("sweep.csv"), sweepCsv(r), StandardCharsets.UTF_8);
        copyScenario(base, dir);
        List<RiskCharts.ChartSpec> specs = SweepCharts.sweep(r, base.name());
        Path charts = Files.createDirectories(dir.resolve("charts"));
        List<ChartWriter.WrittenChart> written = ChartWriter.writeAll(specs, charts); // on all cores, in order
        String brief = SweepBrief.sweep(r);
        Files.writeString(dir.resolve("brief.md"), brief, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html("Sweep: " + base.name(), PlainNumbers.count(r.settings().trials())
                + " simulated years at each of " + r.sweep().points().size() + " points, seed " + r.settings().seed(), brief, specs, written,
                "Every point's figures, one row per point and model, are in sweep.csv and sweep.json."), StandardCharsets.UTF_8);
        runJson(dir, base, "sweep", r.settings().seed(), r.settings().trials(), threads, r.simulationSeconds(), wallSeconds,
                r.sweep().points().size(), r.practiceRuns());
        return brief;
    }

    /**
     * Writes a solve's whole folder.
     *
     * @param r the solved value
     * @param base the scenario as read
     * @param dir an empty folder (a run directory's staging folder)
     * @param simulationSeconds seconds spent in evaluations
     * @param wallSeconds seconds from start to now
     * @return the sentence (also in brief.md)
     * @throws IOException when a file cannot be written
     */
    public static String writeSolve(Solve.Result r, Scenario base, Path dir, double simulationSeconds, double wallSeconds)
            throws IOException {
        Files.write(dir.resolve("solve.json"), solveJson(r, base));
        copyScenario(base, dir);
        Path charts = Files.createDirectories(dir.resolve("charts"));
        RiskCharts.ChartSpec spec = SweepCharts.solve(r, base.name());
        ChartWriter.WrittenChart w = ChartWriter.write(spec, charts);
        String sentence = SweepBrief.sentence(r);
        String brief = SweepBrief.solve(r, base, sentence);
        Files.writeString(dir.resolve("brief.md"), brief, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html("Solve: " + base.name(), PlainNumbers.count(r.settings().trials())
                + " simulated years at each of " + r.evaluations().size() + " values, seed " + r.settings().seed(), brief, List.of(spec), List.of(w),
                "Every evaluation is in solve.json."), StandardCharsets.UTF_8);
        runJson(dir, base, "solve", r.settings().seed(), r.settings().trials(), r.settings().threads(), simulationSeconds,
                wallSeconds, r.evaluations().size(), r.practiceRuns());
        return sentence;
    }

    /**
     * @param r the solved value
     * @param base the scenario as read
     * @return solve.json's bytes
     */
    public static byte[] solveJson(Solve.Result r, Scenario base) {
        ObjectNode root = MAPPER.createObjectNode();
        header(root, base, r.settings().seed(), r.settings().trials());
        root.put("path", r.path());
        root.put("target", r.target().toString());
        root.put("between", VarySpec.format(r.lo()) + ":" + VarySpec.format(r.hi()));
        num(root, "value", r.value());
        ArrayNode iv = root.putArray("interval");
        for (double v : r.interval()) {
            if (Double.isFinite(v)) {
                iv.add(v);
            } else {
                iv.addNull();
            }
        }
        root.put("intervalLevel", 0.95);
        root.put("intervalMethod", r.intervalMethod());
        ArrayNode cut = root.putArray("intervalCutAtBracket");
        cut.add(r.intervalCut()[0]);
        cut.add(r.intervalCut()[1]);
        num(root, "tolerance", r.tolerance());
        root.put("solver", "commons-math3 BrentSolver on the bracket where LHS - RHS changes sign, after a scan of "
                + Solve.SCAN + " evenly spaced values");
        if (r.holdsAbove() != null) {
            root.put("holds", r.holdsAbove() ? "at and above the value" : "at and below the value");
        }
        root.put("sentence", SweepBrief.sentence(r));
        ArrayNode ev = root.putArray("evaluations");
        for (Solve.Evaluation e : r.evaluations()) {
            ObjectNode o = ev.addObject();
            num(o, "value", e.value());
            num(o, "lhs", e.lhs());
            num(o, "rhs", e.rhs());
            num(o, "differenceStdError", e.differenceStdError());
        }
        return bytes(root);
    }

    static void header(ObjectNode root, Scenario base, long seed, int trials) {
        root.put("payriskVersion", Version.get());
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", base.name());
        sc.put("file", base.source().path().getFileName().toString());
        sc.put("sha256", base.source().sha256());
        root.put("seed", seed);
        root.put("trials", trials);
        root.put("generator", TrialStreams.GENERATOR);
    }

    static void copyScenario(Scenario base, Path dir) throws IOException {
        Files.write(dir.resolve(base.source().isJson() ? "scenario.json" : "scenario.yaml"), base.source().bytes());
    }

    private static void runJson(Path dir, Scenario base, String command, long seed, int trials, int threads,
                                double simulationSeconds, double wallSeconds, int runs, int practiceRuns)
            throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("payriskVersion", Version.get());
        o.put("command", "payrisk " + command + " " + base.source().path());
        o.put("engine", "local");
        o.put("threads", threads);
        o.put("seed", seed);
        o.put("trials", trials);
        o.put("runs", runs);
        o.put("practiceSimulations", practiceRuns); // points or values tried together share one (not deterministic: it depends on memory)
        o.put("generator", TrialStreams.GENERATOR);
        o.put("javaVersion", System.getProperty("java.version"));
        o.put("inputFile", base.source().path().toAbsolutePath().normalize().toString());
        o.put("inputSha256", base.source().sha256());
        o.put("simulationSeconds", simulationSeconds);
        o.put("wallSeconds", wallSeconds);
        Files.write(dir.resolve("run.json"), bytes(o));
    }

    /**
     * The scope of {@code analysis.html.mustache}, the report page of a sweep or a solve.
     *
     * @param title the heading
     * @param meta trials and seed, in words
     * @param brief the brief, as paragraphs and lists (escaped by the template)
     * @param figures the charts, in order
     * @param note where the figures are
     */
    record Page(String title, String meta, List<Block> brief, List<Figure> figures, String note) {
    }

    /**
     * A paragraph, or a list of items, of the brief.
     *
     * @param paragraph the paragraph's text, or null for a list
     * @param items the list's items (empty for a paragraph)
     */
    record Block(String paragraph, List<String> items) {
    }

    /**
     * One chart of the page.
     *
     * @param slug the chart's file name without extension
     * @param svg the inline SVG payrisk drew (the one value the template does not escape)
     * @param caption what the chart shows
     */
    record Figure(String slug, String svg, String caption) {
    }

    static String html(String title, String meta, String brief, List<RiskCharts.ChartSpec> specs,
                               List<ChartWriter.WrittenChart> written, String note) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            figures.add(new Figure(specs.get(i).slug(), written.get(i).inlineSvg(), specs.get(i).caption()));
        }
        return Templates.html("analysis.html.mustache", new Page(title, meta + ", payrisk " + Version.get(), blocks(brief),
                figures, note));
    }

    /**
     * The brief's Markdown as paragraphs and lists of plain text (the title line is the page's
     * heading; Markdown's escapes, code quotes and bold marks are dropped, the template escapes
     * the text for HTML).
     */
    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        List<String> items = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("# ") || line.isBlank()) {
                items = null;
                continue;
            }
            if (line.startsWith("- ")) {
                if (items == null) {
                    items = new ArrayList<>();
                    out.add(new Block(null, items));
                }
                items.add(text(line.substring(2)));
            } else {
                items = null;
                out.add(new Block(text(line), List.of()));
            }
        }
        return out;
    }

    private static String text(String markdown) {
        return markdown.replaceAll("\\\\(\\p{Punct})", "$1").replace("**", "").replace("`", "");
    }

    static String csv(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t; // a spreadsheet must not run a name as a formula
        }
        return t.matches(".*[\",\n\r].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    static void num(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    static byte[] bytes(ObjectNode root) {
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }
}
