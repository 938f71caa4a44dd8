package org.payrisk.report.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.payrisk.scenario.ScenarioFields;
import org.payrisk.scenario.ScenarioPath;

/**
 * Reads the scenario copy of a run ({@code scenario.yaml} or {@code scenario.json}) generically, as a
 * Jackson tree, into a flat list of {@link Assumption}s for the report: every input with its path,
 * its value (distributions written in words), its unit when the field name is known, and the trailing
 * {@code # comment} of its line, which scenario authors use to cite sources.
 *
 * <p>Deliberately knows no scenario schema beyond distribution syntax and a table of units by field
 * name: fields added to scenarios later still show up (path + value). Comments are not part of the
 * YAML data model, so line numbers come from the parser's token locations and the comment from the raw
 * text of that line. Thread safe: no state.
 */
final class ScenarioAssumptions {

    /** Distribution families of the scenario syntax {@code { family: { params } }}: the reader's own list. */
    static final Set<String> FAMILIES = ScenarioFields.families();

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");


    private ScenarioAssumptions() {
    }

    /**
     * One input of the scenario.
     *
     * @param path field path, e.g. {@code practice.costs.fixedPerMonth} or {@code demand.cases[1].share}
     * @param value the value in words, e.g. {@code 28,000} or {@code negative binomial, mean 42, dispersion 15}
     * @param unit the unit when the field name is known, e.g. {@code $ per month}; empty otherwise
     * @param note the trailing comment of the scenario line, without {@code #}; empty when none
     * @param line 1-based line of the field in the scenario file (0 if unknown)
     */
    record Assumption(String path, String value, String unit, String note, int line) {

        /**
         * Value and unit as a phrase: {@code $28,000 per month}, {@code 3 full-time clinicians},
         * {@code beta, mean 0.11, sd 0.03 (probability per scheduled visit)}.
         */
        String inWords() {
            if (unit.isEmpty()) {
                return value;
            }
            boolean number = value.matches("-?[0-9][0-9,]*(\\.[0-9]+)?");
            if (unit.equals("$") && number) {
                return value.startsWith("-") ? "-$" + value.substring(1) : "$" + value;
            }
            if (unit.startsWith("$ ") && number) {
                return (value.startsWith("-") ? "-$" + value.substring(1) : "$" + value) + " " + unit.substring(2);
            }
            if (number) {
                return value + " " + (value.equals("1") ? singular(unit) : unit);
            }
            return value + " (" + unit + ")";
        }

        /** "1 month", "1 visit per episode": the unit's first word without its plural s. */
        private static String singular(String unit) {
            int space = unit.indexOf(' ');
            String first = space < 0 ? unit : unit.substring(0, space);
            if (first.length() > 2 && first.endsWith("s") && !first.endsWith("ss")) {
                return first.substring(0, first.length() - 1) + (space < 0 ? "" : unit.substring(space));
            }
            return unit;
        }
    }

    /**
     * The scenario copy of a run.
     *
     * @param file the file read
     * @param tree the parsed scenario
     * @param assumptions every input, in file order
     */
    record Scenario(Path file, JsonNode tree, List<Assumption> assumptions) {
        Scenario {
            assumptions = List.copyOf(assumptions);
        }

        /** The assumption at exactly this path, if any. */
        Optional<Assumption> at(String path) {
            return assumptions.stream().filter(a -> a.path().equals(path)).findFirst();
        }

        /** The scenario's {@code cash.startingReserve} in dollars, when it is given as a number. */
        OptionalDouble startingReserve() {
            JsonNode r = tree;
            for (ScenarioPath.Segment seg : ScenarioFields.STARTING_RESERVE.segments()) {
                r = r == null ? null : r.path(seg.field());
            }
            return r != null && r.isNumber() ? OptionalDouble.of(r.asDouble()) : OptionalDouble.empty();
        }

