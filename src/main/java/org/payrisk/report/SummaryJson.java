package org.payrisk.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.payrisk.analysis.CertaintyEquivalents;
import org.payrisk.analysis.InputCorrelations;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.analysis.RunAnalyses;
import org.payrisk.analysis.Stopping;
import org.payrisk.report.render.ReportInputException;
import org.payrisk.stats.ActivitySummary;
import org.payrisk.stats.CashSummary;
import org.payrisk.stats.Histogram;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.MonthlyBand;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Sensitivity;
import org.payrisk.stats.Summaries;

/**
 * The summary.json codec (schema in docs/output-format.md): writes a run's statistics and reads them
 * back into the same records ({@link RunSummary} and its parts, inside a {@link Document} that adds the
 * file's header), so the report renders from the records the engine produced and there is no second
 * summary model.
 *
 * <p>Writing: fields in a fixed order, doubles in Jackson's shortest round-trip form, so the bytes are
 * a pure function of the document; an undefined value (NaN, e.g. the sd of a single trial) is written
 * as null. Reading: null comes back as NaN where the contract allows it (standard deviations and
 * standard errors), so writing what was read gives the same bytes. Every other problem is a
 * {@link ReportInputException} whose one-line message names the file, the field path and what was
 * expected, because a report rendered from a half-understood summary would show wrong numbers with
 * full confidence. Unknown fields are ignored, and the fields added after the first release
 * ({@code warmUpMonths}, {@code generator}, the methods, {@code activity}, {@code cash}, {@code mcse},
 * {@code sensitivity}) are optional, so older runs still read. Thread safe (stateless).
 */
public final class SummaryJson {

    /** Version of the summary.json layout. */
    public static final int SCHEMA = 1;

