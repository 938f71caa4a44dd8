package org.payrisk.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;
import org.payrisk.scenario.SourceNode.NumberNode;
import org.payrisk.scenario.SourceNode.TextNode;

/**
 * Changes one number of a scenario by editing its text and reading it again, so that a changed
 * scenario passes exactly the rules a file does, its source stays a file that reproduces it
 * (comments kept, provenance hash of what was run), and errors point at the edited text.
 *
 * <p>An existing number is replaced where it stands. A field left at its default is written into its
 * mapping (a flow mapping gets {@code key: value,} after its brace; a block mapping a new line at the
 * indentation of its first key); missing mappings on the way are written as flow mappings. An
 * unknown field is therefore reported by the reader itself, with its "did you mean".
 */
final class ScenarioEditor {

    private ScenarioEditor() {
    }

    static Scenario with(Scenario scenario, java.util.Map<ScenarioPath, Double> changes) throws ScenarioException {
        ScenarioSource src = scenario.source();
        if (src == null) {
            throw new ScenarioException("(scenario built in code)", 0, 0, changes.keySet().iterator().next().toString(),
                    "expected a scenario read from a file or text to change, found one without a source");
        }
        byte[] bytes = src.bytes();
        for (var e : changes.entrySet()) {
            bytes = edit(bytes, src, e.getKey(), e.getValue());
        }
        return ScenarioLoader.parse(new ScenarioSource(src.path(), bytes));
    }

