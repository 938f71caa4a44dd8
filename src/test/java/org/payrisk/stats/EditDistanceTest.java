package org.payrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Deterministic tier: textbook Levenshtein distances (worked by hand). */
class EditDistanceTest {

    @Test
    void textbookDistances() {
        assertEquals(3, EditDistance.levenshtein("kitten", "sitting"));
        assertEquals(2, EditDistance.levenshtein("flaw", "lawn"));
        assertEquals(3, EditDistance.levenshtein("", "abc"));
        assertEquals(3, EditDistance.levenshtein("abc", ""));
        assertEquals(0, EditDistance.levenshtein("poisson", "poisson"));
        assertEquals(1, EditDistance.levenshtein("poison", "poisson"));
        assertEquals(1, EditDistance.levenshtein("Beta", "beta"), "case counts: callers fold it when they want");
    }

    @Test
    void nearestIgnoresCaseAndStopsAtAThirdOfTheLength() {
        java.util.List<String> names = java.util.List.of("netIncome", "revenue", "costs");
        assertEquals("netIncome", EditDistance.nearest("NetIncom", names));
        assertEquals("revenue", EditDistance.nearest("revenu", names));
        assertEquals(null, EditDistance.nearest("profit", names), "6 letters: at most 2 edits");
        assertEquals("costs", EditDistance.nearest("cost", names));
    }
}