    static final String QUANTILE_METHOD = "Hyndman-Fan type 7 (linear interpolation, the default of R and numpy)";
    /** The method of a run beyond {@link Summaries#EXACT_LIMIT}, reduced block by block. */
    static final String STREAMED_QUANTILE_METHOD = "Hyndman-Fan type 7 read from a log-bucketed histogram (runs of more than "
            + String.format(java.util.Locale.ROOT, "%,d", Summaries.EXACT_LIMIT) + " trials keep no trial): every quantile, band "
            + "and worst-5% mean within 0.1% of the magnitude of the true order statistics plus $0.01; means and "
            + "probabilities exact";
    static final String MCSE_METHOD = "batch means: trials split by index into " + Summaries.BATCHES
            + " equal consecutive batches, statistic computed per batch, standard error = sd over batches / sqrt("
            + Summaries.BATCHES + "); null below " + Summaries.MIN_TRIALS_FOR_MCSE + " trials";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    /**
     * A whole summary.json: the header that describes the run and the statistics. Arrays are shared, not
     * copied; treat the document as immutable.
     *
     * @param schema the file's schema number ({@value #SCHEMA})
     * @param payriskVersion version of payrisk that simulated the run
     * @param scenarioName the scenario's name
     * @param scenarioFile the scenario file's name, empty when the file does not say
     * @param scenarioSha256 hex SHA-256 of the scenario bytes, empty when the file does not say
     * @param seed the run's seed
     * @param warmUpMonths months simulated and discarded before the horizon, empty when the file does not say
     * @param generator the random generator, empty when the file does not say
     * @param quantileMethod how quantiles were estimated, in words (empty when the file does not say)
     * @param mcseMethod how Monte Carlo standard errors were estimated, in words (empty when not said)
     * @param quantileGrid probabilities, ascending in (0, 1), of every model's {@code netIncomeQuantiles}
     * @param summary the statistics; its trial count and horizon are the file's
     * @param analyses certainty equivalents and how a precision-targeted run stopped (parts null when
     *                 the file has none)
     */
    public record Document(int schema, String payriskVersion, String scenarioName, String scenarioFile,
                           String scenarioSha256, long seed, OptionalInt warmUpMonths, String generator,
                           String quantileMethod, String mcseMethod, double[] quantileGrid, RunSummary summary,
                           RunAnalyses analyses) {

        /** Treats missing analyses as none. */
        public Document {
            analyses = analyses == null ? RunAnalyses.NONE : analyses;
        }

        /**
         * A document without analyses (as files before them read).
         *
         * @param schema the file's schema number
         * @param payriskVersion version of payrisk
         * @param scenarioName the scenario's name
         * @param scenarioFile the scenario file's name
         * @param scenarioSha256 hex SHA-256 of the scenario bytes
         * @param seed the run's seed
         * @param warmUpMonths warm-up months
         * @param generator the random generator
         * @param quantileMethod how quantiles were estimated
         * @param mcseMethod how Monte Carlo standard errors were estimated
         * @param quantileGrid probabilities of the quantile grid
         * @param summary the statistics
         */
        public Document(int schema, String payriskVersion, String scenarioName, String scenarioFile,
                        String scenarioSha256, long seed, OptionalInt warmUpMonths, String generator,
                        String quantileMethod, String mcseMethod, double[] quantileGrid, RunSummary summary) {
            this(schema, payriskVersion, scenarioName, scenarioFile, scenarioSha256, seed, warmUpMonths, generator,
                    quantileMethod, mcseMethod, quantileGrid, summary, RunAnalyses.NONE);
        }

        /**
         * The document a run writes now: this payrisk's version, schema, methods and quantile grid.
         *
         * @param info run facts
         * @param summary statistics
         * @return the document
         */
        public static Document of(RunInfo info, RunSummary summary) {
            return of(info, summary, RunAnalyses.NONE);
        }

        /**
         * The document a run writes now, with its analyses.
         *
         * @param info run facts
         * @param summary statistics
         * @param analyses certainty equivalents and stopping record (parts may be null)
         * @return the document
         */
        public static Document of(RunInfo info, RunSummary summary, RunAnalyses analyses) {
            return new Document(SCHEMA, Version.get(), info.scenarioName(), info.scenarioFile(),
                    info.scenarioSha256(), info.seed(), OptionalInt.of(info.warmUpMonths()), info.generator(),
                    Summaries.isExact(summary.trials()) ? QUANTILE_METHOD : STREAMED_QUANTILE_METHOD, MCSE_METHOD,
                    Summaries.QUANTILE_GRID, summary, analyses);
        }

        /** @return the models, in scenario order */
        public List<ModelSummary> models() {
            return summary.models();
        }

        /** @return trials run */
        public int trials() {
            return summary.trials();
        }

        /** @return months in the horizon */
        public int horizonMonths() {
            return summary.horizonMonths();
        }

        /** @return whether every model carries the cash view (summaries from before it have none) */
        public boolean hasCash() {
            return summary.models().stream().allMatch(m -> m.cash() != null);
        }

        /**
         * @param name a model's name
         * @return its index in {@link #models()}, or -1
         */
        public int modelIndex(String name) {
            for (int i = 0; i < summary.models().size(); i++) {
                if (summary.models().get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * @param info run facts
     * @param summary statistics
     * @return the JSON text, UTF-8, ending with a newline
     */
    public static byte[] toBytes(RunInfo info, RunSummary summary) {
        return toBytes(Document.of(info, summary));
    }

    /**
     * @param info run facts
     * @param summary statistics
     * @param analyses certainty equivalents and stopping record (parts may be null)
     * @return the JSON text, UTF-8, ending with a newline
     */
    public static byte[] toBytes(RunInfo info, RunSummary summary, RunAnalyses analyses) {
        return toBytes(Document.of(info, summary, analyses));
    }

    /**
     * @param document a whole summary, as {@link #read} returns it
     * @return the JSON text, UTF-8, ending with a newline
     */
    public static byte[] toBytes(Document document) {
        try {
            String text = MAPPER.writeValueAsString(toTree(document)) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary tree always serialises", e);
        }
    }

    static ObjectNode toTree(Document d) {
        RunSummary s = d.summary();
        ObjectNode root = NODES.objectNode();
        root.put("schema", d.schema());
        root.put("payriskVersion", d.payriskVersion());
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("name", d.scenarioName());
        scenario.put("file", d.scenarioFile());
        scenario.put("sha256", d.scenarioSha256());
        root.put("seed", d.seed());
        root.put("trials", s.trials());
        root.put("horizonMonths", s.horizonMonths());
        d.warmUpMonths().ifPresent(w -> root.put("warmUpMonths", w));
        root.put("generator", d.generator());
        root.put("quantileMethod", d.quantileMethod());
        root.put("mcseMethod", d.mcseMethod());
        ArrayNode models = root.putArray("models");
        CertaintyEquivalents.Result ce = d.analyses().certaintyEquivalents();
        ParameterUncertainty.Result unc = d.analyses().uncertainty();
        for (int mi = 0; mi < s.models().size(); mi++) {
            ModelSummary m = s.models().get(mi);
            ObjectNode o = models.addObject();
            o.put("name", m.name());
            o.set("netIncome", metric(m.netIncome()));
            o.set("revenue", metric(m.revenue()));
            o.set("costs", metric(m.costs()));
            o.set("monthlyNetIncome", bands(m.monthlyNetIncome()));
            o.set("netIncomeQuantiles", array(m.netIncomeQuantiles()));
            if (m.cash() != null) {
                o.set("cash", cash(m.cash()));
            }
            ParameterUncertainty.ModelIntervals band = unc == null ? null : unc.model(m.name());
            if (band != null) {
                ObjectNode uo = o.putObject("uncertainty");
                for (Map.Entry<String, ParameterUncertainty.Interval> e : band.figures().entrySet()) {
                    ObjectNode io = uo.putObject(e.getKey());
                    num(io, "median", e.getValue().median());
                    num(io, "p05", e.getValue().p05());
                    num(io, "p95", e.getValue().p95());
                }
            }
            if (ce != null) {
                ArrayNode points = o.putArray("certaintyEquivalent");
                for (CertaintyEquivalents.Point p : ce.byModel().get(mi)) {
                    ObjectNode po = points.addObject();
                    num(po, "riskTolerance", p.riskTolerance());
                    num(po, "value", p.value());
                }
            }
        }
        root.set("quantileGrid", array(d.quantileGrid()));
        ObjectNode hist = root.putObject("netIncomeHistogram");
        hist.set("binEdges", s.models().isEmpty() ? NODES.arrayNode()
                : array(s.models().get(0).netIncomeHistogram().binEdges()));
        ObjectNode counts = hist.putObject("counts");
        for (ModelSummary m : s.models()) {
            counts.set(m.name(), array(m.netIncomeHistogram().counts()));
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (PairedComparison c : s.comparisons()) {
            ObjectNode o = comparisons.addObject();
            o.put("a", c.a());
            o.put("b", c.b());
            num(o, "meanDifference", c.meanDifference());
            num(o, "meanDifferenceStdError", c.meanDifferenceStdError());
            num(o, "probAGreater", c.probAGreater());
            num(o, "probAGreaterStdError", c.probAGreaterStdError());
            ObjectNode diff = o.putObject("difference");
            for (int i = 0; i < PairedComparison.DIFFERENCE_PERCENTILES.length; i++) {
                num(diff, percentileName(PairedComparison.DIFFERENCE_PERCENTILES[i]), c.differenceQuantiles()[i]);
            }
            o.set("histogram", histogram(c.histogram()));
        }
        ObjectNode activity = root.putObject("activity");
        for (Map.Entry<String, ActivitySummary> e : s.activity().entrySet()) {
            ActivitySummary a = e.getValue();
            ObjectNode o = activity.putObject(e.getKey());
            num(o, "mean", a.mean());
            num(o, "sd", a.sd());
            num(o, "meanStdError", a.meanStdError());
            num(o, "p05", a.p05());
            num(o, "p50", a.p50());
            num(o, "p95", a.p95());
        }
        if (s.sensitivity() != null) {
            root.set("sensitivity", sensitivity(s.sensitivity()));
        }
        if (s.responses() != null) {
            root.set("responses", ResponsesJson.write(s.responses()));
        }
        if (ce != null) {
            ArrayNode flips = root.putArray("preferenceFlips");
            for (CertaintyEquivalents.Flip f : ce.flips()) {
                ObjectNode o = flips.addObject();
                num(o, "riskTolerance", f.riskTolerance());
                o.put("below", f.below());
                o.put("above", f.above());
            }
        }
        InputCorrelations corr = d.analyses().correlations();
        if (corr != null) {
            ObjectNode o = root.putObject("correlations");
            ArrayNode in = o.putArray("inputs");
            corr.inputs().forEach(in::add);
            o.set("rank", matrix(corr.rank()));
            o.set("normal", matrix(corr.normal()));
            o.set("used", matrix(corr.used()));
            o.put("repaired", corr.repaired());
            num(o, "largestChange", corr.largestChange());
        }
        if (unc != null) {
            ObjectNode o = root.putObject("uncertainty");
            o.put("outer", unc.outer());
            o.put("trialsPerDraw", unc.trialsPerDraw());
            ArrayNode params = o.putArray("parameters");
            for (int i = 0; i < unc.parameters().size(); i++) {
                ObjectNode po = params.addObject();
                po.put("path", unc.parameters().get(i));
                po.put("distribution", unc.distributions().get(i));
            }
        }
        Stopping stop = d.analyses().stopping();
        if (stop != null) {
            ObjectNode o = root.putObject("stopping");
            o.put("rule", stop.rule());
            num(o, "precision", stop.precision());
            o.put("batch", stop.batch());
            o.put("trials", stop.trials());
            o.put("reached", stop.reached());
            ArrayNode trace = o.putArray("convergence");
            for (Stopping.Checkpoint c : stop.convergence()) {
                ObjectNode co = trace.addObject();
                co.put("trials", c.trials());
                ArrayNode est = co.putArray("models");
                for (Stopping.Estimate e : c.models()) {
                    ObjectNode eo = est.addObject();
                    num(eo, "mean", e.mean());
                    num(eo, "meanStdError", e.meanStdError());
                    num(eo, "p05", e.p05());
                    num(eo, "p05Mcse", e.p05Mcse());
                }
            }
        }
        return root;
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode rows = NODES.arrayNode();
        for (double[] row : m) {
            rows.add(array(row));
        }
        return rows;
    }

    private static ObjectNode sensitivity(Sensitivity s) {
        ObjectNode o = NODES.objectNode();
        o.put("method", s.method());
        o.put("stdErrorMethod", s.stdErrorMethod());
        ArrayNode inputs = o.putArray("inputs");
        s.inputs().forEach(inputs::add);
        ArrayNode outputs = o.putArray("outputs");
        for (Sensitivity.Output out : s.outputs()) {
            ObjectNode x = outputs.addObject();
            if (out.isDifference()) {
                x.put("a", out.a());
                x.put("b", out.b());
            } else {
                x.put("model", out.model());
            }
            num(x, "mean", out.mean());
            num(x, "rankRSquared", out.rankRSquared());
            ArrayNode effects = x.putArray("effects");
            for (Sensitivity.Effect e : out.effects()) {
                ObjectNode y = effects.addObject();
                y.put("input", e.input());
                y.put("trials", e.trials());
                num(y, "spearman", e.spearman());
                num(y, "spearmanStdError", e.spearmanStdError());
                num(y, "contributionToVariance", e.contributionToVariance());
                num(y, "meanLowDecile", e.meanLowDecile());
                num(y, "meanHighDecile", e.meanHighDecile());
                y.set("deciles", array(e.deciles()));
            }
        }
        return o;
    }

    /** @param percent e.g. 5 @return its field name, e.g. {@code p05} */
    public static String percentileName(int percent) {
        return String.format("p%02d", percent);
    }

    private static ObjectNode metric(MetricSummary m) {
        ObjectNode o = NODES.objectNode();
        num(o, "mean", m.mean());
        num(o, "sd", m.sd());
        num(o, "meanStdError", m.meanStdError());
        num(o, "min", m.min());
        num(o, "max", m.max());
        for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
            num(o, percentileName(Summaries.PERCENTILES[i]), m.quantiles()[i]);
        }
        num(o, "worst5Mean", m.worst5Mean());
        num(o, "probLoss", m.probLoss());
        if (m.mcse() == null) {
            o.putNull("mcse");
        } else {
            ObjectNode se = o.putObject("mcse");
            for (int i = 0; i < Summaries.PERCENTILES.length; i++) {
                num(se, percentileName(Summaries.PERCENTILES[i]), m.mcse().quantiles()[i]);
            }
            num(se, "worst5Mean", m.mcse().worst5Mean());
            num(se, "probLoss", m.mcse().probLoss());
        }
        return o;
    }

    private static ArrayNode bands(java.util.List<MonthlyBand> list) {
        ArrayNode monthly = NODES.arrayNode();
        for (MonthlyBand b : list) {
            ObjectNode mb = monthly.addObject();
            mb.put("month", b.month());
            num(mb, "mean", b.mean());
            num(mb, "p05", b.p05());
            num(mb, "p25", b.p25());
            num(mb, "p50", b.p50());
            num(mb, "p75", b.p75());
            num(mb, "p95", b.p95());
        }
        return monthly;
    }

    private static ObjectNode cash(CashSummary c) {
        ObjectNode o = NODES.objectNode();
        num(o, "probNegativeAnyMonth", c.probNegativeAnyMonth());
        num(o, "probNegativeAnyMonthStdError", c.probNegativeAnyMonthStdError());
        o.set("minBalance", metric(c.minBalance()));
        o.set("endBalance", metric(c.endBalance()));
        o.set("runwayMonths", metric(c.runwayMonths()));
        o.set("monthlyBalance", bands(c.monthlyBalance()));
        return o;
    }

    private static ObjectNode histogram(Histogram h) {
        ObjectNode o = NODES.objectNode();
        o.set("binEdges", array(h.binEdges()));
        o.set("counts", array(h.counts()));
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static ArrayNode array(double[] values) {
        ArrayNode a = NODES.arrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static ArrayNode array(long[] values) {
        ArrayNode a = NODES.arrayNode();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    // ---------------------------------------------------------------- reading

    private static final ObjectMapper READER = new ObjectMapper();

    /**
     * Reads and validates one summary.json.
     *
     * @param file path of {@code summary.json}
     * @return the document, in the records the engine produces
     * @throws ReportInputException if the file is missing, unreadable, not JSON, or breaks the contract
     *     (one line naming the file, the field path and what was expected)
     */
    public static Document read(Path file) throws ReportInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file, "file not found (is this a payrisk run directory?)", e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        return read(file, bytes);
    }

    /**
     * Reads and validates summary.json text.
     *
     * @param file the file the bytes come from, for messages
     * @param bytes its content
     * @return the document
     * @throws ReportInputException if the text is empty, not JSON, or breaks the contract
     */
    public static Document read(Path file, byte[] bytes) throws ReportInputException {
        if (bytes.length == 0) {
            throw new ReportInputException(file, "file is empty");
        }
        JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new ReportInputException(file, where + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ReportInputException(file, "file is empty");
        }
        return new Reader(file).document(root);
    }

    /** One file's reading: every method names the field path of what it reads in its errors. */
    private static final class Reader {

        private static final String[] QUANTILE_FIELDS = percentileNames(Summaries.PERCENTILES);
        private static final String[] DIFFERENCE_FIELDS = percentileNames(PairedComparison.DIFFERENCE_PERCENTILES);

        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        private static String[] percentileNames(int[] percents) {
            String[] out = new String[percents.length];
            for (int i = 0; i < percents.length; i++) {
                out[i] = percentileName(percents[i]);
            }
            return out;
        }

        Document document(JsonNode root) throws ReportInputException {
            requireObject(root, "(top level)");
            long schema = integer(root, "schema", "schema");
            if (schema != SCHEMA) {
                throw fail("schema", "unsupported schema " + schema + " (this payrisk reads schema " + SCHEMA + ")");
            }
            JsonNode scenario = field(root, "scenario", "scenario");
            requireObject(scenario, "scenario");
            long trials = integer(root, "trials", "trials");
            if (trials < 1 || trials > Integer.MAX_VALUE) {
                throw fail("trials", "must be between 1 and " + Integer.MAX_VALUE + ", found " + trials);
            }
            long horizon = integer(root, "horizonMonths", "horizonMonths");
            if (horizon < 1 || horizon > Integer.MAX_VALUE) {
                throw fail("horizonMonths", "must be at least 1, found " + horizon);
            }
            OptionalInt warmUp = root.hasNonNull("warmUpMonths")
                    ? OptionalInt.of((int) integer(root, "warmUpMonths", "warmUpMonths")) : OptionalInt.empty();

            double[] grid = numbers(field(root, "quantileGrid", "quantileGrid"), "quantileGrid");
            if (grid.length == 0) {
                throw fail("quantileGrid", "must not be empty");
            }
            for (int i = 0; i < grid.length; i++) {
                double p = grid[i];
                if (!(p > 0 && p < 1) || (i > 0 && p <= grid[i - 1])) {
                    throw fail("quantileGrid[" + i + "]", "probabilities must be ascending and inside (0, 1), found "
                            + p);
                }
            }

            JsonNode modelsNode = field(root, "models", "models");
            requireArray(modelsNode, "models");
            if (modelsNode.isEmpty()) {
                throw fail("models", "must list at least one model");
            }
            JsonNode hist = field(root, "netIncomeHistogram", "netIncomeHistogram");
            requireObject(hist, "netIncomeHistogram");
            double[] edges = edges(field(hist, "binEdges", "netIncomeHistogram.binEdges"),
                    "netIncomeHistogram.binEdges");
            JsonNode counts = field(hist, "counts", "netIncomeHistogram.counts");
            requireObject(counts, "netIncomeHistogram.counts");

            List<ModelSummary> models = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < modelsNode.size(); i++) {
                String path = "models[" + i + "]";
                ModelSummary m = model(modelsNode.get(i), path, (int) horizon, grid.length, edges, counts);
                if (!names.add(m.name())) {
                    throw fail(path + ".name", "duplicate model name \"" + m.name() + "\"");
                }
                models.add(m);
            }

            List<PairedComparison> comparisons = new ArrayList<>();
            JsonNode compNode = field(root, "comparisons", "comparisons");
            requireArray(compNode, "comparisons");
            for (int i = 0; i < compNode.size(); i++) {
                comparisons.add(comparison(compNode.get(i), "comparisons[" + i + "]", names));
            }

            Map<String, ActivitySummary> activity = new LinkedHashMap<>();
            JsonNode act = root.get("activity");
            if (act != null && !act.isNull()) {
                requireObject(act, "activity");
                for (Map.Entry<String, JsonNode> e : act.properties()) {
                    String p = "activity." + e.getKey();
                    JsonNode a = e.getValue();
                    requireObject(a, p);
                    activity.put(e.getKey(), new ActivitySummary(num(a, "mean", p), dispersion(a, "sd", p),
                            dispersion(a, "meanStdError", p), num(a, "p05", p), num(a, "p50", p), num(a, "p95", p)));
                }
            }

            Sensitivity sensitivity = null;
            JsonNode sens = root.get("sensitivity");
            if (sens != null && !sens.isNull()) {
                sensitivity = sensitivity(sens, names, models.size());
            }

            org.payrisk.stats.ResponseSummary responses = null;
            JsonNode resp = root.get("responses");
            if (resp != null && !resp.isNull()) {
                try {
                    responses = ResponsesJson.read(resp);
                } catch (IllegalArgumentException e) {
                    throw new ReportInputException(file, e.getMessage());
                }
            }
            RunSummary summary = new RunSummary((int) trials, (int) horizon, List.copyOf(models),
                    List.copyOf(comparisons), java.util.Collections.unmodifiableMap(activity), sensitivity, responses);
            return new Document((int) schema, text(root, "payriskVersion", "payriskVersion"),
                    text(scenario, "name", "scenario.name"), optionalText(scenario, "file"),
                    optionalText(scenario, "sha256"), integer(root, "seed", "seed"), warmUp,
                    optionalText(root, "generator"), optionalText(root, "quantileMethod"),
                    optionalText(root, "mcseMethod"), grid, summary,
                    new RunAnalyses(certaintyEquivalents(root, modelsNode, models), stopping(root, models.size()),
                            correlations(root), uncertainty(root, modelsNode, models)));
        }

        /** The optional certainty equivalents: every model's list, and the flips, or none at all. */
        private CertaintyEquivalents.Result certaintyEquivalents(JsonNode root, JsonNode modelsNode,
                                                                 List<ModelSummary> models) throws ReportInputException {
            JsonNode first = modelsNode.get(0).get("certaintyEquivalent");
            if (first == null || first.isNull()) {
                return null;
            }
            List<List<CertaintyEquivalents.Point>> byModel = new ArrayList<>();
            for (int i = 0; i < modelsNode.size(); i++) {
                String path = "models[" + i + "].certaintyEquivalent";
                JsonNode list = field(modelsNode.get(i), "certaintyEquivalent", path);
                requireArray(list, path);
                List<CertaintyEquivalents.Point> points = new ArrayList<>();
                for (int k = 0; k < list.size(); k++) {
                    String pp = path + "[" + k + "]";
                    requireObject(list.get(k), pp);
                    JsonNode t = list.get(k).get("riskTolerance");
                    double tolerance = t == null || t.isNull() ? Double.POSITIVE_INFINITY
                            : num(list.get(k), "riskTolerance", pp);
                    if (!(tolerance > 0)) {
                        throw fail(pp + ".riskTolerance", "must be a positive amount (null for risk neutral), found "
                                + tolerance);
                    }
                    points.add(new CertaintyEquivalents.Point(tolerance, num(list.get(k), "value", pp)));
                }
                byModel.add(points);
            }
            List<CertaintyEquivalents.Flip> flips = new ArrayList<>();
            JsonNode flipsNode = field(root, "preferenceFlips", "preferenceFlips");
            requireArray(flipsNode, "preferenceFlips");
            for (int k = 0; k < flipsNode.size(); k++) {
                String fp = "preferenceFlips[" + k + "]";
                JsonNode f = flipsNode.get(k);
                requireObject(f, fp);
                flips.add(new CertaintyEquivalents.Flip(num(f, "riskTolerance", fp), text(f, "below", fp + ".below"),
                        text(f, "above", fp + ".above")));
            }
            return new CertaintyEquivalents.Result(byModel, flips);
        }

        /** The optional record of correlated inputs: square matrices, one row per input. */
        private InputCorrelations correlations(JsonNode root) throws ReportInputException {
            JsonNode o = root.get("correlations");
            if (o == null || o.isNull()) {
                return null;
            }
            requireObject(o, "correlations");
            JsonNode in = field(o, "inputs", "correlations.inputs");
            requireArray(in, "correlations.inputs");
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                if (!in.get(i).isTextual()) {
                    throw fail("correlations.inputs[" + i + "]", "expected a string, found " + describe(in.get(i)));
                }
                inputs.add(in.get(i).asText());
            }
            JsonNode repaired = field(o, "repaired", "correlations.repaired");
            if (!repaired.isBoolean()) {
                throw fail("correlations.repaired", "expected true or false, found " + describe(repaired));
            }
            return new InputCorrelations(inputs, matrix(o, "rank", inputs.size()), matrix(o, "normal", inputs.size()),
                    matrix(o, "used", inputs.size()), repaired.booleanValue(), num(o, "largestChange", "correlations"));
        }

        private double[][] matrix(JsonNode o, String name, int n) throws ReportInputException {
            String path = "correlations." + name;
            JsonNode rows = field(o, name, path);
            requireArray(rows, path);
            if (rows.size() != n) {
                throw fail(path, "expected " + n + " rows (one per input), found " + rows.size());
            }
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                JsonNode row = rows.get(i);
                requireArray(row, path + "[" + i + "]");
                if (row.size() != n) {
                    throw fail(path + "[" + i + "]", "expected " + n + " numbers, found " + row.size());
                }
                for (int j = 0; j < n; j++) {
                    if (!row.get(j).isNumber() || !(Math.abs(row.get(j).doubleValue()) <= 1)) {
                        throw fail(path + "[" + i + "][" + j + "]", "expected a correlation in [-1, 1], found "
                                + describe(row.get(j)));
                    }
                    out[i][j] = row.get(j).doubleValue();
                }
            }
            return out;
        }

        /** The optional uncertainty record: the top-level object and one per model. */
        private ParameterUncertainty.Result uncertainty(JsonNode root, JsonNode modelsNode, List<ModelSummary> models)
                throws ReportInputException {
            JsonNode o = root.get("uncertainty");
            if (o == null || o.isNull()) {
                return null;
            }
            requireObject(o, "uncertainty");
            JsonNode params = field(o, "parameters", "uncertainty.parameters");
            requireArray(params, "uncertainty.parameters");
            List<String> paths = new ArrayList<>();
            List<String> dists = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                String pp = "uncertainty.parameters[" + i + "]";
                requireObject(params.get(i), pp);
                paths.add(text(params.get(i), "path", pp + ".path"));
                dists.add(text(params.get(i), "distribution", pp + ".distribution"));
            }
            List<ParameterUncertainty.ModelIntervals> bands = new ArrayList<>();
            for (int m = 0; m < modelsNode.size(); m++) {
                String mp = "models[" + m + "].uncertainty";
                JsonNode u = field(modelsNode.get(m), "uncertainty", mp);
                requireObject(u, mp);
                Map<String, ParameterUncertainty.Interval> figures = new java.util.LinkedHashMap<>();
                for (String f : ParameterUncertainty.FIGURES) {
                    JsonNode io = u.get(f);
                    if (io == null || io.isNull()) {
                        continue;
                    }
                    requireObject(io, mp + "." + f);
                    figures.put(f, new ParameterUncertainty.Interval(num(io, "median", mp + "." + f),
                            num(io, "p05", mp + "." + f), num(io, "p95", mp + "." + f)));
                }
                bands.add(new ParameterUncertainty.ModelIntervals(models.get(m).name(), figures));
            }
            return new ParameterUncertainty.Result((int) integer(o, "outer", "uncertainty.outer"),
                    (int) integer(o, "trialsPerDraw", "uncertainty.trialsPerDraw"), paths, dists, bands);
        }

        /** The optional stopping record of a precision-targeted run. */
        private Stopping stopping(JsonNode root, int models) throws ReportInputException {
            JsonNode o = root.get("stopping");
            if (o == null || o.isNull()) {
                return null;
            }
            requireObject(o, "stopping");
            JsonNode reached = field(o, "reached", "stopping.reached");
            if (!reached.isBoolean()) {
                throw fail("stopping.reached", "expected true or false, found " + describe(reached));
            }
            JsonNode trace = field(o, "convergence", "stopping.convergence");
            requireArray(trace, "stopping.convergence");
            List<Stopping.Checkpoint> checkpoints = new ArrayList<>();
            for (int k = 0; k < trace.size(); k++) {
                String cp = "stopping.convergence[" + k + "]";
                JsonNode c = trace.get(k);
                requireObject(c, cp);
                JsonNode est = field(c, "models", cp + ".models");
                requireArray(est, cp + ".models");
                if (est.size() != models) {
                    throw fail(cp + ".models", "expected " + models + " entries (one per model), found " + est.size());
                }
                List<Stopping.Estimate> estimates = new ArrayList<>();
                for (int m = 0; m < est.size(); m++) {
                    String ep = cp + ".models[" + m + "]";
                    requireObject(est.get(m), ep);
                    estimates.add(new Stopping.Estimate(num(est.get(m), "mean", ep), dispersion(est.get(m), "meanStdError", ep),
                            num(est.get(m), "p05", ep), dispersion(est.get(m), "p05Mcse", ep)));
                }
                checkpoints.add(new Stopping.Checkpoint((int) integer(c, "trials", cp + ".trials"), estimates));
            }
            return new Stopping(text(o, "rule", "stopping.rule"), num(o, "precision", "stopping"),
                    (int) integer(o, "batch", "stopping.batch"), (int) integer(o, "trials", "stopping.trials"),
                    reached.booleanValue(), checkpoints);
        }

        /**
         * The optional sensitivity object: one output per model, then one per pair, each with one effect
         * per listed input, in the inputs' order; every model name must name a model of this summary.
         */
        private Sensitivity sensitivity(JsonNode s, Set<String> names, int modelCount) throws ReportInputException {
            String path = "sensitivity";
            requireObject(s, path);
            JsonNode in = field(s, "inputs", path + ".inputs");
            requireArray(in, path + ".inputs");
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                JsonNode v = in.get(i);
                if (!v.isTextual()) {
                    throw fail(path + ".inputs[" + i + "]", "expected a string, found " + describe(v));
                }
                inputs.add(v.asText());
            }
            JsonNode outs = field(s, "outputs", path + ".outputs");
            requireArray(outs, path + ".outputs");
            List<Sensitivity.Output> outputs = new ArrayList<>();
            for (int o = 0; o < outs.size(); o++) {
                String op = path + ".outputs[" + o + "]";
                JsonNode out = outs.get(o);
                requireObject(out, op);
                String model = null;
                String a = null;
                String b = null;
                if (out.has("model")) {
                    model = modelName(out, "model", op, names);
                } else {
                    a = modelName(out, "a", op, names);
                    b = modelName(out, "b", op, names);
                }
                double r2 = dispersion(out, "rankRSquared", op);
                if (r2 < 0 || r2 > 1) {
                    throw fail(op + ".rankRSquared", "must be in [0, 1], found " + r2);
                }
                JsonNode effectsNode = field(out, "effects", op + ".effects");
                requireArray(effectsNode, op + ".effects");
                if (effectsNode.size() != inputs.size()) {
                    throw fail(op + ".effects", "expected " + inputs.size() + " effects (one per input), found "
                            + effectsNode.size());
                }
                List<Sensitivity.Effect> effects = new ArrayList<>();
                for (int i = 0; i < effectsNode.size(); i++) {
                    String ep = op + ".effects[" + i + "]";
                    JsonNode e = effectsNode.get(i);
                    requireObject(e, ep);
                    String input = text(e, "input", ep + ".input");
                    if (!input.equals(inputs.get(i))) {
                        throw fail(ep + ".input", "expected \"" + inputs.get(i) + "\" (the inputs' order), found \""
                                + input + "\"");
                    }
                    double r = dispersion(e, "spearman", ep);
                    if (r < -1 || r > 1) {
                        throw fail(ep + ".spearman", "must be a correlation in [-1, 1], found " + r);
                    }
                    double c = dispersion(e, "contributionToVariance", ep);
                    if (c < -1 || c > 1) {
                        throw fail(ep + ".contributionToVariance", "must be in [-1, 1], found " + c);
                    }
                    String dp = ep + ".deciles";
                    JsonNode dn = field(e, "deciles", dp);
                    requireArray(dn, dp);
                    if (dn.size() != Sensitivity.DECILES) {
                        throw fail(dp, "expected " + Sensitivity.DECILES + " values, found " + dn.size());
                    }
                    double[] deciles = new double[dn.size()];
                    for (int g = 0; g < deciles.length; g++) {
                        JsonNode v = dn.get(g);
                        if (!v.isNull() && (!v.isNumber() || !Double.isFinite(v.asDouble()))) {
                            throw fail(dp + "[" + g + "]", "expected a number or null, found " + describe(v));
                        }
                        deciles[g] = v.isNull() ? Double.NaN : v.asDouble();
                    }
                    long used = integer(e, "trials", ep + ".trials");
                    effects.add(new Sensitivity.Effect(input, (int) used, r, dispersion(e, "spearmanStdError", ep), c,
                            dispersion(e, "meanLowDecile", ep), dispersion(e, "meanHighDecile", ep), deciles));
                }
                outputs.add(new Sensitivity.Output(model, a, b, num(out, "mean", op), r2, effects));
            }
            int pairs = modelCount * (modelCount - 1) / 2;
            if (outputs.size() != modelCount + pairs) {
                throw fail(path + ".outputs", "expected " + (modelCount + pairs) + " outputs (one per model, then one per "
                        + "pair of models), found " + outputs.size());
            }
            return new Sensitivity(optionalText(s, "method"), optionalText(s, "stdErrorMethod"), inputs, outputs);
        }

        private String modelName(JsonNode parent, String name, String path, Set<String> names) throws ReportInputException {
            String v = text(parent, name, path + "." + name);
            if (!names.contains(v)) {
                throw fail(path + "." + name, "names no model of this summary: \"" + v + "\"");
            }
            return v;
        }

        private ModelSummary model(JsonNode m, String path, int horizon, int gridSize, double[] edges,
                                   JsonNode histogramCounts) throws ReportInputException {
            requireObject(m, path);
            String name = text(m, "name", path + ".name");
            if (name.isBlank()) {
                throw fail(path + ".name", "must not be blank");
            }
            MetricSummary net = metric(field(m, "netIncome", path + ".netIncome"), path + ".netIncome");
            MetricSummary revenue = metric(field(m, "revenue", path + ".revenue"), path + ".revenue");
            MetricSummary costs = metric(field(m, "costs", path + ".costs"), path + ".costs");

            List<MonthlyBand> bands = bands(m, "monthlyNetIncome", path, 1, horizon, " months (horizonMonths)");

            String qp = path + ".netIncomeQuantiles";
            double[] quantiles = numbers(field(m, "netIncomeQuantiles", qp), qp);
            if (quantiles.length != gridSize) {
                throw fail(qp, "expected " + gridSize + " values (one per quantileGrid entry), found "
                        + quantiles.length);
            }
            for (int i = 1; i < quantiles.length; i++) {
                if (quantiles[i] < quantiles[i - 1]) {
                    throw fail(qp + "[" + i + "]", "quantiles must not decrease, found " + quantiles[i]
                            + " after " + quantiles[i - 1]);
                }
            }
            CashSummary cash = null;
            JsonNode cashNode = m.get("cash");
            if (cashNode != null && !cashNode.isNull()) {
                cash = cash(cashNode, path + ".cash", horizon);
            }
            String cp = "netIncomeHistogram.counts." + name;
            long[] counts = counts(field(histogramCounts, name, cp), cp, edges.length - 1);
            return new ModelSummary(name, net, revenue, costs, List.copyOf(bands), quantiles,
                    new Histogram(edges, counts), cash);
        }

        /** The optional per-model cash object; when present it is held to the contract like everything else. */
        private CashSummary cash(JsonNode c, String path, int horizon) throws ReportInputException {
            requireObject(c, path);
            double p = num(c, "probNegativeAnyMonth", path);
            if (p < 0 || p > 1) {
                throw fail(path + ".probNegativeAnyMonth", "must be a probability in [0, 1], found " + p);
            }
            double se = dispersion(c, "probNegativeAnyMonthStdError", path);
            MetricSummary min = metric(field(c, "minBalance", path + ".minBalance"), path + ".minBalance");
            MetricSummary end = metric(field(c, "endBalance", path + ".endBalance"), path + ".endBalance");
            MetricSummary runway = metric(field(c, "runwayMonths", path + ".runwayMonths"), path + ".runwayMonths");
            List<MonthlyBand> bands = bands(c, "monthlyBalance", path, 0, horizon + 1,
                    " months (0 to horizonMonths)");
            return new CashSummary(p, se, min, end, runway, bands);
        }

        /** A list of monthly bands, one per month from {@code firstMonth}, each naming its month. */
        private List<MonthlyBand> bands(JsonNode parent, String name, String parentPath, int firstMonth, int count,
                                        String what) throws ReportInputException {
            String path = parentPath + "." + name;
            JsonNode monthly = field(parent, name, path);
            requireArray(monthly, path);
            if (monthly.size() != count) {
                throw fail(path, "expected " + count + what + ", found " + monthly.size());
            }
            List<MonthlyBand> bands = new ArrayList<>();
            for (int i = 0; i < monthly.size(); i++) {
                String bp = path + "[" + i + "]";
                JsonNode b = monthly.get(i);
                requireObject(b, bp);
                long month = integer(b, "month", bp + ".month");
                if (month != firstMonth + i) {
                    throw fail(bp + ".month", "expected month " + (firstMonth + i) + ", found " + month);
                }
                bands.add(new MonthlyBand((int) month, num(b, "mean", bp), num(b, "p05", bp), num(b, "p25", bp),
                        num(b, "p50", bp), num(b, "p75", bp), num(b, "p95", bp)));
            }
            return bands;
        }

        private MetricSummary metric(JsonNode n, String path) throws ReportInputException {
            requireObject(n, path);
            double[] q = new double[QUANTILE_FIELDS.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = num(n, QUANTILE_FIELDS[i], path);
            }
            double probLoss = num(n, "probLoss", path);
            if (probLoss < 0 || probLoss > 1) {
                throw fail(path + ".probLoss", "must be a probability in [0, 1], found " + probLoss);
            }
            MetricSummary.Mcse mcse = null;
            JsonNode mc = n.get("mcse");
            if (mc != null && !mc.isNull()) {
                String mp = path + ".mcse";
                requireObject(mc, mp);
                double[] e = new double[QUANTILE_FIELDS.length];
                for (int i = 0; i < e.length; i++) {
                    e[i] = num(mc, QUANTILE_FIELDS[i], mp);
                }
                mcse = new MetricSummary.Mcse(e, num(mc, "worst5Mean", mp), num(mc, "probLoss", mp));
            }
            return new MetricSummary(num(n, "mean", path), dispersion(n, "sd", path),
                    dispersion(n, "meanStdError", path), num(n, "min", path), num(n, "max", path), q,
                    num(n, "worst5Mean", path), probLoss, mcse);
        }

        private PairedComparison comparison(JsonNode c, String path, Set<String> names) throws ReportInputException {
            requireObject(c, path);
            String a = text(c, "a", path + ".a");
            String b = text(c, "b", path + ".b");
            for (String[] ab : new String[][] {{"a", a}, {"b", b}}) {
                if (!names.contains(ab[1])) {
                    throw fail(path + "." + ab[0], "names no model of this summary: \"" + ab[1] + "\"");
                }
            }
            double p = num(c, "probAGreater", path);
            if (p < 0 || p > 1) {
                throw fail(path + ".probAGreater", "must be a probability in [0, 1], found " + p);
            }
            String dp = path + ".difference";
            JsonNode d = field(c, "difference", dp);
            requireObject(d, dp);
            double[] diff = new double[DIFFERENCE_FIELDS.length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = num(d, DIFFERENCE_FIELDS[i], dp);
            }
            String hp = path + ".histogram";
            JsonNode h = field(c, "histogram", hp);
            requireObject(h, hp);
            double[] edges = edges(field(h, "binEdges", hp + ".binEdges"), hp + ".binEdges");
            long[] counts = counts(field(h, "counts", hp + ".counts"), hp + ".counts", edges.length - 1);
            return new PairedComparison(a, b, num(c, "meanDifference", path),
                    dispersion(c, "meanDifferenceStdError", path), p, num(c, "probAGreaterStdError", path), diff,
                    new Histogram(edges, counts));
        }

        private double[] edges(JsonNode n, String path) throws ReportInputException {
            double[] edges = numbers(n, path);
            if (edges.length < 2) {
                throw fail(path, "needs at least 2 bin edges, found " + edges.length);
            }
            for (int i = 1; i < edges.length; i++) {
                if (edges[i] < edges[i - 1]) {
                    throw fail(path + "[" + i + "]", "bin edges must be ascending");
                }
            }
            return edges;
        }

        private long[] counts(JsonNode n, String path, int bins) throws ReportInputException {
            requireArray(n, path);
            if (n.size() != bins) {
                throw fail(path, "expected " + bins + " counts (one per bin), found " + n.size());
            }
            long[] out = new long[bins];
            for (int i = 0; i < n.size(); i++) {
                JsonNode v = n.get(i);
                if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
                    throw fail(path + "[" + i + "]", "expected a count (integer >= 0), found " + describe(v));
                }
                out[i] = v.asLong();
            }
            return out;
        }

        private double[] numbers(JsonNode n, String path) throws ReportInputException {
            requireArray(n, path);
            double[] out = new double[n.size()];
            for (int i = 0; i < n.size(); i++) {
                JsonNode v = n.get(i);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw fail(path + "[" + i + "]", "expected a number, found " + describe(v));
                }
                out[i] = v.asDouble();
            }
            return out;
        }

