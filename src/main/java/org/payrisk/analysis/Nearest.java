package org.payrisk.analysis;

import java.util.List;

/** "Did you mean": the candidate nearest a misspelt name by edit distance. Stateless. */
final class Nearest {

    private Nearest() {
    }

    /**
     * @param name what was written
     * @param candidates the allowed names
     * @return the nearest candidate within a third of the name's length (at least 2 edits), or null
     */
    static String of(String name, List<String> candidates) {
        return org.payrisk.stats.EditDistance.nearest(name, candidates);
    }
}
