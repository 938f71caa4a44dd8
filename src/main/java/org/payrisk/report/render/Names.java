package org.payrisk.report.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How model names from the scenario appear in prose and in file names. Thread safe: no state.
 */
final class Names {

    private Names() {
    }

    /** The name as the start of a sentence: {@code fee-for-service} becomes {@code Fee-for-service}. */
    static String sentenceStart(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(name.substring(Character.charCount(first))).toString();
    }

    /** A file-name-safe slug: lower case ASCII letters, digits and single hyphens; never empty. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "model" : s;
    }

    /**
     * Slugs for a list of names, made unique by appending {@code -2}, {@code -3}, ... so two models whose
     * names differ only in punctuation never overwrite each other's chart files.
     */
    static List<String> uniqueSlugs(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String base = slug(n);
            String s = base;
            for (int k = 2; !used.add(s); k++) {
                s = base + "-" + k;
            }
            out.add(s);
        }
        return out;
    }

    /** Joins items as prose: {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> items) {
        int n = items.size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }
}
