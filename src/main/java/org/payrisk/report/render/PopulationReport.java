package org.payrisk.report.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.payrisk.analysis.PracticeProfiles;
import org.payrisk.analysis.Population;
import org.payrisk.analysis.VarySpec;
import org.payrisk.dist.TrialStreams;
import org.payrisk.report.Version;
import org.payrisk.scenario.Scenario;

/**
 * Writes the folder of {@code payrisk population}: population.json (deterministic: the same base
 * scenario, profiles, seed and trials give the same bytes on any engine and thread count),
 * population.csv (tidy: one row per point, practice and model), charts (PNG and SVG), report.html,
 * brief.md, run.json (timing and engine, not deterministic), and copies of the scenario and the
 * profiles. Stateless.
 */
public final class PopulationReport {

    private PopulationReport() {
    }

    /**
     * @param r the population's figures
     * @param profilesSha256 SHA-256 of the profiles file's bytes
     * @return population.json's bytes
     */
    public static byte[] populationJson(Population.Result r, String profilesSha256) {
        Population pop = r.population();
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        SweepReport.header(root, pop.base(), r.settings().seed(), r.settings().trials());
        ObjectNode pr = root.putObject("profiles");
        pr.put("file", pop.profiles().file().getFileName().toString());
        pr.put("sha256", profilesSha256);
        pr.put("practices", pop.profiles().rows().size());
        double total = 0;
        for (PracticeProfiles.Row row : pop.profiles().rows()) {
            total += row.weight();
        }
        pr.put("totalWeight", total);
        ArrayNode cols = pr.putArray("columns");
        for (PracticeProfiles.Column c : pop.profiles().columns()) {
            cols.add(c.text());
        }
        root.put("practiceSeed", "SplitMix64 mix of (mix(seed) xor mix(64-bit FNV-1a of the practice id's UTF-8 bytes))");
        root.put("atRiskProbLoss", Population.AT_RISK_PROB_LOSS);
        root.put("acrossQuantiles", "weighted, inverse of the weighted empirical distribution (type 1 for equal weights)");
        if (pop.vary() != null) {
            ObjectNode v = root.putObject("vary");
            v.put("path", pop.vary().text());
            ArrayNode vs = v.putArray("values");
            for (double x : pop.vary().values()) {
                vs.add(x);
            }
        }
        ArrayNode points = root.putArray("points");
        double[] values = pop.pointValues();
        List<String> models = pop.base().modelNames();
        for (int p = 0; p < r.across().size(); p++) {
            ObjectNode po = points.addObject();
            if (pop.vary() != null) {
                po.put("value", values[p]);
            }
            ArrayNode acr = po.putArray("models");
            for (Population.Across a : r.across().get(p)) {
                ObjectNode ao = acr.addObject();
                ao.put("name", a.model());
                SweepReport.num(ao, "shareAtRisk", a.shareAtRisk());
                SweepReport.num(ao, "shareBest", a.shareBest());
                distribution(ao.putObject("meanNetIncome"), a.meanNetIncome());
                distribution(ao.putObject("p05NetIncome"), a.p05NetIncome());
                distribution(ao.putObject("probLoss"), a.probLoss());
            }
            ArrayNode practices = po.putArray("practices");
            List<List<Population.Figures>> figs = r.practices().get(p);
            for (int i = 0; i < figs.size(); i++) {
                PracticeProfiles.Row row = pop.profiles().rows().get(i);
                ObjectNode o = practices.addObject();
                o.put("id", row.id());
                o.put("weight", row.weight());
                ObjectNode ms = o.putObject("models");
                for (int m = 0; m < models.size(); m++) {
                    Population.Figures f = figs.get(i).get(m);
                    ObjectNode fo = ms.putObject(models.get(m));
                    SweepReport.num(fo, "mean", f.mean());
                    SweepReport.num(fo, "meanStdError", f.meanStdError());
                    SweepReport.num(fo, "p05", f.p05());
                    SweepReport.num(fo, "probLoss", f.probLoss());
                }
            }
        }
        return SweepReport.bytes(root);
    }

    private static void distribution(ObjectNode o, Population.Distribution d) {
        SweepReport.num(o, "mean", d.mean());
        for (int k = 0; k < Population.PERCENTILES.length; k++) {
            SweepReport.num(o, String.format("p%02d", Population.PERCENTILES[k]), d.quantiles()[k]);
        }
    }

