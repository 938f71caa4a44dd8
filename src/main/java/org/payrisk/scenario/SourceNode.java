package org.payrisk.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a scenario file with where it stands (line, column) and its field path: the
 * located tree from which records are built, so that every error can point at the exact place.
 */
sealed interface SourceNode {

    /** @return 1-based line */
    int line();

    /** @return 1-based column */
    int column();

    /** @return field path such as {@code demand.cases[0].share}; empty at the root */
    String path();

    /** @return a short description of the node's kind for "found ..." messages */
    String describe();

    /** A mapping; keys in file order. */
    record MapNode(int line, int column, String path, Map<String, SourceNode> fields) implements SourceNode {
        public MapNode {
            fields = new LinkedHashMap<>(fields);
        }

        @Override
        public String describe() {
            List<String> keys = fields.keySet().stream().map(SourceParser::abbreviate).toList();
            // A message stays readable when a user pastes a whole block where a value belongs.
            return "a mapping {" + String.join(", ", keys.subList(0, Math.min(8, keys.size())))
                    + (keys.size() > 8 ? ", ... (" + keys.size() + " fields)" : "") + "}";
        }
    }

    /** A sequence. */
    record ListNode(int line, int column, String path, List<SourceNode> items) implements SourceNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list of " + items.size() + " item" + (items.size() == 1 ? "" : "s");
        }
    }

    /** A number. */
    record NumberNode(int line, int column, String path, double value, boolean integral, String text)
            implements SourceNode {
        @Override
        public String describe() {
            return "the number " + SourceParser.abbreviate(text);
        }
    }

    /** A string, boolean or null scalar, kept as its text. */
    record TextNode(int line, int column, String path, String text, boolean isNull, boolean isBoolean)
            implements SourceNode {
        @Override
        public String describe() {
            if (isNull) {
                return "nothing (null)";
            }
            return isBoolean ? "the boolean " + text : "the text \"" + SourceParser.abbreviate(text) + "\"";
        }
    }
}
