package org.payrisk.scenario;

import java.util.List;
import java.util.Optional;
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

    /** Largest seed magnitude accepted; seeds are whole numbers of at most 18 digits. */
    private final String file;

    Fields(String file) {
        this.file = file;
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
                        + (nearest != null ? "; did you mean `" + nearest + "`?" : "")
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

    String text(SourceNode n, String what) throws ScenarioException {
        if (n instanceof TextNode t && !t.isNull() && !t.isBoolean() && !t.text().isBlank()) {
            return t.text();
        }
        if (n instanceof NumberNode num) {
            return num.text();
        }
        throw error(n, "expected " + what + " (text), found " + n.describe());
    }

    double number(SourceNode n, Range range) throws ScenarioException {
        if (!(n instanceof NumberNode num)) {
            throw error(n, "expected " + range.noun + ", found " + n.describe());
        }
        double v = num.value();
        if (!Double.isFinite(v)) {
            throw error(n, "expected a finite number, found " + num.text());
        }
        if (!range.admits(v)) {
            throw error(n, "expected " + range.noun + ", found " + num.text());
        }
        return v;
    }

    long wholeNumber(SourceNode n, long min, long max) throws ScenarioException {
        String expected = "a whole number in [" + min + ", " + max + "]";
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

    /** What a number may be. */
    enum Range {
        ANY("a number"),
        NON_NEGATIVE("a number >= 0"),
        POSITIVE("a number > 0"),
        PROBABILITY("a probability in [0, 1]"),
        COUNT("a count >= 0");

        final String noun;

        Range(String noun) {
            this.noun = noun;
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