    /**
     * @param r the population's figures
     * @return population.csv: a header, then one row per point, practice and model
     */
    public static String populationCsv(Population.Result r) {
        Population pop = r.population();
        StringBuilder b = new StringBuilder("point");
        if (pop.vary() != null) {
            b.append(',').append(SweepReport.csv(pop.vary().text()));
        }
        b.append(",id,weight,model,netIncome.mean,netIncome.meanStdError,netIncome.p05,netIncome.probLoss,atRisk,best\n");
        List<String> models = pop.base().modelNames();
        double[] values = pop.pointValues();
        for (int p = 0; p < r.practices().size(); p++) {
            for (int i = 0; i < r.practices().get(p).size(); i++) {
                PracticeProfiles.Row row = pop.profiles().rows().get(i);
                List<Population.Figures> f = r.practices().get(p).get(i);
                double top = Double.NEGATIVE_INFINITY;
                for (Population.Figures x : f) {
                    top = Math.max(top, x.mean());
                }
                for (int m = 0; m < models.size(); m++) {
                    Population.Figures x = f.get(m);
                    b.append(p + 1);
                    if (pop.vary() != null) {
                        b.append(',').append(values[p]);
                    }
                    b.append(',').append(SweepReport.csv(row.id())).append(',').append(row.weight()).append(',')
                            .append(SweepReport.csv(models.get(m))).append(',').append(x.mean()).append(',')
                            .append(x.meanStdError()).append(',').append(x.p05()).append(',').append(x.probLoss()).append(',')
                            .append(x.probLoss() > Population.AT_RISK_PROB_LOSS).append(',').append(x.mean() == top)
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * The brief: per model the share of practices at risk (more than a 1-in-10 chance of a losing
     * year) and the share for which it is best on average; with a swept field, how the share at risk
     * moves from the first value to the last.
     *
     * @param r the population's figures
     * @return brief.md's text
     */
    public static String brief(Population.Result r) {
        Population pop = r.population();
        int n = pop.profiles().rows().size();
        StringBuilder b = new StringBuilder("# Population: ").append(Names.plain(pop.base().name())).append("\n\n");
        b.append(PlainNumbers.count(n)).append(" practices from ").append(pop.profiles().file().getFileName()).append(", ")
                .append(PlainNumbers.count(r.settings().trials())).append(" simulated years each, seed ")
                .append(r.settings().seed()).append(". Shares are weighted by the profiles' weights.\n\n");
        List<Population.Across> first = r.across().get(0);
        if (pop.vary() == null) {
            List<String> risk = new ArrayList<>();
            List<String> best = new ArrayList<>();
            List<String> median = new ArrayList<>();
            for (Population.Across a : first) {
                risk.add(Names.plain(a.model()) + " " + share(a.shareAtRisk()));
                best.add(Names.plain(a.model()) + " for " + share(a.shareBest()));
                median.add(Names.plain(a.model()) + " " + PlainNumbers.dollars(a.meanNetIncome().quantiles()[2]));
            }
            b.append("- Share of practices with more than a 1-in-10 chance of a losing year: ").append(Names.and(risk))
                    .append(".\n");
            b.append("- Best on average: ").append(Names.and(best)).append(" of practices.\n");
            b.append("- The median practice's average annual net income: ").append(Names.and(median)).append(".\n");
            return b.toString();
        }
        List<Population.Across> last = r.across().get(r.across().size() - 1);
        double[] v = pop.vary().values();
        for (int m = 0; m < first.size(); m++) {
            double x = first.get(m).shareAtRisk();
            double y = last.get(m).shareAtRisk();
            b.append("- If ").append(Names.plain(pop.vary().text())).append(" goes from ").append(VarySpec.format(v[0]))
                    .append(" to ").append(VarySpec.format(v[v.length - 1])).append(", the share of practices with more than "
                    + "a 1-in-10 chance of a losing year under ").append(Names.plain(first.get(m).model()))
                    .append(x == y ? " stays at " + share(x)
                            : (y > x ? " rises" : " falls") + " from " + share(x) + " to " + share(y))
                    .append(".\n");
        }
        return b.toString();
    }

    /**
     * Writes the whole folder.
     *
     * @param r the population's figures
     * @param dir an empty folder (a run directory's staging folder)
     * @param engine the engine's name, for run.json
     * @param engineStartSeconds seconds spent starting the engine (0 for the local engine), for run.json
     * @param wallSeconds seconds from start to now, for run.json
     * @return the brief's text
     * @throws IOException when a file cannot be written or the profiles file can no longer be read
     */
    public static String write(Population.Result r, Path dir, String engine, double engineStartSeconds, double wallSeconds)
            throws IOException {
        Population pop = r.population();
        Scenario base = pop.base();
        byte[] profiles = Files.readAllBytes(pop.profiles().file());
        Files.write(dir.resolve("population.json"), populationJson(r, sha256(profiles)));
        Files.writeString(dir.resolve("population.csv"), populationCsv(r), StandardCharsets.UTF_8);
        SweepReport.copyScenario(base, dir);
        Files.write(dir.resolve("profiles.csv"), profiles);
        List<RiskCharts.ChartSpec> specs = charts(r);
        Path charts = Files.createDirectories(dir.resolve("charts"));
        List<ChartWriter.WrittenChart> written = ChartWriter.writeAll(specs, charts);
        String brief = brief(r);
        Files.writeString(dir.resolve("brief.md"), brief, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), SweepReport.html("Population: " + base.name(),
                PlainNumbers.count(r.settings().trials()) + " trials per practice, seed " + r.settings().seed(), brief, specs, written,
                "Every practice's figures, one row per practice and model, are in population.csv and population.json."),
                StandardCharsets.UTF_8);
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("payriskVersion", Version.get());
        o.put("command", "payrisk population " + base.source().path() + " --practices " + pop.profiles().file());
        o.put("engine", engine);
        o.put("threads", r.settings().threads());
        o.put("seed", r.settings().seed());
        o.put("trials", r.settings().trials());
        o.put("practices", pop.profiles().rows().size());
        o.put("points", r.across().size());
        o.put("generator", TrialStreams.GENERATOR);
        o.put("javaVersion", System.getProperty("java.version"));
        o.put("inputFile", base.source().path().toAbsolutePath().normalize().toString());
        o.put("inputSha256", base.source().sha256());
        o.put("profilesFile", pop.profiles().file().toAbsolutePath().normalize().toString());
        o.put("profilesSha256", sha256(profiles));
        o.put("engineStartSeconds", engineStartSeconds);
        o.put("simulationSeconds", r.simulationSeconds());
        o.put("wallSeconds", wallSeconds);
        long trials = (long) r.settings().trials() * pop.profiles().rows().size() * r.across().size();
        o.put("trialsPerSecond", trials / r.simulationSeconds());
        Files.write(dir.resolve("run.json"), SweepReport.bytes(o));
        return brief;
    }

    /** A share of practices: none and all are said exactly, the rest as {@link PlainNumbers#percent} says them. */
    private static String share(double p) {
        return p == 0 ? "0%" : p == 1 ? "100%" : PlainNumbers.percent(p);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The charts: the spread across practices of P(loss) and of mean net income (weighted distribution
     * functions, one line per model, at the first point); with a swept field, the share at risk and the
     * share best against it.
     */
    static List<RiskCharts.ChartSpec> charts(Population.Result r) {
        Population pop = r.population();
        List<String> models = pop.base().modelNames();
        String context = Names.plain(pop.base().name()) + "  \u00b7  " + PlainNumbers.count(pop.profiles().rows().size())
                + " practices, " + PlainNumbers.count(r.settings().trials()) + " simulated years each, seed " + r.settings().seed()
                + (pop.vary() == null ? "" : "  \u00b7  at " + pop.vary().text() + " = " + VarySpec.format(pop.vary().values()[0]));
        List<RiskCharts.ChartSpec> out = new ArrayList<>();
        out.add(cdf(r, "population-prob-loss", "Chance of a losing year, across practices", "P(net income < 0) of a practice",
                false, context, m -> m.probLoss(), true));
        out.add(cdf(r, "population-mean-net-income", "Average annual net income, across practices",
                "A practice's mean net income", true, context, m -> m.mean(), false));
        if (pop.vary() != null) {
            String x = pop.vary().text();
            String ctx = Names.plain(pop.base().name()) + "  \u00b7  " + PlainNumbers.count(pop.profiles().rows().size())
                    + " practices, " + PlainNumbers.count(r.settings().trials()) + " simulated years each";
            out.add(line(r, "population-share-at-risk", "Share of practices with a 1-in-10 chance of a losing year", x,
                    "Share of practices with P(loss) > 10%", ctx, Population.Across::shareAtRisk));
            out.add(line(r, "population-share-best", "Share of practices for which each model is best on average", x,
                    "Share of practices", ctx, Population.Across::shareBest));
        }
        return out;
    }

    private static RiskCharts.ChartSpec cdf(Population.Result r, String slug, String title, String axis, boolean money,
                                           String context, java.util.function.ToDoubleFunction<Population.Figures> value,
                                           boolean atRiskMarker) {
        Population pop = r.population();
        List<String> models = pop.base().modelNames();
        List<PracticeProfiles.Row> rows = pop.profiles().rows();
        double total = 0;
        for (PracticeProfiles.Row row : rows) {
            total += row.weight();
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (int m = 0; m < models.size(); m++) {
            final int model = m;
            Integer[] order = new Integer[rows.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(
                    i -> value.applyAsDouble(r.practices().get(0).get(i).get(model))));
            XYSeries s = new XYSeries(Names.plain(models.get(m)), false, true);
            double cumulative = 0;
            for (int i : order) {
                cumulative += rows.get(i).weight();
                s.add(value.applyAsDouble(r.practices().get(0).get(i).get(model)), cumulative / total);
            }
            data.addSeries(s);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        for (int m = 0; m < models.size(); m++) {
            renderer.setSeriesPaint(m, ChartStyle.modelColour(m));
            renderer.setSeriesStroke(m, ChartStyle.modelStroke(m));
        }
        NumberAxis xAxis = money ? ChartStyle.moneyAxis(axis) : ChartStyle.percentAxis(axis);
        NumberAxis yAxis = ChartStyle.percentAxis("Share of practices at or below");
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        ChartStyle.style(plot);
        if (atRiskMarker) {
            ValueMarker mk = new ValueMarker(Population.AT_RISK_PROB_LOSS);
            mk.setPaint(ChartStyle.MUTED_TEXT);
            mk.setStroke(ChartStyle.DASHED);
            ChartStyle.label(mk, "1 in 10", ChartStyle.MUTED_TEXT);
            plot.addDomainMarker(mk);
        } else if (money) {
            plot.addDomainMarker(ChartStyle.zeroMarker(ChartStyle.LabelAt.TOP_RIGHT_OF_LINE));
        }
        JFreeChart chart = ChartStyle.chart(title, plot, true, context,
                "Each line: the weighted share of practices whose figure is at or below the value on the axis.");
        return new RiskCharts.ChartSpec(slug, "population", title, title + ": one line per model; a line further right "
                + (money ? "means more income" : "means more practices at risk") + ".", chart);
    }

    private static RiskCharts.ChartSpec line(Population.Result r, String slug, String title, String x, String axis,
                                            String context, java.util.function.ToDoubleFunction<Population.Across> value) {
        Population pop = r.population();
        List<String> models = pop.base().modelNames();
        XYSeriesCollection data = new XYSeriesCollection();
        for (int m = 0; m < models.size(); m++) {
            XYSeries s = new XYSeries(Names.plain(models.get(m)), false, true);
            for (int p = 0; p < r.across().size(); p++) {
                s.add(pop.vary().values()[p], value.applyAsDouble(r.across().get(p).get(m)));
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int m = 0; m < models.size(); m++) {
            renderer.setSeriesPaint(m, ChartStyle.modelColour(m));
            renderer.setSeriesStroke(m, ChartStyle.modelStroke(m));
        }
        NumberAxis xAxis = new NumberAxis(Names.plain(x));
        xAxis.setAutoRangeIncludesZero(false);
        ChartStyle.style(xAxis);
        XYPlot plot = new XYPlot(data, xAxis, ChartStyle.percentAxis(axis), renderer);
        ChartStyle.style(plot);
        JFreeChart chart = ChartStyle.chart(title + " as " + Names.plain(x) + " varies", plot, true, context,
                "Lines: each model. Every practice keeps its own seed at every point.");
        return new RiskCharts.ChartSpec(slug, "population", title, title + " against " + Names.plain(x)
                + ", one line per model.", chart);
    }
}
