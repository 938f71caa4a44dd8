package org.payrisk.scenario;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" suggestions. A misspelt name is matched against the names that exist by, in order
 * of preference:
 * <ol>
 *   <li>the same name once case and the separators {@code _ - . space} are ignored
 *       ({@code negative_binomial}, {@code LogNormal});</li>
 *   <li>a single typing slip (edit distance 1: {@code poison}, {@code betta});</li>
 *   <li>a prefix ({@code unif}, {@code norm}, {@code bundle});</li>
 *   <li>a substring or suffix of a known name ({@code binomial} of {@code negativeBinomial}, found
 *       only when nothing ranks higher);</li>
 *   <li>an abbreviation: the letters in order, starting with the same letter ({@code nbinom},
 *       {@code negbinomial}, {@code lnorm}, {@code ffs});</li>
 *   <li>a long shared beginning: five letters and 60% of the name ({@code triangle});</li>
 *   <li>a known name inside a longer one ({@code rv_discrete}, {@code bundledPayment}); the one
 *       nearest the end wins ({@code betaPert} is a pert);</li>
 *   <li>edit distance within max(2, length / 3) ({@code triangle}, {@code capitated}).</li>
 * </ol>
 * Ties go to the smaller difference in length, then to the first name given. The matches by prefix,
 * substring and abbreviation need at least 3 letters, so a stray letter suggests nothing.
 */
final class Names {

    private static final int MIN_PARTIAL = 3;
    private static final int INSIDE = 6;

    private Names() {
    }

    /**
     * @param name what the user wrote
     * @param known the names that exist, in the order to prefer on a tie
     * @return the known name the user most likely meant, or null when none is close
     */
    static String nearest(String name, Collection<String> known) {
        String typed = normalise(name);
        String best = null;
        long bestScore = Long.MAX_VALUE;
        for (String k : known) {
            String candidate = normalise(k);
            int rank = rank(typed, candidate);
            if (rank < 0) {
                continue;
            }
            // inside a longer name, the last word is the head noun: betaPert is a pert
            long tie = rank == INSIDE ? typed.length() - typed.lastIndexOf(candidate) - candidate.length()
                    : Math.abs(candidate.length() - typed.length());
            long score = (long) rank * 1_000_000 + tie * 1_000L + distance(typed, candidate);
            if (score < bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** @return 0 (best) to 7, or -1 when {@code candidate} is not a plausible meaning of {@code typed} */
    private static int rank(String typed, String candidate) {
        if (typed.isEmpty() || candidate.isEmpty()) {
            return -1;
        }
        if (typed.equals(candidate)) {
            return 0;
        }
        int d = distance(typed, candidate);
        if (d == 1) {
            return 1;
        }
        boolean partial = typed.length() >= MIN_PARTIAL;
        if (partial && candidate.startsWith(typed)) {
            return 2;
        }
        if (partial && candidate.contains(typed)) {
            return 3;
        }
        if (partial && typed.charAt(0) == candidate.charAt(0) && isSubsequence(typed, candidate)) {
            return 4;
        }
        if (partial && commonPrefix(typed, candidate) >= Math.max(MIN_PARTIAL + 2, 0.6 * typed.length())) {
            return 5;
        }
        if (candidate.length() >= MIN_PARTIAL && typed.contains(candidate)) {
            return INSIDE;
        }
        return d <= Math.max(2, typed.length() / 3) ? 7 : -1;
    }

    /**
     * @param c a code point
     * @return whether it shows nothing: white space (including U+00A0, U+2007, U+202F), a space, line or
     *     paragraph separator, a format character (U+200B, U+FEFF, U+202E ...) or a control character;
     *     {@link Character#isWhitespace} misses the no-break spaces and the format characters
     */
    static boolean isInvisible(int c) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.FORMAT, Character.CONTROL -> true;
            default -> false;
        };
    }

    /** @return whether a name has no visible character (empty, or only spaces and invisible characters) */
    static boolean isBlank(String name) {
        return name.codePoints().allMatch(Names::isInvisible);
    }

    /**
     * The form two names are compared in to tell they are one: invisible characters at either end
     * removed and case folded, so {@code ffs}, {@code FFS} and {@code " ffs "} are the same name.
     *
     * @param name a name as written
     * @return its comparison form
     */
    static String identity(String name) {
        int[] cps = name.codePoints().toArray();
        int from = 0;
        int to = cps.length;
        while (from < to && isInvisible(cps[from])) {
            from++;
        }
        while (to > from && isInvisible(cps[to - 1])) {
            to--;
        }
        return new String(cps, from, to - from).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Lower case, without {@code _ - . } and spaces. */
    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_' && c != '-' && c != '.' && c != ' ') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static boolean isSubsequence(String small, String big) {
        int j = 0;
        for (int i = 0; i < big.length() && j < small.length(); i++) {
            if (big.charAt(i) == small.charAt(j)) {
                j++;
            }
        }
        return j == small.length();
    }

    /** The Levenshtein distance ({@link org.payrisk.stats.EditDistance}). */
    static int distance(String a, String b) {
        return org.payrisk.stats.EditDistance.levenshtein(a, b);
    }
}