    /** The text with one number changed; the text is parsed (located tree) but not yet validated. */
    private static byte[] edit(byte[] bytes, ScenarioSource src, ScenarioPath path, double value) throws ScenarioException {
        String where = path.toString();
        String file = src.path().toString();
        if (!Double.isFinite(value)) {
            throw new ScenarioException(file, 0, 0, where, "expected a finite number, found " + value);
        }
        boolean json = src.isJson();
        SourceNode node = new SourceParser(file).parse(bytes, json);
        List<ScenarioPath.Segment> segs = path.segments();
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            ScenarioPath.Segment seg = segs.get(i);
            if (!(node instanceof MapNode map)) {
                throw notAMapping(file, node, walked.toString(), where);
            }
            SourceNode child = map.fields().get(seg.field());
            if (child == null) {
                if (seg.item() != null) {
                    throw new ScenarioException(file, map.line(), map.column(), where, "expected a list `" + seg.field()
                            + "` here to choose [" + seg.item() + "] from, found none");
                }
                return insert(bytes, json, map, segs.subList(i, segs.size()), value, file, where);
            }
            walked.append(walked.length() == 0 ? "" : ".").append(seg.field());
            node = child;
            if (seg.item() != null) {
                node = item(file, node, seg, walked.toString(), where);
                walked.append('[').append(seg.item()).append(']');
            }
        }
        if (!(node instanceof NumberNode num)) {
            String what = node instanceof MapNode m && m.fields().size() == 1
                    && DistributionReader.FAMILIES.containsKey(m.fields().keySet().iterator().next())
                    ? "a " + m.fields().keySet().iterator().next() + " distribution; set one of its parameters, e.g. "
                    + where + "." + m.fields().keySet().iterator().next() + "."
                    + DistributionReader.FAMILIES.get(m.fields().keySet().iterator().next()).get(0).replace("?", "")
                    : node.describe() + ", not a number";
            throw new ScenarioException(file, node.line(), node.column(), where, "expected a numeric field to set, found "
                    + what);
        }
        int at = offset(bytes, json, num.line(), num.column());
        String old = new String(bytes, at, Math.min(num.text().getBytes(StandardCharsets.UTF_8).length, bytes.length - at),
                StandardCharsets.UTF_8);
        if (!old.equals(num.text())) {
            throw new IllegalStateException("source position of " + where + " does not hold " + num.text());
        }
        return splice(bytes, at, num.text().getBytes(StandardCharsets.UTF_8).length, number(value));
    }

    private static SourceNode item(String file, SourceNode node, ScenarioPath.Segment seg, String listPath, String where)
            throws ScenarioException {
        if (!(node instanceof ListNode list)) {
            throw new ScenarioException(file, node.line(), node.column(), where, "expected a list at `" + listPath
                    + "` to choose [" + seg.item() + "] from, found " + node.describe());
        }
        if (seg.byIndex()) {
            int k;
            try {
                k = Integer.parseInt(seg.item());
            } catch (NumberFormatException e) {
                k = Integer.MAX_VALUE;
            }
            if (k >= list.items().size()) {
                throw new ScenarioException(file, list.line(), list.column(), where, "expected an index below "
                        + list.items().size() + " for `" + listPath + "`, found " + seg.item());
            }
            return list.items().get(k);
        }
        List<String> names = new ArrayList<>();
        for (SourceNode it : list.items()) {
            if (it instanceof MapNode m && m.fields().get("name") != null) {
                SourceNode n = m.fields().get("name");
                String name = n instanceof NumberNode num ? num.text() : n instanceof TextNode t ? t.text() : null;
                if (seg.item().equals(name)) {
                    return it;
                }
                if (name != null) {
                    names.add(name);
                }
            }
        }
        String nearest = Names.nearest(seg.item(), names);
        throw new ScenarioException(file, list.line(), list.column(), where, "no item of `" + listPath + "` is named `"
                + seg.item() + "`" + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                + " Names: " + String.join(", ", names) + ".");
    }

    private static ScenarioException notAMapping(String file, SourceNode node, String walked, String where) {
        String hint = node instanceof NumberNode n ? "; it is the constant " + n.text() + ": set `" + walked + "` itself" : "";
        return new ScenarioException(file, node.line(), node.column(), where, "expected `" + walked
                + "` to be a mapping the path goes into, found " + node.describe() + hint);
    }

    /** Writes {@code rest} (fields, outermost first) with the value into the mapping {@code map}. */
    private static byte[] insert(byte[] bytes, boolean json, MapNode map, List<ScenarioPath.Segment> rest, double value,
                                 String file, String where) throws ScenarioException {
        for (ScenarioPath.Segment s : rest) {
            if (s.item() != null) {
                throw new ScenarioException(file, map.line(), map.column(), where, "expected a list `" + s.field()
                        + "` here to choose [" + s.item() + "] from, found none");
            }
        }
        String v = number(value);
        for (int i = rest.size() - 1; i >= 1; i--) {
            v = json ? "{" + key(rest.get(i).field(), true) + ": " + v + "}" : "{ " + key(rest.get(i).field(), false) + ": " + v + " }";
        }
        String entry = key(rest.get(0).field(), json) + ": " + v;
        int at = offset(bytes, json, map.line(), map.column());
        String text;
        if (at < bytes.length && bytes[at] == '{') {
            at++;
            text = map.fields().isEmpty() ? " " + entry + " " : " " + entry + ",";
        } else {
            text = entry + "\n" + " ".repeat(map.column() - 1);
        }
        return splice(bytes, at, 0, text);
    }

    private static String key(String k, boolean json) {
        if (json || !k.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
            return "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return k;
    }

    /** The number as both YAML and JSON read it: whole numbers without a fraction. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * The byte offset of a parser position: YAML columns count characters, JSON columns (Jackson's
     * byte-based reader) count bytes.
     */
    private static int offset(byte[] b, boolean json, int line, int column) {
        int i = 0;
        for (int l = 1; l < line && i < b.length; i++) {
            if (b[i] == '\n') {
                l++;
            }
        }
        for (int c = 1; c < column && i < b.length; c++) {
            i++;
            while (!json && i < b.length && (b[i] & 0xC0) == 0x80) {
                i++; // continuation bytes of the same character
            }
        }
        return i;
    }

    private static byte[] splice(byte[] b, int at, int removed, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + text.length() + 8);
        out.write(b, 0, at);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(b, at + removed, b.length - at - removed);
        return out.toByteArray();
    }
}
