package org.payrisk.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;
import org.payrisk.scenario.SourceNode.NumberNode;
import org.payrisk.scenario.SourceNode.TextNode;

/**
 * Typed, located access to a {@link SourceNode} tree: every accessor either returns a valid value
 * or throws a {@link ScenarioException} that names the file, line:column, field path, what was
 * expected and what was found.
 */
final class Fields {

    /**
     * Largest magnitude of any number in a scenario except seeds: $1e12 is far beyond any practice's
     * money, and keeping every input below it keeps every sum and product of a run finite.
     */
    static final double MAX_MAGNITUDE = org.payrisk.dist.Limits.MAX_AMOUNT;

    /** Largest count (episodes, visits, units, members) a field or a draw may reach. */
    static final double MAX_COUNT = org.payrisk.dist.Limits.MAX_COUNT;

    /** A decimal number as YAML and JSON write it: no leading zero before another digit. */
    private static final Pattern DECIMAL = Pattern.compile(
            "[-+]?(0|[1-9][0-9_]*)?(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
    /** Text a reader could take for a number in another base, or with a leading zero. */
    private static final Pattern OTHER_BASE = Pattern.compile("[-+]?0[xXoObB][0-9a-fA-F_]*");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");

    private final String file;

    Fields(String file) {
        this.file = file;
    }

    /** @return the scenario file's name, for messages */
    String file() {
        return file;
    }

    ScenarioException error(SourceNode at, String problem) {
        return new ScenarioException(file, at.line(), at.column(), at.path(), problem);
    }

    ScenarioException error(SourceNode at, String path, String problem) {
        return new ScenarioException(file, at.line(), at.column(), path, problem);
    }

    MapNode map(SourceNode n, String what) throws ScenarioException {
        if (n instanceof MapNode m) {
            return m;
        }
        throw error(n, "expected " + what + " (a mapping of fields), found " + n.describe());
    }

    ListNode list(SourceNode n, String what) throws ScenarioException {
        if (n instanceof ListNode l) {
            return l;
        }
        throw error(n, "expected " + what + " (a list), found " + n.describe());
    }

    /** Rejects any key of {@code m} not in {@code known}, suggesting the nearest known name. */
    void allowOnly(MapNode m, List<String> known) throws ScenarioException {
        for (var e : m.fields().entrySet()) {
            if (!known.contains(e.getKey())) {
                String nearest = Names.nearest(e.getKey(), known);
                throw error(e.getValue(), "unknown field `" + e.getKey() + "`"
                        + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                        + " Known fields here: " + String.join(", ", known) + ".");
            }
        }
    }

    SourceNode required(MapNode m, String key) throws ScenarioException {
        SourceNode n = m.fields().get(key);
        if (n == null) {
            String path = m.path().isEmpty() ? key : m.path() + "." + key;
            throw error(m, path, "missing required field `" + key + "`");
        }
        return n;
    }

    Optional<SourceNode> optional(MapNode m, String key) {
        SourceNode n = m.fields().get(key);
        if (n instanceof TextNode t && t.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(n);
    }

    /** An optional number in {@code range}, or {@code dflt} when the field is absent or null. */
    double optionalNumber(MapNode m, String key, Range range, double dflt) throws ScenarioException {
        Optional<SourceNode> n = optional(m, key);
        return n.isPresent() ? number(n.get(), range) : dflt;
    }

    String text(SourceNode n, String what) throws ScenarioException {
        if (n instanceof TextNode t && !t.isNull() && !t.isBoolean() && !Names.isBlank(t.text())) {
            return t.text();
        }
        if (n instanceof NumberNode num) {
            return num.text();
        }
        if (n instanceof TextNode t && !t.isNull() && !t.isBoolean()) {
            throw error(n, "expected " + what + " (text), found " + (t.text().isEmpty() ? "an empty text"
                    : t.text().isBlank() ? "only spaces"
                    : "no visible character (only spaces or invisible characters such as U+00A0 or U+200B)"));
        }
        throw error(n, "expected " + what + " (text), found " + n.describe());
    }

    /**
     * A number in {@code range}, at most the range's largest value.
     */
    double number(SourceNode n, Range range) throws ScenarioException {
        return number(n, range, range.max, range.maxNote);
    }

    /**
     * A number in {@code range} and at most {@code max}; {@code why} says why the bound exists.
     */
    double number(SourceNode n, Range range, double max, String why) throws ScenarioException {
        if (!(n instanceof NumberNode num)) {
            rejectOtherBase(n, range.noun);
            throw error(n, "expected " + range.noun + ", found " + n.describe());
        }
        rejectOtherBase(n, range.noun);
        double v = num.value();
        if (!Double.isFinite(v)) {
            throw error(n, "expected a finite number, found " + num.text());
        }
        if (!range.admits(v)) {
            throw error(n, "expected " + range.noun + ", found " + num.text());
        }
        if (v > max || v < -max) { // a range that admits negatives is bounded in magnitude (the message says so)
            throw error(n, "expected " + range.noun + " of at most " + format(max) + (range.admits(-1) ? " in magnitude" : "")
                    + " (" + why + "), found " + num.text());
        }
        return v;
    }

    /**
     * Refuses a number written with a leading zero or in another base (hexadecimal, octal, binary):
     * YAML 1.1 reads {@code 021} as octal 17 and {@code 0x2} as 2, so such text would not mean what it
     * seems to, and one rule for every field is simpler than knowing which readers agree.
     */
    void rejectOtherBase(SourceNode n, String expected) throws ScenarioException {
        String text = n instanceof NumberNode num ? num.text()
                : n instanceof TextNode t && !t.isNull() && !t.isBoolean() ? t.text().trim() : null;
        if (text == null || n instanceof NumberNode && DECIMAL.matcher(text).matches()) {
            return;
        }
        if (OTHER_BASE.matcher(text).matches()) {
            throw error(n, "expected " + expected + " written in decimal, found " + text
                    + ": hexadecimal, octal and binary numbers are not accepted; write the number in decimal");
        }
        if (LEADING_ZERO.matcher(text).matches()) {
            throw error(n, "expected " + expected + " written in decimal, found " + text
                    + ": numbers with a leading zero are not accepted (YAML reads 021 as the octal number 17);"
                    + " write it without the leading zero");
        }
    }

    /**
     * Builds a record whose factory validates, reporting its {@code field: problem} refusal at that
     * field of {@code at} (or at {@code at} itself): the records hold the rules for scenarios built in
     * code, and a file's reader keeps its file:line:column.
     */
    <T> T build(MapNode at, java.util.function.Supplier<T> make) throws ScenarioException {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            int colon = msg.indexOf(": ");
            String field = colon > 0 ? msg.substring(0, colon) : "";
            SourceNode node = at.fields().get(field);
            if (node == null) {
                throw error(at, msg);
            }
            throw error(node, msg.substring(colon + 2));
        }
    }

    /**
     * A case name used as a mapping key (a per-case price or acceptance share): refused when blank or
     * not a case of {@code demand.cases}, with a did-you-mean.
     *
     * @return the case's index in {@code demand}
     */
    int caseKey(String key, SourceNode value, Demand demand) throws ScenarioException {
        nameKey(key, value, value.path(), "a case name of demand.cases");
        int index = demand.caseIndex(key);
        if (index < 0) {
            List<String> caseNames = demand.cases().stream().map(CaseType::name).toList();
            String nearest = Names.nearest(key, caseNames);
            throw error(value, "unknown case `" + key + "`"
                    + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                    + " Cases in demand.cases: " + String.join(", ", caseNames) + ".");
        }
        return index;
    }

    /** Refuses an empty or blank name used as a mapping key (a payer, a case, a CPT code). */
    void nameKey(String key, SourceNode value, String path, String what) throws ScenarioException {
        if (Names.isBlank(key)) {
            throw error(value, path, "expected " + what + ", found an empty name"
                    + (key.isEmpty() ? "" : key.isBlank() ? " (only spaces)" : " (no visible character: only spaces or "
                    + "invisible characters such as U+00A0 or U+200B)") + "; give it a name");
        }
    }

    /**
     * Refuses a name that is another's once case and invisible characters at its ends are ignored
     * ({@code ffs}, {@code FFS}, {@code " ffs"}): a reader could not tell them apart.
     *
     * @param seen the names so far, by {@link Names#identity}, each as written and its line (a line apart)
     * @param name the new name
     * @param node where it is given
     * @param what "model", "case" or "payer"
     */
    void distinctName(Map<String, String> seen, String name, SourceNode node, String what) throws ScenarioException {
        String id = Names.identity(name);
        String first = seen.putIfAbsent(id, name + "\n" + node.line());
        if (first != null) {
            String[] f = first.split("\n");
            throw error(node, "duplicate " + what + " name `" + name + "`: " + (f[0].equals(name) ? "given already at line "
                    + f[1] : "the same as `" + f[0] + "` (line " + f[1] + ") once case and spaces at the ends are ignored")
                    + "; each " + what + " needs its own name");
        }
    }

    /** A bound as the README writes it: 1e12, 1e9, 1000. */
    static String format(double v) {
        if (v >= 1e6) {
            int exp = (int) Math.round(Math.log10(v));
            if (v == Math.pow(10, exp)) {
                return "1e" + exp;
            }
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    long wholeNumber(SourceNode n, long min, long max) throws ScenarioException {
        String expected = "a whole number in [" + min + ", " + max + "]";
        rejectOtherBase(n, "a whole number");
        if (!(n instanceof NumberNode num)) {
            throw error(n, "expected " + expected + ", found " + n.describe());
        }
        long v;
        try {
            v = num.integral() ? Long.parseLong(num.text().replace("_", "").replace("+", "")) : exact(num.value());
        } catch (NumberFormatException e) {
            throw error(n, "expected " + expected + ", found " + num.text());
        }
        if (v < min || v > max) {
            throw error(n, "expected " + expected + ", found " + num.text());
        }
        return v;
    }

    private static long exact(double v) {
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
            throw new NumberFormatException();
        }
        return (long) v;
    }

    /** What a number may be, with its largest accepted value. */
    enum Range {
        ANY("a number", MAX_MAGNITUDE, "the largest number payrisk accepts"),
        NON_NEGATIVE("a number >= 0", MAX_MAGNITUDE, "the largest number payrisk accepts"),
        POSITIVE("a number > 0", MAX_MAGNITUDE, "the largest number payrisk accepts"),
        PROBABILITY("a probability in [0, 1]", 1, "a probability"),
        COUNT("a count >= 0", MAX_COUNT, "the largest count payrisk accepts");

        final String noun;
        final double max;
        final String maxNote;

        Range(String noun, double max, String maxNote) {
            this.noun = noun;
            this.max = max;
            this.maxNote = maxNote;
        }

        boolean admits(double v) {
            switch (this) {
                case NON_NEGATIVE: case COUNT: return v >= 0;
                case POSITIVE: return v > 0;
                case PROBABILITY: return v >= 0 && v <= 1;
                default: return true;
            }
        }
    }
}
