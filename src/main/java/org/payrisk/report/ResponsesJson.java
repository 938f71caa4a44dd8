package org.payrisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.payrisk.stats.ResponseSummary;

/**
 * The {@code responses} object of summary.json (present only for runs where the practice responds to
 * how it is paid, or incentives are priced), written and read by the same code:
 * <pre>
 * "responses": {
 *   "models": [ { "name", "practice": { "episodes": { "mean", "meanStdError" }, ... },
 *                 "behaviour": { "mean", "meanStdError" },
 *                 "incentives": [ { "name", "perUnit", "perUnitStdError", "netIncomeChange", "quantityChange" } ] } ],
 *   "comparisons": [ { "a", "b", "payment": { "mean", "meanStdError" }, "behaviour": { ... } } ]
 * }
 * </pre>
 * Not-a-number values (an incentive whose nudge added nothing) are written as null.
 */
final class ResponsesJson {

    private ResponsesJson() {
    }

    static ObjectNode write(ResponseSummary r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode models = o.putArray("models");
        for (ResponseSummary.Model m : r.models()) {
            ObjectNode mo = models.addObject();
            mo.put("name", m.name());
            ObjectNode practice = mo.putObject("practice");
            for (int k = 0; k < r.practice().size(); k++) {
                estimate(practice.putObject(r.practice().get(k)), new ResponseSummary.Estimate(m.practice()[k], m.practiceStdError()[k]));
            }
            estimate(mo.putObject("behaviour"), m.behaviour());
            ArrayNode inc = mo.putArray("incentives");
            for (ResponseSummary.Incentive i : m.incentives()) {
                ObjectNode io = inc.addObject();
                io.put("name", i.name());
                num(io, "perUnit", i.perUnit());
                num(io, "perUnitStdError", i.stdError());
                num(io, "netIncomeChange", i.netIncomeChange());
                num(io, "quantityChange", i.quantityChange());
            }
        }
        ArrayNode comps = o.putArray("comparisons");
        for (ResponseSummary.Decomposition d : r.comparisons()) {
            ObjectNode co = comps.addObject();
            co.put("a", d.a());
            co.put("b", d.b());
            estimate(co.putObject("payment"), d.payment());
            estimate(co.putObject("behaviour"), d.behaviour());
        }
        return o;
    }

    /**
     * @param o the {@code responses} object
     * @return the summary it holds
     * @throws IllegalArgumentException naming the path of a malformed part
     */
    static ResponseSummary read(JsonNode o) {
        List<String> practiceNames = null;
        List<ResponseSummary.Model> models = new ArrayList<>();
        JsonNode ms = array(o, "models", "responses");
        for (int i = 0; i < ms.size(); i++) {
            String path = "responses.models[" + i + "]";
            JsonNode m = ms.get(i);
            JsonNode p = m.get("practice");
            if (p == null || !p.isObject()) {
                throw new IllegalArgumentException(path + ".practice: expected an object");
            }
            List<String> names = new ArrayList<>();
            p.fieldNames().forEachRemaining(names::add);
            if (practiceNames == null) {
                practiceNames = names;
            } else if (!practiceNames.equals(names)) {
                throw new IllegalArgumentException(path + ".practice: expected the counters " + practiceNames + ", found " + names);
            }
            double[] means = new double[names.size()];
            double[] se = new double[names.size()];
            for (int k = 0; k < names.size(); k++) {
                ResponseSummary.Estimate e = estimate(p.get(names.get(k)), path + ".practice." + names.get(k));
                means[k] = e.mean();
                se[k] = e.stdError();
            }
            List<ResponseSummary.Incentive> inc = new ArrayList<>();
            JsonNode is = array(m, "incentives", path);
            for (int k = 0; k < is.size(); k++) {
                JsonNode io = is.get(k);
                String ip = path + ".incentives[" + k + "]";
                inc.add(new ResponseSummary.Incentive(text(io, "name", ip), num(io, "perUnit"), num(io, "perUnitStdError"),
                        num(io, "netIncomeChange"), num(io, "quantityChange")));
            }
            models.add(new ResponseSummary.Model(text(m, "name", path), means, se, estimate(m.get("behaviour"), path + ".behaviour"), inc));
        }
        List<ResponseSummary.Decomposition> comps = new ArrayList<>();
        JsonNode cs = array(o, "comparisons", "responses");
        for (int i = 0; i < cs.size(); i++) {
            String path = "responses.comparisons[" + i + "]";
            JsonNode c = cs.get(i);
            comps.add(new ResponseSummary.Decomposition(text(c, "a", path), text(c, "b", path),
                    estimate(c.get("payment"), path + ".payment"), estimate(c.get("behaviour"), path + ".behaviour")));
        }
        return new ResponseSummary(practiceNames == null ? List.of() : List.copyOf(practiceNames), List.copyOf(models), List.copyOf(comps));
    }

    private static void estimate(ObjectNode o, ResponseSummary.Estimate e) {
        num(o, "mean", e.mean());
        num(o, "meanStdError", e.stdError());
    }

    private static ResponseSummary.Estimate estimate(JsonNode o, String path) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object { mean, meanStdError }");
        }
        return new ResponseSummary.Estimate(num(o, "mean"), num(o, "meanStdError"));
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static double num(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static String text(JsonNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(path + "." + key + ": expected text");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode o, String key, String path) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(path + "." + key + ": expected a list");
        }
        return v;
    }
}
