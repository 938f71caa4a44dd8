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
     * visit's, with nextLong calls between, and so do the interface's methods built on them.
     */
    @Test
    void nextDoubleAndNextIntAreTheLibrarysFormulas() {
        ClaimRandom claim = ClaimRandom.ofTerm(20261129L, 0x5DEECE66DL);
        ClaimRandom twin = ClaimRandom.ofTerm(20261129L, 0x5DEECE66DL);
        UniformRandomProvider library = twin::nextLong; // only nextLong of its own: every other method the interface's
        for (int visit = 0; visit < 3; visit++) {
            for (int i = 0; i < 100; i++) {
                String at = "visit " + visit + ", draw " + i;
                switch (i % 5) {
                    case 0 -> assertEquals(library.nextDouble(), claim.nextDouble(), 0.0, at);
                    case 1 -> assertEquals(library.nextInt(), claim.nextInt(), at);
                    case 2 -> assertEquals(library.nextLong(), claim.nextLong(), at);
                    case 3 -> assertEquals(library.nextInt(1000), claim.nextInt(1000), at); // built on nextInt
                    default -> assertEquals(library.nextBoolean(), claim.nextBoolean(), at); // built on nextInt
                }
            }
            claim.visit(visit);
            twin.visit(visit);
        }
    }
}
