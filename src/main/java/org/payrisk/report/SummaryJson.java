package org.payrisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.payrisk.stats.ActivitySummary;
import org.payrisk.stats.CashSummary;
import org.payrisk.stats.Histogram;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.MonthlyBand;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;

/**
 * Writes summary.json (schema in docs/output-format.md). Fields are written in a fixed order and
 * doubles in Jackson's shortest round-trip form, so the bytes are a pure function of the summary;
 * NaN (e.g. the sd of a single trial) is written as null. Thread safe (stateless).
 */
public final class SummaryJson {

    /** Version of the summary.json layout. */
    public static final int SCHEMA = 1;

    static final String QUANTILE_METHOD = "Hyndman-Fan type 7 (linear interpolation, the default of R and numpy)";
    static final String MCSE_METHOD = "batch means: trials split by index into " + Summaries.BATCHES
            + " equal consecutive batches, statistic computed per batch, standard error = sd over batches / sqrt("
            + Summaries.BATCHES + "); null below " + Summaries.MIN_TRIALS_FOR_MCSE + " trials";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    /**
     * @param info run facts
     * @param summary statistics
     * @return the JSON text, UTF-8, ending with a newline
     */
    public static byte[] toBytes(RunInfo info, RunSummary summary) {
        try {
            String text = MAPPER.writeValueAsString(toTree(info, summary)) + "\n";
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a summary tree always serialises", e);
        }
    }

    static ObjectNode toTree(RunInfo info, RunSummary s) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SCHEMA);
        root.put("payriskVersion", Version.get());
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("name", info.scenarioName());
        scenario.put("file", info.scenarioFile());
        scenario.put("sha256", info.scenarioSha256());
        root.put("seed", info.seed());
        root.put("trials", info.trials());
        root.put("horizonMonths", info.horizonMonths());
        root.put("warmUpMonths", info.warmUpMonths());
        root.put("generator", info.generator());
        root.put("quantileMethod", QUANTILE_METHOD);
        root.put("mcseMethod", MCSE_METHOD);
        ArrayNode models = root.putArray("models");
        for (ModelSummary m : s.models()) {
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
        }
        root.set("quantileGrid", array(Summaries.QUANTILE_GRID));
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
            ObjectNode d = o.putObject("difference");
            for (int i = 0; i < PairedComparison.DIFFERENCE_PERCENTILES.length; i++) {
                num(d, percentileName(PairedComparison.DIFFERENCE_PERCENTILES[i]), c.differenceQuantiles()[i]);
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
        return root;
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
}
