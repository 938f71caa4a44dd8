package org.payrisk.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON bytes into a located {@link SourceNode} tree with Jackson's streaming parser.
 * Guards: nesting depth 64, duplicate keys rejected, the whole document in at most
 * {@link ScenarioLoader#MAX_BYTES} bytes, and YAML aliases ({@code *name}) rejected: Jackson's
 * streaming parser would read an alias as the plain text of its name, silently changing the value,
 * and refusing them also rules out alias bombs.
 */
final class SourceParser {

    private static final int MAX_DEPTH = 64;

    /** Factories are thread safe once configured, and costly to build: one of each, shared. */
    private static final JsonFactory YAML = yamlFactory();
    private static final JsonFactory JSON = jsonFactory();

    private final String file;

    SourceParser(String file) {
        this.file = file;
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100)
                .maxStringLength(1_000_000).build();
    }

    static JsonFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(ScenarioLoader.MAX_BYTES + 1);
        options.setAllowDuplicateKeys(true); // duplicates are reported by read(), with their field path
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
    }

    static JsonFactory jsonFactory() {
        return JsonFactory.builder().streamReadConstraints(constraints())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }

    SourceNode parse(byte[] bytes, boolean json) throws ScenarioException {
        checkText(bytes, json);
        JsonFactory factory = json ? JSON : YAML;
        JsonParser parser = null;
        try (JsonParser p = factory.createParser(bytes)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(file, 0, 0, "", "expected a scenario (a mapping of fields), found an empty document");
            }
            SourceNode root = read(p, "");
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ScenarioException(file, at.getLineNr(), at.getColumnNr(), "",
                        "expected the end of the document after the scenario, found more content");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y) {
                throw yamlProblem(y);
            }
            JsonLocation at = e.getLocation();
            if ((at == null || at.getLineNr() <= 0) && parser != null) {
                at = parser.currentLocation(); // limits (nesting depth, number length) carry no location
            }
            throw new ScenarioException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + cleanMessage(e));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its own limits (alias bombs, code points) as runtime exceptions.
            JsonLocation at = parser == null ? null : parser.currentLocation();
            throw new ScenarioException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + plain(firstLine(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Says a YAML syntax error in the user's words, at the place to fix. SnakeYAML describes its parser
     * state ("while parsing a block mapping: expected &lt;block end&gt;"); a user needs to hear that the
     * indentation does not line up, that a tab indents, or where the unclosed quote began.
     */
    private ScenarioException yamlProblem(MarkedYAMLException y) {
        Mark at = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
        String context = String.valueOf(y.getContext());
        String problem = firstLine(String.valueOf(y.getProblem()));
        String words = null;
        if (problem.contains("\\t(TAB)")) {
            words = "a tab character indents this line; YAML indents with spaces only: replace the tab with spaces";
        } else if (context.startsWith("while scanning a quoted scalar") && y.getContextMark() != null) {
            at = y.getContextMark(); // where the quote opened, not the end of the file
            words = "a quoted text starts here and is never closed: add the closing quote";
        } else if (context.startsWith("while parsing a flow") && problem.contains("<stream end>")
                && y.getContextMark() != null) {
            at = y.getContextMark(); // where the bracket opened, not the end of the file
            words = "a " + (context.contains("sequence") ? "[ list" : "{ mapping") + " starts here and is never closed:"
                    + " add the closing " + (context.contains("sequence") ? "]" : "}");
        } else if (context.startsWith("while parsing a flow sequence")) {
            words = "a [ list ] that is not closed, or holds a ':' (a path such as models[0].x must be quoted"
                    + " or written in block style): close it with ] or quote the text";
        } else if (context.startsWith("while parsing a flow mapping")) {
            words = "a { mapping } that is not closed, or has an item without 'field: value': check the braces and commas";
        } else if (problem.startsWith("expected <block end>, but found '-'")) {
            words = "a list item (-) where a field of the mapping above was expected: check this line's indentation";
        } else if (problem.startsWith("expected <block end>")) {
            words = "this line is not indented like the lines around it: fields of one mapping must start in the"
                    + " same column, and a nested field further right than its parent";
        } else if (problem.startsWith("mapping values are not allowed here")) {
            words = "a ':' where no field can start: check this line's indentation, or quote the value if the"
                    + " colon is part of it";
        } else if (context.startsWith("while scanning a simple key") || problem.startsWith("could not find expected ':'")) {
            words = "expected 'field: value' on this line, found a line without a ':'";
        } else if (problem.contains("found undefined tag handle") || context.startsWith("while parsing a tag")) {
            words = "a YAML tag (!name) is not supported in scenario files: remove it";
        }
        if (words == null) {
            words = plain((y.getContext() != null ? y.getContext() + ": " : "") + problem)
                    .replace("<block end>", "the end of the indented block")
                    .replace("<block mapping start>", "a new field")
                    .replace("<block sequence start>", "a new list");
        }
        return new ScenarioException(file, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1, "",
                "not valid YAML: " + words);
    }

    // ---- text checks -----------------------------------------------------------------------------

    /**
     * Checks the bytes are UTF-8 text without control characters, before any parser sees them, so that
     * each problem is reported at its own line and column (the YAML reader reports these at 1:1, and
     * would name a Java exception for a byte that is not UTF-8). Allowed: tab, line feed, carriage
     * return and every printable character (YAML 1.1's set: no other C0 or C1 control, no DEL).
     */
    private void checkText(byte[] b, boolean json) throws ScenarioException {
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)
                || b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            String kind = b.length >= 4 && (b[2] == 0 && b[3] == 0 || b[0] == 0 && b[1] == 0) ? "UTF-32" : "UTF-16";
            throw new ScenarioException(file, 1, 1, "", "expected UTF-8 text, found a " + kind
                    + " file (it starts with a " + kind + " byte-order mark); save it as UTF-8");
        }
        int line = 1;
        int col = 1;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int cp;
            int len;
            if (c < 0x80) {
                cp = c;
                len = 1;
            } else if (c >= 0xC2 && c <= 0xDF) {
                cp = c & 0x1F;
                len = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                cp = c & 0x0F;
                len = 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                cp = c & 0x07;
                len = 4;
            } else {
                throw notUtf8(line, col, c);
            }
            if (i + len > b.length) {
                throw notUtf8(line, col, c);
            }
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    throw notUtf8(line, col, c);
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            boolean overlong = len == 3 && cp < 0x800 || len == 4 && cp < 0x10000;
            if (overlong || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                throw notUtf8(line, col, c);
            }
            if (!printable(cp)) {
                boolean wide = cp == 0 && b.length > 1 && (b[0] == 0 || b[1] == 0);
                throw new ScenarioException(file, line, col, "", "expected printable text, found the control character "
                        + String.format("U+%04X", cp) + controlName(cp)
                        + (wide ? "; the file looks like UTF-16 or UTF-32: save it as UTF-8"
                                : "; remove it, or write it as an escape such as \\t inside a double-quoted string"));
            }
            // line breaks as the parser counts them, so a position here matches its own: \r\n, \r and \n in
            // both; YAML 1.1 (SnakeYAML) also breaks lines at NEL, U+2028 and U+2029, JSON does not
            boolean crBeforeLf = cp == '\r' && i + 1 < b.length && b[i + 1] == '\n';
            if (!crBeforeLf && (cp == '\n' || cp == '\r' || !json && (cp == 0x85 || cp == 0x2028 || cp == 0x2029))) {
                line++;
                col = 1;
            } else if (!crBeforeLf) {
                col++;
            }
            i += len;
        }
    }

    private ScenarioException notUtf8(int line, int col, int firstByte) {
        return new ScenarioException(file, line, col, "", "expected UTF-8 text, found the byte "
                + String.format("0x%02X", firstByte) + " which does not start a valid UTF-8 character (is the file saved "
                + "as Latin-1 or Windows-1252?); save it as UTF-8");
    }

    private static boolean printable(int cp) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D || cp >= 0x20 && cp <= 0x7E || cp == 0x85
                || cp >= 0xA0 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private static String controlName(int cp) {
        String[] c0 = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO",
            "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};
        if (cp < c0.length) {
            return " (" + c0[cp] + ")";
        }
        return cp == 0x7F ? " (DEL)" : "";
    }

    // ---- messages --------------------------------------------------------------------------------

    private static final Pattern SNAKE_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");
    private static final Pattern BACKTICK_HINT = Pattern.compile(
            ":? *(?:enable|from|use) `[A-Za-z_.]+(?:\\(\\))?`(?: to allow)?");
    private static final Pattern TOKEN = Pattern.compile("\\b(?:JsonToken\\.)?([A-Z]+(?:_[A-Z]+)+)\\b");

    private static String cleanMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "expected at most " + MAX_DEPTH + " levels of nested mappings and lists, found deeper nesting";
            }
            if (m.contains("Number value length")) {
                return "expected a number of at most 100 characters, found a longer one";
            }
            if (m.contains("String value length")) {
                return "expected a text of at most 1,000,000 characters, found a longer one";
            }
        }
        return plain(firstLine(m.replace("\n", " ")));
    }

    /**
     * Rewrites a parser's message in the user's words: no Jackson token names (VALUE_STRING,
     * START_OBJECT...), no SnakeYAML event classes, no Java feature or constraint names.
     */
    static String plain(String m) {
        Matcher ev = SNAKE_EVENT.matcher(m);
        StringBuilder b = new StringBuilder();
        while (ev.find()) {
            String word = switch (ev.group(1)) {
                case "SequenceStart" -> "a list";
                case "MappingStart" -> "a mapping";
                case "Scalar" -> "a value";
                case "Alias" -> "an alias";
                case "DocumentStart", "DocumentEnd" -> "a document marker";
                default -> "something else";
            };
            ev.appendReplacement(b, Matcher.quoteReplacement(word));
        }
        ev.appendTail(b);
        m = b.toString().replace("Expected a field name (Scalar value in YAML), got this instead: ",
                        "expected a field name (plain text), found ")
                .replaceFirst("found (a list|a mapping|an alias)$", "found $1 used as a field name")
                .replace("maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
                        "JSON has no comments (write the scenario in YAML to comment it)")
                .replace("java.io.CharConversionException: ", "");
        m = BACKTICK_HINT.matcher(m).replaceAll("");
        Matcher t = TOKEN.matcher(m);
        b = new StringBuilder();
        while (t.find()) {
            t.appendReplacement(b, Matcher.quoteReplacement(tokenWords(t.group(1))));
        }
        t.appendTail(b);
        return b.toString().replaceAll(" +", " ").trim();
    }

    private static String tokenWords(String token) {
        return switch (token) {
            case "START_OBJECT" -> "the start of a mapping";
            case "END_OBJECT" -> "the end of a mapping";
            case "START_ARRAY" -> "the start of a list";
            case "END_ARRAY" -> "the end of a list";
            case "FIELD_NAME" -> "a field name";
            case "VALUE_STRING" -> "a text value";
            case "VALUE_NUMBER_INT" -> "a whole number";
            case "VALUE_NUMBER_FLOAT" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            case "VALUE_EMBEDDED_OBJECT" -> "binary data";
            case "NOT_AVAILABLE" -> "nothing";
            default -> token.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private SourceNode read(JsonParser p, String path) throws IOException, ScenarioException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken t = p.currentToken();
        rejectTag(p, line, col, path);
        switch (t) {
            case START_OBJECT: {
                Map<String, SourceNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (fields.containsKey(key)) {
                        throw new ScenarioException(file, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "duplicate field: `" + key + "` is given twice in this mapping");
                    }
                    p.nextToken();
                    fields.put(key, read(p, childPath));
                }
                return new SourceNode.MapNode(line, col, path, fields);
            }
            case START_ARRAY: {
                List<SourceNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, path + "[" + items.size() + "]"));
                }
                return new SourceNode.ListNode(line, col, path, items);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                rejectAlias(p, line, col, path);
                String text = p.getText();
                SourceNode special = textOrSpecialNumber(line, col, path, text);
                if (special instanceof SourceNode.NumberNode) {
                    return special;
                }
                double v;
                try {
                    v = p.getDoubleValue();
                } catch (JsonProcessingException e) {
                    throw new ScenarioException(file, line, col, path, "expected a number, found " + abbreviate(text));
                }
                return new SourceNode.NumberNode(line, col, path, v, t == JsonToken.VALUE_NUMBER_INT, text);
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new SourceNode.TextNode(line, col, path, p.getText(), false, true);
            case VALUE_NULL:
                return new SourceNode.TextNode(line, col, path, "null", true, false);
            case VALUE_STRING:
                rejectAlias(p, line, col, path);
                return textOrSpecialNumber(line, col, path, p.getText());
            case VALUE_EMBEDDED_OBJECT:
                throw new ScenarioException(file, line, col, path, "expected a number, a text, a list or a mapping, "
                        + "found binary data (a !!binary value)");
            default:
                throw new ScenarioException(file, line, col, path, "expected a value, found " + tokenWords(t.name()));
        }
    }

    /**
     * Refuses a YAML tag such as {@code !foo 11}: the parser would drop it silently and read the value
     * as text, so the user would see "found the text" with no word of the tag. The standard tags
     * ({@code !!str}, {@code !!int}...) resolve to {@code tag:yaml.org,2002:} and are left to the value checks.
     */
    private void rejectTag(JsonParser p, int line, int col, String path) throws IOException, ScenarioException {
        if (p instanceof YAMLParser y) {
            String tag = y.getTypeId();
            if (tag != null && !tag.startsWith("tag:yaml.org,2002:")) {
                throw new ScenarioException(file, line, col, path, "expected a plain value, found the YAML tag !"
                        + abbreviate(tag) + ": tags are not supported in scenario files; remove it");
            }
        }
    }

    private void rejectAlias(JsonParser p, int line, int col, String path) throws IOException, ScenarioException {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new ScenarioException(file, line, col, path, "expected a value, found the YAML alias *" + y.getText()
                    + ": aliases are not supported in scenario files; write the value out");
        }
    }

    /** YAML's .nan and .inf arrive as strings from some parsers; keep them numbers so they fail as such. */
    private static SourceNode textOrSpecialNumber(int line, int col, String path, String text) {
        switch (text) {
            case ".nan": case ".NaN": case ".NAN":
                return new SourceNode.NumberNode(line, col, path, Double.NaN, false, text);
            case ".inf": case ".Inf": case ".INF": case "+.inf": case "+.Inf": case "+.INF":
                return new SourceNode.NumberNode(line, col, path, Double.POSITIVE_INFINITY, false, text);
            case "-.inf": case "-.Inf": case "-.INF":
                return new SourceNode.NumberNode(line, col, path, Double.NEGATIVE_INFINITY, false, text);
            default:
                return new SourceNode.TextNode(line, col, path, text, false, false);
        }
    }

    /** Keeps a message one line long when a value is thousands of characters (a 500-digit number). */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "... (" + text.length() + " characters)";
    }
}
