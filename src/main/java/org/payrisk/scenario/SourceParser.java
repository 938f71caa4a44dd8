package org.payrisk.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
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
        JsonFactory factory = json ? jsonFactory() : yamlFactory();
        try (JsonParser p = factory.createParser(bytes)) {
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
                int line = y.getProblemMark() != null ? y.getProblemMark().getLine() + 1 : 0;
                int col = y.getProblemMark() != null ? y.getProblemMark().getColumn() + 1 : 0;
                String context = y.getContext() != null ? y.getContext() + ": " : "";
                throw new ScenarioException(file, line, col, "", "not valid YAML: " + context
                        + firstLine(String.valueOf(y.getProblem())));
            }
            JsonLocation at = e.getLocation();
            throw new ScenarioException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + cleanMessage(e));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its own limits (alias bombs, code points) as runtime exceptions.
            throw new ScenarioException(file, 0, 0, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String cleanMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof JsonParseException && m != null) {
            m = m.replace("\n", " ");
        }
        return firstLine(m == null ? e.getClass().getSimpleName() : m);
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
                    throw new ScenarioException(file, line, col, path, "expected a number, found " + text);
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
            default:
                throw new ScenarioException(file, line, col, path, "expected a value, found " + t);
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
}