        /** Whether any contract of the scenario sets a {@code paymentLagMonths}. */
        boolean hasPaymentLags() {
            return assumptions.stream().anyMatch(a -> a.path().endsWith(ScenarioFields.PAYMENT_LAG));
        }
    }

    /**
     * Finds and reads {@code scenario.yaml}, {@code scenario.yml} or {@code scenario.json} in a run directory.
     *
     * @return empty when the run directory has no scenario copy
     * @throws ReportInputException if the copy exists but cannot be read or parsed
     */
    static Optional<Scenario> find(Path runDir) throws ReportInputException {
        for (String name : List.of("scenario.yaml", "scenario.yml", "scenario.json")) {
            Path p = runDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(read(p));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one scenario file (YAML, or JSON when the name ends in {@code .json}).
     *
     * @throws ReportInputException if the file cannot be read or parsed
     */
    static Scenario read(Path file) throws ReportInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        JsonFactory factory = file.getFileName().toString().endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try {
            Map<String, int[]> lines = lineRanges(factory, text);
            JsonNode tree = new ObjectMapper(factory).readTree(text);
            List<Assumption> rows = new ArrayList<>();
            if (tree != null && (tree.isObject() || tree.isArray())) {
                walk(tree, "", "", rows, lines);
            }
            return new Scenario(file, tree, attachComments(rows, lines, text));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new ReportInputException(file, where + "cannot parse: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
    }

    // ---------------------------------------------------------------- line numbers from the token stream

    /**
     * For every path in the document, {start line, last line}: start is the line of its key (or of the
     * first token of an array element), last is the last line holding a key or scalar inside it. End
     * tokens are not counted because the YAML parser reports a block's end where the next key begins.
     */
    private static Map<String, int[]> lineRanges(JsonFactory factory, String text) throws IOException {
        Map<String, int[]> ranges = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.pendingKey = child(top.path, p.currentName());
                    top.pendingLine = line;
                    touch(stack, line);
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String path;
                int start;
                if (top == null) {
                    path = "";
                    start = line;
                } else if (top.array) {
                    path = top.path + "[" + top.index++ + "]";
                    start = line;
                } else {
                    path = top.pendingKey;
                    start = top.pendingLine;
                }
                int[] range = {start, line};
                ranges.put(path, range);
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY, range));
                } else {
                    touch(stack, line);
                }
            }
        }
        return ranges;
    }

    /** Extends every open container's last line to {@code line}. */
    private static void touch(Deque<Frame> stack, int line) {
        for (Frame f : stack) {
            f.range[1] = Math.max(f.range[1], line);
        }
    }

    private static final class Frame {
        final String path;
        final boolean array;
        final int[] range;
        int index;
        String pendingKey;
        int pendingLine;

        Frame(String path, boolean array, int[] range) {
            this.path = path;
            this.array = array;
            this.range = range;
        }
    }

    // ---------------------------------------------------------------- walking the tree

    private static void walk(JsonNode node, String path, String parentKey, List<Assumption> out,
                             Map<String, int[]> lines) {
        String name = lastKey(path);
        if (node.isObject() && !node.isEmpty()) {
            Optional<String> distribution = distribution(node);
            if (distribution.isPresent()) {
                out.add(row(path, distribution.get(), unit(name, parentKey), lines));
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), child(path, e.getKey()), name, out, lines);
            }
        } else if (node.isArray() && !node.isEmpty() && !allScalars(node)) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", name, out, lines);
            }
        } else {
            String unit = unit(name, parentKey);
            String value = unit.startsWith("$") && node.isNumber() ? money(node) : scalar(node, name);
            out.add(row(path, value, unit, lines));
        }
    }

    /** Dollars as people write them: whole amounts without cents (28,000), others with cents (100.60, 4.10). */
    private static String money(JsonNode n) {
        BigDecimal v = n.decimalValue().stripTrailingZeros();
        String pattern = v.scale() <= 0 ? "#,##0" : "#,##0.00########";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }

    private static Assumption row(String path, String value, String unit, Map<String, int[]> lines) {
        int[] range = lines.get(path);
        return new Assumption(path, value, unit, "", range == null ? 0 : range[0]);
    }

    private static String unit(String name, String parentKey) {
        return ScenarioFields.unit(name, parentKey);
    }

    /** A node of the form {@code { family: { params } }} written in words, or empty. */
    static Optional<String> distribution(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        String family = only.getKey();
        JsonNode p = only.getValue();
        if (!FAMILIES.contains(family) || !p.isObject()) {
            return Optional.empty();
        }
        String words = switch (family) {
            case "uniform" -> has(p, "min", "max") && p.size() == 2
                    ? "uniform between " + num(p.get("min")) + " and " + num(p.get("max")) : null;
            case "triangular", "pert" -> has(p, "min", "mode", "max") && p.size() == 3
                    ? (family.equals("pert") ? "PERT" : "triangular") + ", min " + num(p.get("min"))
                            + ", most likely " + num(p.get("mode")) + ", max " + num(p.get("max")) : null;
            case "normal" -> normal(p);
            case "lognormal", "gamma", "beta" -> has(p, "mean", "sd") && p.size() == 2
                    ? family + ", mean " + num(p.get("mean")) + ", sd " + num(p.get("sd")) : null;
            case "poisson" -> has(p, "mean") && p.size() == 1 ? "Poisson, mean " + num(p.get("mean")) : null;
            case "negativeBinomial" -> has(p, "mean", "dispersion") && p.size() == 2
                    ? "negative binomial, mean " + num(p.get("mean")) + ", dispersion " + num(p.get("dispersion"))
                    : null;
            case "binomial" -> has(p, "n", "p") && p.size() == 2
                    ? "binomial, " + num(p.get("n")) + " tries with probability " + num(p.get("p")) : null;
            case "discrete" -> discrete(p);
            case "empirical" -> empirical(p);
            default -> null;
        };
        // Parameters this code does not know are still shown, never dropped.
        return Optional.of(words != null ? words : family + " " + generic(p));
    }

    private static String normal(JsonNode p) {
        if (!has(p, "mean", "sd")) {
            return null;
        }
        int extra = (p.has("min") ? 1 : 0) + (p.has("max") ? 1 : 0);
        if (p.size() != 2 + extra) {
            return null;
        }
        String s = "normal, mean " + num(p.get("mean")) + ", sd " + num(p.get("sd"));
        if (p.has("min") && p.has("max")) {
            s += ", kept between " + num(p.get("min")) + " and " + num(p.get("max"));
        } else if (p.has("min")) {
            s += ", at least " + num(p.get("min"));
        } else if (p.has("max")) {
            s += ", at most " + num(p.get("max"));
        }
        return s;
    }

    private static String discrete(JsonNode p) {
        JsonNode values = p.get("values");
        JsonNode weights = p.get("weights");
        if (values == null || !values.isArray() || weights == null || !weights.isArray()
                || values.size() != weights.size() || values.isEmpty() || p.size() != 2) {
            return null;
        }
        double total = 0;
        for (JsonNode w : weights) {
            if (!w.isNumber()) {
                return null;
            }
            total += w.asDouble();
        }
        if (!(total > 0)) {
            return null;
        }
        DecimalFormat pct = new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.US));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(num(values.get(i)) + " (" + pct.format(weights.get(i).asDouble() / total) + ")");
        }
        return "one of " + String.join(", ", parts);
    }

    private static String empirical(JsonNode p) {
        JsonNode values = p.get("values");
        if (values == null || !values.isArray() || values.isEmpty() || p.size() != 1) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), 12); i++) {
            shown.add(num(values.get(i)));
        }
        String more = values.size() > 12 ? ", ..." : "";
        return "resampled from " + values.size() + " observed values: " + String.join(", ", shown) + more;
    }

    private static boolean has(JsonNode p, String... names) {
        for (String n : names) {
            JsonNode v = p.get(n);
            if (v == null || !v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String generic(JsonNode p) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            parts.add(e.getKey() + " " + scalar(e.getValue(), e.getKey()));
        }
        return String.join(", ", parts);
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A scalar, an empty container, or an array of scalars, written plainly. */
    private static String scalar(JsonNode n, String name) {
        if (n == null || n.isNull()) {
            return "(none)";
        }
        if (n.isNumber()) {
            return ScenarioFields.isIdentifier(name) ? n.asText() : num(n);
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode v : n) {
                parts.add(v.isContainerNode() ? v.toString() : scalar(v, name));
            }
            return parts.isEmpty() ? "(empty list)" : String.join(", ", parts);
        }
        if (n.isObject()) {
            return "(empty)";
        }
        return n.asText();
    }

    /** A number as written, with thousands separators: 28,000 / 100.60 stays 100.6 / 0.11. */
    private static String num(JsonNode n) {
        if (!n.isNumber()) {
            return n.asText();
        }
        BigDecimal v = n.decimalValue().stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(v);
    }

    /** The path of a field: {@code a.b}, or {@code a["odd key"]} when the key is not a plain word. */
    private static String child(String path, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return path + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String lastKey(String path) {
        if (path.endsWith("]")) {
            return path.substring(path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    // ---------------------------------------------------------------- comments

    /**
     * Gives each trailing comment to the last row (in file order) whose lines include the comment's line,
     * because a trailing comment describes what comes just before it ({@code costs: { fixed: 1, perVisit: 2 }
     * # per-visit pay} is about perVisit). A comment on a line that starts a section (e.g. {@code practice:
     * # from 2024 books}) becomes a row of its own for that section.
     */
    private static List<Assumption> attachComments(List<Assumption> rows, Map<String, int[]> lines, String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Assumption> out = new ArrayList<>(rows);
        // Kept apart until the end so a section's line range cannot capture its fields' comments.
        List<Assumption> sections = new ArrayList<>();
        for (int ln = 1; ln <= raw.length; ln++) {
            String comment = trailingComment(raw[ln - 1]);
            if (comment.isEmpty()) {
                continue;
            }
            int target = -1;
            for (int i = 0; i < out.size(); i++) {
                int[] r = lines.get(out.get(i).path());
                if (r != null && r[0] <= ln && ln <= r[1]) {
                    target = i;
                }
            }
            if (target >= 0) {
                Assumption a = out.get(target);
                String note = a.note().isEmpty() ? comment : a.note() + "; " + comment;
                out.set(target, new Assumption(a.path(), a.value(), a.unit(), note, a.line()));
                continue;
            }
            String section = null;
            for (Map.Entry<String, int[]> e : lines.entrySet()) {
                if (e.getValue()[0] == ln && !e.getKey().isEmpty()
                        && (section == null || e.getKey().length() > section.length())) {
                    section = e.getKey();
                }
            }
            if (section != null) {
                sections.add(new Assumption(section, "(section)", "", comment, ln));
            }
        }
        // A comment on its own line(s) directly above an input is its note too (the first input of that line).
        java.util.Set<Integer> noted = new java.util.HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            Assumption a = out.get(i);
            if (a.line() < 2 || !noted.add(a.line())) {
                continue;
            }
            List<String> above = new ArrayList<>();
            for (int ln = a.line() - 1; ln >= 1 && raw[ln - 1].trim().startsWith("#"); ln--) {
                above.add(0, raw[ln - 1].trim().substring(1).trim());
            }
            above.removeIf(String::isEmpty);
            if (!above.isEmpty()) {
                String comment = String.join(" ", above);
                out.set(i, new Assumption(a.path(), a.value(), a.unit(),
                        a.note().isEmpty() ? comment : comment + "; " + a.note(), a.line()));
            }
        }
        out.addAll(sections);
        out.sort(Comparator.comparingInt(Assumption::line));
        return out;
    }

    /** The comment after a line's content: the scenario package's rule (one copy). */
    static String trailingComment(String line) {
        return ScenarioFields.trailingComment(line);
    }
}
