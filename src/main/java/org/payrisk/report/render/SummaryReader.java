package org.payrisk.report.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates {@code summary.json} (schema 1 of {@code docs/output-format.md}) into a
 * {@link Summary}.
 *
 * <p>Every problem becomes a {@link ReportInputException} whose one-line message names the file, the
 * field path and what was expected, because a report rendered from a half-understood summary would
 * show wrong numbers with full confidence. Unknown fields are ignored. Thread safe: no state.
 */
final class SummaryReader {

    /** The schema number this reader understands. */
    static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] METRIC_QUANTILES =
            {"p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};

    private final Path file;

    private SummaryReader(Path file) {
        this.file = file;
    }

    /**
     * Reads one summary file.
     *
     * @param file path of {@code summary.json}
     * @return the validated summary
     * @throws ReportInputException if the file is missing, unreadable, not JSON, or breaks the contract
     */
    static Summary read(Path file) throws ReportInputException {
        SummaryReader reader = new SummaryReader(file);
        return reader.parse(reader.readTree());
    }

    private JsonNode readTree() throws ReportInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file, "file not found (is this a payrisk run directory?)", e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        if (bytes.length == 0) {
            throw new ReportInputException(file, "file is empty");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ReportInputException(file, "file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new ReportInputException(file, where + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
    }

    private Summary parse(JsonNode root) throws ReportInputException {
        requireObject(root, "(top level)");
        int schema = (int) integer(root, "schema", "schema");
        if (schema != SCHEMA) {
            throw fail("schema", "unsupported schema " + schema + " (this payrisk reads schema " + SCHEMA + ")");
        }
        JsonNode scenario = field(root, "scenario", "scenario");
        requireObject(scenario, "scenario");
        long trials = integer(root, "trials", "trials");
        if (trials < 1) {
            throw fail("trials", "must be at least 1, found " + trials);
        }
        int horizon = (int) integer(root, "horizonMonths", "horizonMonths");
        if (horizon < 1) {
            throw fail("horizonMonths", "must be at least 1, found " + horizon);
        }
        Optional<Integer> warmUp = root.hasNonNull("warmUpMonths")
                ? Optional.of((int) integer(root, "warmUpMonths", "warmUpMonths")) : Optional.empty();

        List<Double> grid = numbers(field(root, "quantileGrid", "quantileGrid"), "quantileGrid");
        if (grid.isEmpty()) {
            throw fail("quantileGrid", "must not be empty");
        }
        for (int i = 0; i < grid.size(); i++) {
            double p = grid.get(i);
            if (!(p > 0 && p < 1) || (i > 0 && p <= grid.get(i - 1))) {
                throw fail("quantileGrid[" + i + "]", "probabilities must be ascending and inside (0, 1), found " + p);
            }
        }

        JsonNode modelsNode = field(root, "models", "models");
        requireArray(modelsNode, "models");
        if (modelsNode.isEmpty()) {
            throw fail("models", "must list at least one model");
        }
        List<Summary.ModelSummary> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < modelsNode.size(); i++) {
            Summary.ModelSummary m = model(modelsNode.get(i), "models[" + i + "]", horizon, grid.size());
            if (!names.add(m.name())) {
                throw fail("models[" + i + "].name", "duplicate model name \"" + m.name() + "\"");
            }
            models.add(m);
        }

        Summary.SharedHistogram histogram = sharedHistogram(
                field(root, "netIncomeHistogram", "netIncomeHistogram"), "netIncomeHistogram", models);

        List<Summary.Comparison> comparisons = new ArrayList<>();
        JsonNode compNode = field(root, "comparisons", "comparisons");
        requireArray(compNode, "comparisons");
        for (int i = 0; i < compNode.size(); i++) {
            comparisons.add(comparison(compNode.get(i), "comparisons[" + i + "]", names));
        }

        Map<String, Summary.ActivityStat> activity = new LinkedHashMap<>();
        JsonNode act = root.get("activity");
        if (act != null && !act.isNull()) {
            requireObject(act, "activity");
            for (Map.Entry<String, JsonNode> e : act.properties()) {
                String p = "activity." + e.getKey();
                JsonNode a = e.getValue();
                requireObject(a, p);
                activity.put(e.getKey(), new Summary.ActivityStat(num(a, "mean", p), dispersion(a, "sd", p),
                        dispersion(a, "meanStdError", p), num(a, "p05", p), num(a, "p50", p), num(a, "p95", p)));
            }
        }

        return new Summary(schema,
                text(root, "payriskVersion", "payriskVersion"),
                text(scenario, "name", "scenario.name"),
                optionalText(scenario, "file"),
                optionalText(scenario, "sha256"),
                integer(root, "seed", "seed"),
                trials, horizon, warmUp,
                optionalText(root, "generator"),
                optionalText(root, "quantileMethod"),
                optionalText(root, "mcseMethod"),
                models, grid, histogram, comparisons, activity);
    }

    private Summary.ModelSummary model(JsonNode m, String path, int horizon, int gridSize)
            throws ReportInputException {
        requireObject(m, path);
        String name = text(m, "name", path + ".name");
        if (name.isBlank()) {
            throw fail(path + ".name", "must not be blank");
        }
        Summary.Metric net = metric(field(m, "netIncome", path + ".netIncome"), path + ".netIncome");
        Summary.Metric revenue = metric(field(m, "revenue", path + ".revenue"), path + ".revenue");
        Summary.Metric costs = metric(field(m, "costs", path + ".costs"), path + ".costs");

        List<Summary.MonthBand> bands = bands(m, "monthlyNetIncome", path, 1, horizon, " months (horizonMonths)");

        String qp = path + ".netIncomeQuantiles";
        List<Double> quantiles = numbers(field(m, "netIncomeQuantiles", qp), qp);
        if (quantiles.size() != gridSize) {
            throw fail(qp, "expected " + gridSize + " values (one per quantileGrid entry), found " + quantiles.size());
        }
        for (int i = 1; i < quantiles.size(); i++) {
            if (quantiles.get(i) < quantiles.get(i - 1)) {
                throw fail(qp + "[" + i + "]", "quantiles must not decrease, found " + quantiles.get(i)
                        + " after " + quantiles.get(i - 1));
            }
        }
        Optional<Summary.Cash> cash = Optional.empty();
        JsonNode cashNode = m.get("cash");
        if (cashNode != null && !cashNode.isNull()) {
            cash = Optional.of(cash(cashNode, path + ".cash", horizon));
        }
        return new Summary.ModelSummary(name, net, revenue, costs, bands, quantiles, cash);
    }

    /** The optional per-model cash object; when present it is held to the contract like everything else. */
    private Summary.Cash cash(JsonNode c, String path, int horizon) throws ReportInputException {
        requireObject(c, path);
        double p = num(c, "probNegativeAnyMonth", path);
        if (p < 0 || p > 1) {
            throw fail(path + ".probNegativeAnyMonth", "must be a probability in [0, 1], found " + p);
        }
        double se = dispersion(c, "probNegativeAnyMonthStdError", path);
        Summary.Metric min = metric(field(c, "minBalance", path + ".minBalance"), path + ".minBalance");
        Summary.Metric end = metric(field(c, "endBalance", path + ".endBalance"), path + ".endBalance");
        Summary.Metric runway = metric(field(c, "runwayMonths", path + ".runwayMonths"), path + ".runwayMonths");
        List<Summary.MonthBand> bands = bands(c, "monthlyBalance", path, 0, horizon + 1, " months (0 to horizonMonths)");
        return new Summary.Cash(p, se, min, end, runway, bands);
    }

    /**
     * A list of monthly bands, one per month from {@code firstMonth}, each naming its month.
     *
     * @param parent the object holding the list
     * @param name the list's field name
     * @param parentPath the parent's field path
     * @param firstMonth the month of the first band
     * @param count bands expected
     * @param what how to describe the expected count in an error, after the number
     */
    private List<Summary.MonthBand> bands(JsonNode parent, String name, String parentPath, int firstMonth, int count,
                                          String what) throws ReportInputException {
        String path = parentPath + "." + name;
        JsonNode monthly = field(parent, name, path);
        requireArray(monthly, path);
        if (monthly.size() != count) {
            throw fail(path, "expected " + count + what + ", found " + monthly.size());
        }
        List<Summary.MonthBand> bands = new ArrayList<>();
        for (int i = 0; i < monthly.size(); i++) {
            String bp = path + "[" + i + "]";
            JsonNode b = monthly.get(i);
            requireObject(b, bp);
            int month = (int) integer(b, "month", bp + ".month");
            if (month != firstMonth + i) {
                throw fail(bp + ".month", "expected month " + (firstMonth + i) + ", found " + month);
            }
            bands.add(new Summary.MonthBand(month, num(b, "mean", bp), num(b, "p05", bp), num(b, "p25", bp),
                    num(b, "p50", bp), num(b, "p75", bp), num(b, "p95", bp)));
        }
        return bands;
    }

    private Summary.Metric metric(JsonNode n, String path) throws ReportInputException {
        requireObject(n, path);
        double[] q = new double[METRIC_QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = num(n, METRIC_QUANTILES[i], path);
        }
        double probLoss = num(n, "probLoss", path);
        if (probLoss < 0 || probLoss > 1) {
            throw fail(path + ".probLoss", "must be a probability in [0, 1], found " + probLoss);
        }
        Optional<Summary.Mcse> mcse = Optional.empty();
        JsonNode mc = n.get("mcse");
        if (mc != null && !mc.isNull()) {
            String mp = path + ".mcse";
            requireObject(mc, mp);
            double[] e = new double[METRIC_QUANTILES.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = num(mc, METRIC_QUANTILES[i], mp);
            }
            mcse = Optional.of(new Summary.Mcse(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8],
                    num(mc, "worst5Mean", mp), num(mc, "probLoss", mp)));
        }
        return new Summary.Metric(num(n, "mean", path), dispersion(n, "sd", path), dispersion(n, "meanStdError", path),
                num(n, "min", path), num(n, "max", path),
                q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8],
                num(n, "worst5Mean", path), probLoss, mcse);
    }

    private Summary.SharedHistogram sharedHistogram(JsonNode h, String path, List<Summary.ModelSummary> models)
            throws ReportInputException {
        requireObject(h, path);
        List<Double> edges = edges(field(h, "binEdges", path + ".binEdges"), path + ".binEdges");
        JsonNode counts = field(h, "counts", path + ".counts");
        requireObject(counts, path + ".counts");
        Map<String, List<Long>> byModel = new LinkedHashMap<>();
        for (Summary.ModelSummary m : models) {
            String cp = path + ".counts." + m.name();
            byModel.put(m.name(), counts(field(counts, m.name(), cp), cp, edges.size() - 1));
        }
        return new Summary.SharedHistogram(edges, byModel);
    }

    private Summary.Comparison comparison(JsonNode c, String path, Set<String> names) throws ReportInputException {
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
        Summary.DifferenceQuantiles diff = new Summary.DifferenceQuantiles(num(d, "p05", dp), num(d, "p25", dp),
                num(d, "p50", dp), num(d, "p75", dp), num(d, "p95", dp));
        String hp = path + ".histogram";
        JsonNode h = field(c, "histogram", hp);
        requireObject(h, hp);
        List<Double> edges = edges(field(h, "binEdges", hp + ".binEdges"), hp + ".binEdges");
        List<Long> counts = counts(field(h, "counts", hp + ".counts"), hp + ".counts", edges.size() - 1);
        return new Summary.Comparison(a, b, num(c, "meanDifference", path), dispersion(c, "meanDifferenceStdError", path),
                p, num(c, "probAGreaterStdError", path), diff, new Summary.Histogram(edges, counts));
    }

    private List<Double> edges(JsonNode n, String path) throws ReportInputException {
        List<Double> edges = numbers(n, path);
        if (edges.size() < 2) {
            throw fail(path, "needs at least 2 bin edges, found " + edges.size());
        }
        for (int i = 1; i < edges.size(); i++) {
            if (edges.get(i) < edges.get(i - 1)) {
                throw fail(path + "[" + i + "]", "bin edges must be ascending");
            }
        }
        return edges;
    }

    private List<Long> counts(JsonNode n, String path, int bins) throws ReportInputException {
        requireArray(n, path);
        if (n.size() != bins) {
            throw fail(path, "expected " + bins + " counts (one per bin), found " + n.size());
        }
        List<Long> out = new ArrayList<>(bins);
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
                throw fail(path + "[" + i + "]", "expected a count (integer >= 0), found " + describe(v));
            }
            out.add(v.asLong());
        }
        return out;
    }

    private List<Double> numbers(JsonNode n, String path) throws ReportInputException {
        requireArray(n, path);
        List<Double> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw fail(path + "[" + i + "]", "expected a number, found " + describe(v));
            }
            out.add(v.asDouble());
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
     * A dispersion statistic that summary.json writes as null when it is undefined (one trial has no
     * standard deviation): NaN then, which the report shows as "n/a".
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
