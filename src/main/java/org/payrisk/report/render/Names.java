package org.payrisk.report.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How names and other text from the scenario appear in prose, in charts and in file names. A scenario
 * may name a model anything (a newline, an escape byte, 125 characters, {@code A} beside {@code a}); every
 * output stays well formed and every file name stays short and distinct. Thread safe: no state.
 */
final class Names {

    /**
     * Longest slug for one model, in characters (ASCII, so also bytes). A difference chart joins two, so
     * its file name stays near 110 bytes, well under the 255 of common file systems even with the
     * temporary name {@link AtomicFiles} writes first.
     */
    static final int MAX_SLUG = 40;

    /** Hex digits of the name's SHA-256 kept in a shortened slug. */
    private static final int HASH_DIGITS = 8;

    private Names() {
    }

    /**
     * A user's name where a sentence starts: kept exactly as written ({@code ffs} stays {@code ffs}), since
     * capitalising it could make two names the user tells apart look alike, or change a code such as
     * {@code pT}.
     */
    static String sentenceStart(String name) {
        return name;
    }

    /**
     * Text as one printable line, for every output: line breaks, tabs and other white-space controls
     * become one space each, so a name cannot start a new Markdown block or split a chart title; other
     * control characters (ESC, BEL, NUL, C1 controls) and the bidirectional overrides that can reorder
     * what a reader sees become visible stand-ins (U+2400 control pictures, U+FFFD). The result never
     * holds a character XML 1.0 forbids, so it is safe in SVG too. Printable text is returned unchanged.
     */
    static String plain(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = replacement(c, i + 1 < s.length() ? s.charAt(i + 1) : 0,
                    i > 0 ? s.charAt(i - 1) : 0);
            if (r == null) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (r.equals(" ") && (b.length() > 0 && b.charAt(b.length() - 1) == ' ')) {
                continue; // a CR LF pair or a run of line breaks reads as one space
            }
            b.append(r);
        }
        return b == null ? s : b.toString();
    }

    /** What a character becomes in {@link #plain}, or null to keep it. */
    private static String replacement(char c, char next, char previous) {
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u000b' || c == '\f' || c == '\u0085'
                || c == '\u2028' || c == '\u2029') {
            return " ";
        }
        if (c < 0x20) {
            return String.valueOf((char) (0x2400 + c)); // e.g. ESC prints as the symbol for escape
        }
        if (c == 0x7f) {
            return "\u2421";
        }
        if ((c >= 0x80 && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\ufffe' || c == '\uffff') {
            return "\ufffd";
        }
        if (Character.isHighSurrogate(c) && !Character.isLowSurrogate(next)
                || Character.isLowSurrogate(c) && !Character.isHighSurrogate(previous)) {
            return "\ufffd"; // a lone surrogate cannot be written as UTF-8
        }
        return null;
    }

    /**
     * Display labels for a list of names: {@link #plain} text, made distinct by appending {@code (2)},
     * {@code (3)}, ... when two names read the same once flattened (charts key their series by label,
     * and two equal keys would silently draw one model).
     */
    static List<String> uniqueLabels(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String base = plain(n);
            String s = base;
            for (int k = 2; !used.add(s); k++) {
                s = base + " (" + k + ")";
            }
            out.add(s);
        }
        return out;
    }

    /**
     * A file-name-safe slug: lower case ASCII letters, digits and single hyphens, never empty, never
     * longer than {@link #MAX_SLUG}. Accents are dropped ({@code Café} gives {@code cafe}); a name
     * whose slug would be longer is cut and ends with a hyphen and the first {@value #HASH_DIGITS} hex
     * digits of the SHA-256 of the exact name, so two long names sharing a beginning still differ.
     * Distinct names can still share a slug ({@code A} and {@code a}); {@link #uniqueSlugs} and
     * {@link #claim} make them distinct.
     */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "model";
        }
        if (s.length() <= MAX_SLUG) {
            return s;
        }
        String head = s.substring(0, MAX_SLUG - HASH_DIGITS - 1).replaceAll("-+$", "");
        return head + "-" + sha256Hex(name).substring(0, HASH_DIGITS);
    }

    /**
     * Slugs for a list of names, distinct by construction: each is {@link #claim}ed in turn, so two
     * models whose names differ only in case, accents or punctuation never overwrite each other's files.
     */
    static List<String> uniqueSlugs(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(claim(used, slug(n)));
        }
        return out;
    }

    /**
     * Returns {@code wanted}, or {@code wanted-2}, {@code wanted-3}, ... whichever {@code used} does not
     * hold yet, and adds it to {@code used}. Every name one set hands out is therefore distinct,
     * whatever the names asked for.
     */
    static String claim(Set<String> used, String wanted) {
        String s = wanted;
        for (int k = 2; !used.add(s); k++) {
            s = wanted + "-" + k;
        }
        return s;
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

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