        private JsonNode field(JsonNode parent, String name, String path) throws ReportInputException {
            JsonNode v = parent.get(name);
            if (v == null) {
                throw fail(path, "missing");
            }
            return v;
        }

        private double num(JsonNode parent, String name, String parentPath) throws ReportInputException {
            String path = parentPath + "." + name;
            JsonNode v = field(parent, name, path);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw fail(path, "expected a number, found " + describe(v));
            }
            return v.asDouble();
        }

        /**
         * A dispersion statistic, which the writer writes as null when it is undefined (one trial has no
         * standard deviation): NaN then, as in the engine, which the report shows as "n/a".
         */
        private double dispersion(JsonNode parent, String name, String parentPath) throws ReportInputException {
            JsonNode v = field(parent, name, parentPath + "." + name);
            return v.isNull() ? Double.NaN : num(parent, name, parentPath);
        }

        private long integer(JsonNode parent, String name, String path) throws ReportInputException {
            JsonNode v = field(parent, name, path);
            if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                throw fail(path, "expected an integer, found " + describe(v));
            }
            return v.asLong();
        }

        private String text(JsonNode parent, String name, String path) throws ReportInputException {
            JsonNode v = field(parent, name, path);
            if (!v.isTextual()) {
                throw fail(path, "expected a string, found " + describe(v));
            }
            return v.asText();
        }

        private static String optionalText(JsonNode parent, String name) {
            JsonNode v = parent.get(name);
            return v == null || v.isNull() ? "" : v.asText();
        }

        private void requireObject(JsonNode n, String path) throws ReportInputException {
            if (!n.isObject()) {
                throw fail(path, "expected an object, found " + describe(n));
            }
        }

        private void requireArray(JsonNode n, String path) throws ReportInputException {
            if (!n.isArray()) {
                throw fail(path, "expected an array, found " + describe(n));
            }
        }

        private ReportInputException fail(String path, String problem) {
            return new ReportInputException(file, path + ": " + problem);
        }

        /** Names what was found, shortened so the message stays on one line. */
        private static String describe(JsonNode n) {
            if (n == null || n.isMissingNode()) {
                return "nothing";
            }
            if (n.isObject()) {
                return "an object";
            }
            if (n.isArray()) {
                return "an array";
            }
            String s = n.toString();
            return s.length() > 40 ? s.substring(0, 37) + "..." : s;
        }
    }
}
