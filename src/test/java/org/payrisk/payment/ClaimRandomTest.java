package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Deterministic tier: a claim's stream draws what commons-rng's own methods would draw from its longs. */
class ClaimRandomTest {

    /**
     * {@link ClaimRandom#nextDouble()} and {@link ClaimRandom#nextInt()}, declared in the class for
     * speed, give exactly what the library's {@link UniformRandomProvider#nextDouble()} and
     * {@link UniformRandomProvider#nextInt()} make from the same longs, over a term's stream and a
     * visit's, with nextLong calls between.
     */
    @Test
    void nextDoubleAndNextIntAreTheLibrarysFormulas() {
        ClaimRandom claim = ClaimRandom.ofTerm(20261129L, 0x5DEECE66DL);
        ClaimRandom twin = ClaimRandom.ofTerm(20261129L, 0x5DEECE66DL);
        UniformRandomProvider library = twin::nextLong; // only nextLong of its own: every other method the interface's
        for (int visit = 0; visit < 3; visit++) {
            for (int i = 0; i < 100; i++) {
                if (i % 3 == 2) {
                    assertEquals(library.nextLong(), claim.nextLong(), "visit " + visit + ", draw " + i);
                } else if (i % 3 == 1) {
                    assertEquals(library.nextInt(), claim.nextInt(), "visit " + visit + ", draw " + i);
                } else {
                    assertEquals(library.nextDouble(), claim.nextDouble(), 0.0, "visit " + visit + ", draw " + i);
                }
            }
            claim.visit(visit);
            twin.visit(visit);
        }
    }
}
