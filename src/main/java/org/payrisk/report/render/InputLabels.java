package org.payrisk.report.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A recorded input's path in words, for the report and the brief: {@code demand.cancellationRate}
 * becomes "cancellation rate", {@code demand.cases[general].followUpVisits:mean} "follow-up visits
 * (average, general cases)", {@code models[capitation].default.capitation.pmpm} "pmpm (capitation)".
 *
 * <p>Derived from the path's own parts by one generic rule (the field's name split into words, the
 * per-trial aggregate, then the case, model and contract it belongs to), and its unit from the field
 * name as the report's assumption table states it ({@link ScenarioAssumptions#unit}), so a field added
 * to scenarios later gets a label without a table of paths to keep in step. Thread safe: no state.
 */
final class InputLabels {

    private InputLabels() {
    }

    /**
     * @param path an input path as summary.json lists it
     * @return the input in words, on one printable line
     */
    static String label(String path) {
        Parsed p = parse(path);
        String words = Brief.humanize(p.field);
        List<String> about = new ArrayList<>();
        if (p.aggregate.equals("total")) {
            // A count drawn per month and summed over the horizon is no longer "per month".
            words = words.replaceAll(" per month$", "");
            about.add("total");
        } else if (p.aggregate.equals("mean")) {
            about.add("average");
        }
        about.addAll(p.scope);
        return Names.plain(about.isEmpty() ? words : words + " (" + String.join(", ", about) + ")");
    }

    /**
     * @param path an input path
     * @return its unit in words (e.g. "probability per scheduled visit"), empty when payrisk does not know it
     */
    static String unit(String path) {
        Parsed p = parse(path);
        return ScenarioAssumptions.unit(p.field, p.parent);
    }

    /** The field's name, its parent's name, the aggregate after {@code :} and the scope in words. */
    private record Parsed(String field, String parent, String aggregate, List<String> scope) {
    }

    private static Parsed parse(String path) {
        String aggregate = "";
        String body = path;
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf(']')) {
            aggregate = path.substring(colon + 1);
            body = path.substring(0, colon);
        }
        List<String[]> parts = new ArrayList<>(); // {name, bracketed key or null}
        int i = 0;
        while (i < body.length()) {
            int dot = i;
            while (dot < body.length() && body.charAt(dot) != '.' && body.charAt(dot) != '[') {
                dot++;
            }
            String name = body.substring(i, dot);
            String key = null;
            if (dot < body.length() && body.charAt(dot) == '[') {
                int close = body.indexOf(']', dot);
                close = close < 0 ? body.length() : close;
                key = body.substring(dot + 1, close);
                dot = close + 1;
            }
            parts.add(new String[] {name, key});
            i = dot < body.length() && body.charAt(dot) == '.' ? dot + 1 : dot;
        }
        String field = parts.isEmpty() ? path : parts.get(parts.size() - 1)[0];
        String parent = parts.size() < 2 ? "" : parts.get(parts.size() - 2)[0];
        List<String> scope = new ArrayList<>();
        for (int k = 0; k < parts.size() - 1; k++) {
            String[] s = parts.get(k);
            if (s[1] == null) {
                continue;
            }
            switch (s[0]) {
                case "cases" -> scope.add(s[1] + " cases");
                case "models" -> {
                    scope.add(s[1]);
                    // The contract after the model: "default", or "payers.<payer>" for one payer's terms.
                    if (k + 2 < parts.size() - 1 && parts.get(k + 1)[0].equals("payers")) {
                        scope.add(parts.get(k + 2)[0] + " contract");
                    }
                }
                case "overlays" -> scope.add("overlay " + (parseIndex(s[1]) + 1));
                default -> scope.add(Brief.humanize(s[0]) + " " + s[1]);
            }
        }
        return new Parsed(field, parent, aggregate, scope);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
