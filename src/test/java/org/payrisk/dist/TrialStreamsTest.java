package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/** Deterministic tier: a trial's stream is the documented generator, whether new or set again. */
class TrialStreamsTest {

    /**
     * The stream of (trial, purpose), made new or by setting a generator left half-way through its
     * cached bits (an odd number of nextInt and some nextBoolean calls before), draws exactly what a
     * {@link XoRoShiRo128PlusPlus} seeded as the class documents draws: the key by the SplitMix64
     * finaliser, then two outputs of a SplitMix64 seeded with it. This also checks the generator's own
     * {@code nextLong} and {@code nextDouble} (declared for speed) against the library's.
     */
    @Test
    void aStreamSetAgainDrawsWhatANewOneDraws() {
        TrialStreams streams = new TrialStreams(20261128L);
        TrialStreams.Reseedable reused = new TrialStreams.Reseedable();
        long[][] cases = {{0, 0}, {1, 0}, {7, 3}, {99_999, 1}, {5, 0}};
        for (long[] c : cases) {
            long trial = c[0];
            int purpose = (int) c[1];
            reused.nextInt();      // leaves half of a long cached for the next nextInt
            reused.nextBoolean();  // leaves 63 bits cached for the next nextBoolean
            UniformRandomProvider set = streams.stream(trial, purpose, reused);
            assertSame(reused, set);
            UniformRandomProvider fresh = streams.stream(trial, purpose);
            UniformRandomProvider reference = documented(20261128L, trial, purpose);
            for (int i = 0; i < 40; i++) {
                long expected = draw(reference, i);
                assertEquals(expected, draw(set, i), "set again: trial " + trial + ", purpose " + purpose + ", draw " + i);
                assertEquals(expected, draw(fresh, i), "new: trial " + trial + ", purpose " + purpose + ", draw " + i);
            }
        }
    }

    /** Draw i of a sequence that mixes every kind of call whose bits commons-rng caches. */
    private static long draw(UniformRandomProvider rng, int i) {
        switch (i % 5) {
            case 0: return rng.nextInt();
            case 1: return rng.nextBoolean() ? 1 : 0;
            case 2: return Double.doubleToLongBits(rng.nextDouble());
            case 3: return rng.nextInt(1000);
            default: return rng.nextLong();
        }
    }

    /** The construction TrialStreams documents, written out from its Javadoc. */
    private static UniformRandomProvider documented(long seed, long trial, int purpose) {
        long key = TrialStreams.mix(TrialStreams.mix(seed + 0x9E3779B97F4A7C15L * (trial + 1))
                ^ ((purpose + 1L) * 0xD1B54A32D192ED03L));
        SplitMix64 expander = new SplitMix64(key);
        return new XoRoShiRo128PlusPlus(expander.nextLong(), expander.nextLong());
    }
}
