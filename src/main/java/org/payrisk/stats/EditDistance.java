package org.payrisk.stats;

/**
 * The Levenshtein distance between two strings: the fewest single-character insertions, deletions
 * and substitutions (of UTF-16 code units) that turn one into the other. Used for "did you mean"
 * suggestions by the scenario reader and the data-file reader of {@code fit}; it lives here, the
 * lowest room both may use. Thread safe (stateless).
 */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * @param a one string
     * @param b another
     * @return their Levenshtein distance, &gt;= 0 (two rows of dynamic programming, O(|a| |b|) time)
     */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * "Did you mean": the candidate nearest a misspelt name, ignoring case, within max(2, a third of
     * the name's length) edits; of equally near candidates the first.
     *
     * @param name what was written
     * @param candidates the allowed names
     * @return the nearest candidate, or null when none is that near
     */
    public static String nearest(String name, java.util.List<String> candidates) {
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        String a = name.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = levenshtein(a, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }
}
